//! Bad input: each case gives a clear error (or diagnostic) with a position, never a panic.

use xbrlify::Options;
use xbrlify::error::ErrorKind;
use xbrlify::map::Mapping;
use xbrlify::taxonomy::ConceptTable;

use crate::{convert_text, seed_text};

/// Runs a release text and expects an error: kind, `line:col`, a phrase of the message.
fn expect_error(text: &[u8], kind: ErrorKind, at: &str, phrase: &str) -> String {
    let err = match convert_text("bad.txt", text, &Options::default()) {
        Ok(_) => panic!("expected an error containing {phrase:?}"),
        Err(e) => e,
    };
    let shown = err.to_string();
    assert_eq!(err.kind(), kind, "{shown}");
    assert!(
        shown.starts_with(&format!("bad.txt:{at}: ")),
        "expected position {at}:\n{shown}"
    );
    assert!(shown.contains(phrase), "expected {phrase:?} in:\n{shown}");
    shown
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} must occur once in the seed"
    );
    text.replacen(from, to, 1)
}

#[test]
fn empty_file() {
    expect_error(b"", ErrorKind::Input, "1:1", "empty");
    expect_error(b"  \n\n", ErrorKind::Input, "1:1", "empty");
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..2048u32).map(|i| (i * 7919 % 251) as u8).collect();
    expect_error(&junk, ErrorKind::Input, "1:1", "binary");
}

#[test]
fn no_table() {
    expect_error(
        b"ACME Corp. reports a fine quarter.\n\nRevenues were $5.2 million, up 3%.\n",
        ErrorKind::Table,
        "1:1",
        "no financial table",
    );
}

#[test]
fn header_without_a_date() {
    let text = "Results\n\n                         Q3         Q2\n\nTotal revenues        5,001      4,000\nNet income              120         35\n";
    expect_error(
        text.as_bytes(),
        ErrorKind::Period,
        "5:1",
        "no dated column header",
    );
}

#[test]
fn malformed_number() {
    let text = replace_once(
        &seed_text(),
        "  Services                    11,008",
        "  Services                    12,34,5",
    );
    let shown = expect_error(
        text.as_bytes(),
        ErrorKind::Number,
        "218:31",
        "malformed number `12,34,5`",
    );
    assert!(shown.contains("^^^^^^^"), "caret under the cell:\n{shown}");
}

#[test]
fn footing_mismatch_is_a_diagnostic_naming_the_line() {
    let text = replace_once(
        &seed_text(),
        "Total Revenues              16,009",
        "Total Revenues              16,019",
    );
    let (_, conv) = convert_text("bad.txt", text.as_bytes(), &Options::default()).unwrap();
    let footing: Vec<String> = conv
        .diagnostics
        .iter()
        .filter(|d| d.code == "footing")
        .map(|d| d.to_string())
        .collect();
    assert!(
        footing.iter().any(|d| d.starts_with("bad.txt:219:31: ")
            && d.contains("us-gaap:Revenues")
            && d.contains("off by 10000")),
        "{footing:#?}"
    );
    // Gross profit no longer foots either: 16,019 - 5,128 is not 10,881.
    assert!(
        footing.iter().any(|d| d.starts_with("bad.txt:226:31: ")),
        "{footing:#?}"
    );
}

#[test]
fn duplicate_disagreement_names_both_cells() {
    let text = replace_once(
        &seed_text(),
        "Total revenues                    $16.0",
        "Total revenues                    $17.0",
    );
    let shown = expect_error(text.as_bytes(), ErrorKind::Duplicate, "33:35", "disagree");
    assert!(
        shown.contains("17000000") && shown.contains("16009000"),
        "{shown}"
    );
    assert!(
        shown.contains("note: bad.txt:219:31: "),
        "the other cell:\n{shown}"
    );
}

fn mapping_error(text: &str) -> String {
    let concepts = ConceptTable::embedded();
    match Mapping::parse("bad.toml", text, &concepts) {
        Ok(_) => panic!("expected a mapping error"),
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Mapping);
            e.to_string()
        }
    }
}

#[test]
fn mapping_with_a_toml_syntax_error() {
    let shown =
        mapping_error("[[row]]\nlabels = [\"total revenues\"\nconcept = \"us-gaap:Revenues\"\n");
    assert!(shown.starts_with("bad.toml:"), "{shown}");
    assert!(shown.contains("invalid mapping file"), "{shown}");
}

#[test]
fn mapping_naming_an_unknown_concept() {
    let shown = mapping_error(
        "[[row]]\nlabels = [\"total revenues\"]\nconcept = \"us-gaap:TotalRevenuez\"\n",
    );
    assert!(
        shown.starts_with("bad.toml:3:11: unknown concept `us-gaap:TotalRevenuez`"),
        "{shown}"
    );
}

#[test]
fn mapping_naming_a_member_as_concept() {
    let shown =
        mapping_error("[[row]]\nlabels = [\"license\"]\nconcept = \"us-gaap:LicenseMember\"\n");
    assert!(shown.starts_with("bad.toml:3:11: "), "{shown}");
}

#[test]
fn embedded_mapping_loads() {
    let concepts = ConceptTable::embedded();
    Mapping::embedded(&concepts).unwrap();
}

#[test]
fn windows_1252_is_read_with_a_diagnostic() {
    let text = b"ACME Corp. (NYSE: ACM)\n\n                     Three Months Ended\n                     Sept. 30,  Sept. 30,\n                        2003       2002\n\nNet sales \x96 caf\xe9       $5,001     $4,000\n";
    let (source, conv) = convert_text("latin.txt", text, &Options::default()).unwrap();
    assert!(source.text().contains("Net sales \u{2013} caf\u{e9}"));
    let d = conv
        .diagnostics
        .iter()
        .find(|d| d.code == "not-utf8")
        .expect("a not-utf8 diagnostic");
    assert!(d.to_string().starts_with("latin.txt:7:11: "), "{d}");
    let f = conv
        .facts
        .facts
        .iter()
        .find(|f| f.concept == "us-gaap:Revenues");
    assert!(f.is_none(), "an unmapped label stays unmapped");
}
