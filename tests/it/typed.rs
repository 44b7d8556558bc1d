//! Whole statements of corpus releases, typed by hand, as data: `tests/data/typed/NAME.facts`
//! holds every line of one income statement and one balance sheet of a release in
//! `../shared/corpus` (or where `XBRLIFY_CORPUS` points), every column of each, one fact a line,
//! tab-separated: `concepts  period  value  decimals  unit`.
//!
//! * `concepts`: the QName the line reports, or alternatives separated by `|` when the taxonomy
//!   offers more than one fitting line item; the fact is in a context without dimensions;
//! * `period`: `START/END` or an instant's `DATE`; `value` as the instance stores it (the
//!   amount shown times the scale, signed as the concept's balance wants);
//! * `#` lines are comments (the first says what the release is), `!` lines say what facts
//!   cannot:
//!   * `!release PATH`: the release, relative to the corpus folder (one per file);
//!   * `!extension ROW PERIOD SHOWN`: a line with no us-gaap concept of its own (a line of the
//!     company's own, which a report would give an extension concept): the cell of the row that
//!     ROW names, in PERIOD, showing SHOWN, is read and is not written with a standard concept;
//!   * `!nofact ROW PERIOD SHOWN`: a cell that reports nothing (a double dash, "n/a") is read and is no
//!     fact;
//!   * `!gap CONCEPTS PERIOD VALUE DECIMALS UNIT WHY`: a fact line the program does not give
//!     yet, for the reason WHY; it fails once the fact is given, to be made a fact line.
//!
//! ROW is the row's label, or its sections and label, `/`-separated; each part is found, in
//! order and ignoring case, in the parts of the row's `sections / label`, the last in the label.
//! SHOWN is the cell as printed; its digits must be the cell's digits (a dash: a cell with no
//! digit but those of a character reference, `&#8212;`). One test runs every file and reports
//! every mismatch.

use xbrlify::Options;
use xbrlify::facts::{CellReport, Fact, Fate};
use xbrlify::interpret::Period;
use xbrlify::source::Source;

use crate::corpus::folder_or_skip;
use crate::{convert_file, root};

/// A period as the files write it.
fn period_text(period: &Period) -> String {
    match period {
        Period::Instant(d) => d.to_string(),
        Period::Duration { start, end } => format!("{start}/{end}"),
    }
}

/// Whether the row account `row` ("Sections / Label") is the row `want` names.
fn row_matches(row: &str, want: &str) -> bool {
    let have: Vec<String> = row.split(" / ").map(str::to_lowercase).collect();
    let want: Vec<String> = want.split(" / ").map(str::to_lowercase).collect();
    let (Some(last), Some(label)) = (want.last(), have.last()) else {
        return false;
    };
    if !label.contains(last.as_str()) {
        return false;
    }
    let mut parts = have[..have.len() - 1].iter();
    want[..want.len() - 1]
        .iter()
        .all(|w| parts.any(|h| h.contains(w.as_str())))
}

/// The digits a cell shows, character references left out.
fn digits(text: &str) -> String {
    let mut out = String::new();
    let mut in_reference = false;
    for c in text.chars() {
        match c {
            '&' => in_reference = true,
            ';' => in_reference = false,
            d if d.is_ascii_digit() && !in_reference => out.push(d),
            _ => {}
        }
    }
    out
}

/// The fact a cell reports or repeats, if any.
fn fact_of<'a>(conv: &'a xbrlify::Conversion, cell: &CellReport) -> Option<&'a Fact> {
    match cell.fate {
        Fate::Fact(i) | Fate::Duplicate(i) => conv.facts.facts.get(i),
        _ => None,
    }
}

/// Checks one fact line: why it does not hold, if not.
fn check_fact(conv: &xbrlify::Conversion, f: &[&str]) -> Option<String> {
    let [concepts, period, value, decimals, unit] = f else {
        return Some("a fact line has five tab-separated fields".into());
    };
    let concepts: Vec<&str> = concepts.split('|').collect();
    let found: Vec<&Fact> = (conv.facts.facts.iter())
        .filter(|x| concepts.contains(&x.concept.as_str()) && x.context.dims.is_empty())
        .filter(|x| period_text(&x.context.period) == *period)
        .collect();
    let [fact] = found[..] else {
        let values: Vec<_> = found.iter().map(|x| (&x.concept, &x.value)).collect();
        return Some(format!("{} such facts {values:?}", found.len()));
    };
    let got_decimals = fact.decimals.map_or("INF".to_string(), |d| d.to_string());
    let got_unit = fact.unit.map_or("", |u| u.id());
    let ok = fact.value == *value && got_decimals == *decimals && got_unit == *unit;
    (!ok).then(|| {
        format!(
            "got {} {} {got_decimals} {got_unit}",
            fact.concept, fact.value
        )
    })
}

