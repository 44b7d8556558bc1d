//! `convert --format`: the instance by default, Inline XBRL and xBRL-JSON on request, for one
//! release and for a batch (each output named with its format's extension).

use crate::{root, seed_path, xbrlify_in};

fn golden(name: &str) -> Vec<u8> {
    std::fs::read(root().join("golden").join(name)).unwrap()
}

#[test]
fn each_format_writes_its_golden() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Named as the golden's release, which the Inline XBRL document's title shows.
    std::fs::copy(seed_path(), d.join("atg-2003-q3.txt")).unwrap();
    for (format, out, expected) in [
        (None, "a.xml", "atg-2003-q3.xml"),
        (Some("xbrl"), "b.xml", "atg-2003-q3.xml"),
        (Some("ixbrl"), "c.html", "atg-2003-q3.html"),
        (Some("json"), "d.json", "atg-2003-q3.json"),
    ] {
        let mut args = vec!["convert", "atg-2003-q3.txt", "-o", out];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        let run = xbrlify_in(d, &args, b"");
        assert_eq!(run.status.code(), Some(0), "{format:?}");
        assert_eq!(
            std::fs::read(d.join(out)).unwrap(),
            golden(expected),
            "{format:?}"
        );
    }
    let run = xbrlify_in(d, &["convert", "atg-2003-q3.txt", "--format", "pdf"], b"");
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn a_batch_names_its_outputs_with_the_formats_extension() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("in")).unwrap();
    std::fs::copy(seed_path(), d.join("in/atg-2003-q3.txt")).unwrap();
    for (format, name) in [("ixbrl", "atg-2003-q3.html"), ("json", "atg-2003-q3.json")] {
        let out = format!("out-{format}");
        let args = [
            "convert",
            "in",
            "--out-dir",
            &out,
            "--format",
            format,
            "--skip-existing",
        ];
        let run = xbrlify_in(d, &args, b"");
        assert_eq!(run.status.code(), Some(0), "{format}");
        let listing: Vec<String> = std::fs::read_dir(d.join(&out))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(listing, [name]);
        assert_eq!(
            std::fs::read(d.join(&out).join(name)).unwrap(),
            golden(name)
        );
        // A complete output of the format is recognised as such.
        let run = xbrlify_in(d, &args, b"");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains("1 skipped"),
            "{format}"
        );
    }
}
