//! Large and degenerate inputs, generated here: many lines, one enormous line, a header of
//! a thousand columns, labels and titles built to make a careless scan quadratic. Each must
//! finish (a quadratic scan would not, at these sizes) and give the same facts as the seed, or
//! a clear error at the right place. Peak memory is measured outside the tests (README).

use xbrlify::Options;
use xbrlify::error::ErrorKind;
use xbrlify::facts::Fate;

use crate::{convert_text, seed_text};

/// The seed's facts as `concept context value` lines, sorted.
fn fact_lines(text: &str) -> Vec<String> {
    let (_, conv) = convert_text("big.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let mut out: Vec<String> = conv
        .facts
        .facts
        .iter()
        .map(|f| format!("{} {} {}", f.concept, f.context.id, f.value))
        .collect();
    out.sort();
    out
}

fn seed_facts() -> Vec<String> {
    fact_lines(&seed_text())
}

/// The seed with `extra` inserted before its line `line` (1-based).
fn seed_with(line: usize, extra: &str) -> String {
    let seed = seed_text();
    let mut lines: Vec<&str> = seed.split_inclusive('\n').collect();
    lines.insert(line - 1, extra);
    lines.concat()
}

fn expect_error(text: &str, kind: ErrorKind, at: &str, phrase: &str) {
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let err = match convert_text("big.txt", text.as_bytes(), &strict) {
        Ok(_) => panic!("expected an error containing {phrase:?}"),
        Err(e) => e,
    };
    assert_eq!(err.kind(), kind, "{}", err.message());
    let loc = err.location().expect("a position");
    assert_eq!(loc.at.to_string(), at, "{}", err.message());
    assert!(err.message().contains(phrase), "{}", err.message());
}

#[test]
fn two_hundred_thousand_lines_of_prose_after_the_tables() {
    let mut text = seed_text();
    for i in 0..200_000 {
        text.push_str(&format!(
            "Line {i} of the safe-harbor text, with a $5.2 million aside and 31% more.\n"
        ));
    }
    assert_eq!(fact_lines(&text), seed_facts());
}

#[test]
fn a_table_of_two_hundred_thousand_rows() {
    let mut text = seed_text();
    text.push_str(
        "\n\n                      Supplementary Data\n\n\
         \x20                          Three Months Ended\n\
         \x20                        Sept. 30,  Sept. 30,\n\
         \x20                           2003       2002\n\n",
    );
    for i in 0..200_000 {
        text.push_str(&format!("Item number {i:<12}       {i:>6}      1,234\n"));
    }
    let (_, conv) = convert_text("big.txt", text.as_bytes(), &Options::default()).unwrap();
    let table = conv.document.tables.last().unwrap();
    assert_eq!(table.rows.len(), 200_000);
    assert_eq!(table.rows[199_999].label.text, "Item number 199999");
    // Every cell of the new table is accounted for: no mapping knows "Item number N".
    let skipped = conv
        .facts
        .cells
        .iter()
        .filter(|c| matches!(c.fate, Fate::Skipped(_)))
        .count();
    assert!(skipped >= 400_000, "{skipped}");
}

#[test]
fn a_single_long_line_of_prose() {
    // Five million bytes on one line, no line break: prose, then the seed.
    let words = "the quarter's results were in line with expectations ".repeat(100_000);
    let text = seed_with(1, &format!("{words}\n"));
    assert_eq!(fact_lines(&text), seed_facts());
    expect_error(&words, ErrorKind::Table, "1:1", "no financial table");
}

#[test]
fn a_line_too_long_for_a_table_is_prose_with_a_diagnostic() {
    // A million numbers on one line inside the statement of operations: not a row.
    let row = format!("Other income{}\n", "      1,234".repeat(1_000_000));
    let text = seed_with(246, &row);
    assert_eq!(fact_lines(&text), seed_facts());
    let (_, conv) = convert_text("big.txt", text.as_bytes(), &Options::default()).unwrap();
    let d = conv
        .diagnostics
        .iter()
        .find(|d| d.code == "long-line")
        .expect("a long-line diagnostic");
    // The position alone: a line of 11 MB is not shown.
    assert_eq!(
        d.to_string(),
        "big.txt:246:1: warning[long-line]: this line is 11000012 bytes long, more than the \
         16384 of any table line: read as prose"
    );
}

#[test]
fn a_row_of_a_thousand_numbers_is_an_error_at_a_cell() {
    // Line 246 of the seed is a row of the statement of operations (4 columns); the second
    // number has no column left of its own to go to.
    let row = format!("Other income{}\n", "      1,234".repeat(1_000));
    let text = seed_with(246, &row);
    expect_error(
        &text,
        ErrorKind::Table,
        "246:30",
        "this row has 1000 numbers but the table has 4 columns",
    );
}

#[test]
fn a_header_of_a_thousand_years_is_refused() {
    let years = "      2003".repeat(1_000);
    let cells = "      1,234".repeat(1_000);
    let text = format!(
        "ACME Corp. (NYSE: ACM)\n\n              Three Months Ended September 30,\n{years}\n\nRevenues{cells}\n"
    );
    expect_error(
        &text,
        ErrorKind::Table,
        "4:7",
        "a table of 1000 columns: more than the 64",
    );
}

#[test]
fn a_label_of_open_parentheses() {
    // The label normaliser looks for a footnote's closing parenthesis after each `(`; the
    // line is as long as a table line may be.
    let label = "(".repeat(16_000);
    let row = format!("{label}              1           2           3           4\n");
    let text = seed_with(246, &row);
    assert_eq!(fact_lines(&text), seed_facts());
}

#[test]
fn a_title_of_many_date_ranges() {
    // Each "from ... to ..." in a title is a candidate period; none may rescan the rest.
    // Six title lines as long as a table line may be; only the last range ends in 1996, the
    // column's year.
    let line = "from June 3, 1995 to December 31, 1995; ".repeat(400);
    let text = format!(
        "ACME Corp. (NYSE: ACM)\n\n{line}\n{line}\n{line}\n{line}\n{line}\n{line}from June 3, 1996 to December 31, 1996\n\n                            1996\n\nRevenues                   5,001\n"
    );
    let (_, conv) = convert_text("big.txt", text.as_bytes(), &Options::default()).unwrap();
    let f = conv
        .facts
        .facts
        .iter()
        .find(|f| f.concept == "us-gaap:Revenues")
        .unwrap();
    assert_eq!(
        (f.context.id.as_str(), f.value.as_str()),
        ("D19960603-19961231", "5001")
    );
}

#[test]
fn a_long_line_of_colons_and_exchanges() {
    // The ticker finder looks back from every colon for an exchange name.
    let noise = "NYSE-lookalike: NASDAQ-ish: ".repeat(200_000);
    let text = seed_with(1, &format!("{noise}\n"));
    assert_eq!(fact_lines(&text), seed_facts());
}
