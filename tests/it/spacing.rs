//! A release set double-spaced (a blank line after every line) is read as the release itself:
//! the seed and every statement release give the same instance either way.

fn double_spaced(text: &str) -> String {
    text.lines()
        .flat_map(|l| [l, ""])
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn double_spacing_changes_no_instance() {
    let mut paths = vec![crate::seed_path()];
    let dir = crate::root().join("tests/data/statements");
    let mut more: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    more.sort();
    paths.extend(more);
    let options = xbrlify::Options::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let write = |name: &str, text: &str| {
            let (_, conv) = crate::convert_text(name, text.as_bytes(), &options)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            xbrlify::xbrl::write(&conv)
        };
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(
            write(&name, &text),
            write(&name, &double_spaced(&text)),
            "{name} double-spaced"
        );
    }
}
