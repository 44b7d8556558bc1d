//! A minimal check of the layout cases in `tests/data/layouts/`: each `NAME.txt` converts
//! and gives exactly the non-dei facts `NAME.facts` lists, one a line, tab-separated
//! `concept[axis=member,...]  period  value  decimals  unit` (period `START/END` or `DATE`;
//! `#` lines are comments). Temporary: the layout-case runner replaces it.

use std::collections::BTreeSet;

use xbrlify::interpret::Period;

fn render(f: &xbrlify::facts::Fact) -> String {
    let dims: Vec<String> = f
        .context
        .dims
        .iter()
        .map(|(axis, member)| format!("{axis}={member}"))
        .collect();
    let concept = if dims.is_empty() {
        f.concept.clone()
    } else {
        format!("{}[{}]", f.concept, dims.join(","))
    };
    let period = match f.context.period {
        Period::Instant(d) => d.to_string(),
        Period::Duration { start, end } => format!("{start}/{end}"),
    };
    let decimals = f.decimals.map_or(String::new(), |d| d.to_string());
    let unit = f.unit.map_or("", |u| u.id());
    format!("{concept}\t{period}\t{}\t{decimals}\t{unit}", f.value)
}

#[test]
fn every_layout_case_gives_exactly_its_facts() {
    let dir = crate::root().join("tests/data/layouts");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "facts"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no layout cases in {}", dir.display());
    for facts in names {
        let text = std::fs::read_to_string(&facts).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines.first().is_some_and(|l| l.starts_with('#')),
            "{}: the first line is a comment saying what the case shows",
            facts.display()
        );
        let expected: BTreeSet<String> = lines
            .iter()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.trim_end().to_string())
            .collect();
        let release = facts.with_extension("txt");
        let (_, conv) = crate::convert_file(&release, &xbrlify::Options::default())
            .unwrap_or_else(|e| panic!("{} converts: {e}", release.display()));
        let actual: BTreeSet<String> = conv
            .facts
            .facts
            .iter()
            .filter(|f| !f.concept.starts_with("dei:"))
            .map(render)
            .collect();
        let missing: Vec<&String> = expected.difference(&actual).collect();
        let extra: Vec<&String> = actual.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}:\n  missing: {missing:#?}\n  unexpected: {extra:#?}",
            facts.display()
        );
    }
}