/// Checks one `!extension` or `!nofact` line: why it does not hold, if not.
fn check_cell(source: &Source, conv: &xbrlify::Conversion, f: &[&str]) -> Option<String> {
    let [kind, row, period, shown] = f else {
        return Some("a `!` cell line has four tab-separated fields".into());
    };
    let cells: Vec<&CellReport> = (conv.facts.cells)
        .iter()
        .filter(|c| row_matches(&c.row, row))
        .filter(|c| c.period.as_ref().map(period_text).as_deref() == Some(*period))
        .filter(|c| digits(source.slice(c.span)) == digits(shown))
        .collect();
    if cells.is_empty() {
        let rows: Vec<_> = (conv.facts.cells.iter())
            .filter(|c| row_matches(&c.row, row))
            .map(|c| {
                (
                    &c.row,
                    c.period.as_ref().map(period_text),
                    source.slice(c.span),
                )
            })
            .collect();
        return Some(format!("no such cell; the row's cells: {rows:?}"));
    }
    let written: Vec<&str> = (cells.iter())
        .filter_map(|c| fact_of(conv, c))
        .filter(|x| *kind == "!nofact" || is_standard(&x.concept))
        .map(|x| x.concept.as_str())
        .collect();
    (!written.is_empty()).then(|| format!("written as {written:?}"))
}

/// A concept of a standard taxonomy (not an extension of the company's).
fn is_standard(concept: &str) -> bool {
    ["us-gaap:", "srt:", "dei:"]
        .iter()
        .any(|p| concept.starts_with(p))
}

/// Runs one file: what is wrong, nothing when every line holds.
fn run(name: &str, text: &str, corpus: &std::path::Path) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    if !(lines.first()).is_some_and(|l| l.starts_with("# ")) {
        return vec![format!("{name}: the first line must be a `# ` comment")];
    }
    let releases: Vec<&str> = (lines.iter())
        .filter_map(|l| l.strip_prefix("!release\t"))
        .collect();
    let [release] = releases[..] else {
        return vec![format!(
            "{name}: one `!release` line, not {}",
            releases.len()
        )];
    };
    let (source, conv) = match convert_file(&corpus.join(release), &Options::default()) {
        Ok(converted) => converted,
        Err(e) => return vec![format!("{name}: {release} does not convert:\n{e}")],
    };
    let mut problems = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("!release\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let why = match f[0] {
            "!extension" | "!nofact" => check_cell(&source, &conv, &f),
            "!gap" if f.len() == 7 => check_fact(&conv, &f[1..6])
                .is_none()
                .then(|| "the fact is given now: make this a fact line".into()),
            bang if bang.starts_with('!') => Some("not a known `!` line".into()),
            _ => check_fact(&conv, &f),
        };
        if let Some(why) = why {
            problems.push(format!("{name}.facts:{}: {line}\n    {why}", i + 1));
        }
    }
    problems
}

#[test]
fn statements_typed_from_corpus_releases() {
    let Some(corpus) = folder_or_skip("the typed statements") else {
        return;
    };
    let dir = root().join("tests/data/typed");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".facts").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "the typed statements are in {dir:?}");
    let mut problems = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.facts"))).unwrap();
        problems.extend(run(name, &text, &corpus));
    }
    assert!(
        problems.is_empty(),
        "{} lines do not hold:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn cells_are_matched_by_the_digits_they_show() {
    assert_eq!(digits("(1,710)"), "1710");
    assert_eq!(digits("&#8212;"), "");
    assert_eq!(digits("$&nbsp;1,204"), "1204");
}

#[test]
fn rows_are_matched_by_label_and_sections() {
    assert!(row_matches(
        "Liabilities / Short-term borrowings / -- Financial Products",
        "Short-term borrowings / Financial Products"
    ));
    assert!(!row_matches(
        "Liabilities / Long-term debt due after one year / -- Financial Products",
        "Short-term borrowings / Financial Products"
    ));
    assert!(!row_matches(
        "Revenues of Financial Products",
        "Interest expense of Financial Products"
    ));
}
