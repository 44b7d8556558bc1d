//! Bad input: each case gives a clear error (or diagnostic) with a position, never a panic.
//!
//! The tables below are one line per case: the input, the error kind, `line:col`, and a phrase
//! of the message. Some cases' whole rendered message (position, source line, caret, notes) is
//! also pinned in `tests/data/errors/<case>.err` (`UPDATE_GOLDEN=1` rewrites them).

use xbrlify::Options;
use xbrlify::error::ErrorKind::{self, *};
use xbrlify::map::{self, Mapping};
use xbrlify::taxonomy::ConceptTable;

use crate::{convert_text, root, seed_text};

/// A release given to the converter.
enum Input {
    /// These bytes.
    Bytes(&'static [u8]),
    /// The seed release with one text replaced (it must occur once).
    Seed(&'static str, &'static str),
    /// The first lines of the seed: a truncated file.
    SeedHead(usize),
    /// Bytes built by a function.
    Built(fn() -> Vec<u8>),
}
use Input::*;

struct Case {
    name: &'static str,
    input: Input,
    kind: ErrorKind,
    at: &'static str,
    phrase: &'static str,
}

macro_rules! cases {
    ($($name:ident: $input:expr => $kind:ident @ $at:literal ~ $phrase:literal;)*) => {
        &[$(Case { name: stringify!($name), input: $input, kind: $kind, at: $at, phrase: $phrase }),*]
    };
}

/// Cells of the seed's statement of operations (line 218: "Services  11,008 ...") made
/// malformed, and other broken releases.
#[rustfmt::skip]
const RELEASES: &[Case] = cases! {
    empty_file: Bytes(b"") => Input @ "1:1" ~ "the input is empty";
    only_whitespace: Bytes(b"  \n\t\n\r\n") => Input @ "1:1" ~ "the input is empty";
    nul_byte_on_line_2: Bytes(b"Revenues up\nabc\x00def\n") => Input @ "2:4" ~ "binary, not text (byte 0x00 at offset 15)";
    binary_junk: Built(junk) => Input @ "1:1" ~ "binary, not text (byte 0x00 at offset 0)";
    elf_executable: Bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00") => Input @ "1:8" ~ "byte 0x00 at offset 7";
    gzip_archive: Bytes(b"\x1f\x8b\x08\x00\x49\x5a\x1b\x5f\x00\x03") => Input @ "1:4" ~ "byte 0x00 at offset 3";
    pdf_labelled_text: Bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 6 >>\nstream\nx\x9c\x00\x01\n") => Input @ "6:3" ~ "byte 0x00";
    control_characters: Built(controls) => Input @ "1:5" ~ "byte 0x01 at offset 4";
    prose_only: Bytes(b"ACME Corp. reports a fine quarter.\n\nRevenues were $5.2 million, up 3%.\n") => Table @ "1:1" ~ "no financial table found";
    truncated_before_the_tables: SeedHead(24) => Table @ "1:1" ~ "no financial table found";
    five_numbers_in_four_columns: Seed("  Services                    11,008     12,677     34,769     40,404", "  Services                    11,008     12,677     34,769     40,404     1") => Table @ "218:75" ~ "this row has 5 numbers but the table has 4 columns";
    two_numbers_in_one_column: Seed("  Services                    11,008     12,677     34,769     40,404", "  Services                    11,008 12") => Table @ "218:38" ~ "cannot tell which column this number belongs to";
    sixty_five_columns: Built(many_columns) => Table @ "4:7" ~ "a table of 65 columns: more than the 64";
    misgrouped_thousands: Seed("  Services                    11,008", "  Services                    12,34,5") => Number @ "218:31" ~ "malformed number `12,34,5`: thousands separators must divide";
    four_digit_group: Seed("  Services                    11,008", "  Services                    1,1008") => Number @ "218:31" ~ "malformed number `1,1008`: thousands separators";
    leading_comma: Seed("  Services                    11,008", "  Services                    ,11008") => Number @ "218:31" ~ "malformed number `,11008`: misplaced thousands separator";
    two_dollar_signs: Seed("  Product license             $5,001", "  Product license             $$5,001") => Number @ "217:31" ~ "malformed number `$$5,001`: two '$' signs";
    two_decimal_points: Seed("  Services                    11,008", "  Services                    11.0.8") => Number @ "218:31" ~ "malformed number `11.0.8`: digits expected after the decimal point";
    unclosed_parenthesis: Seed("  Services                    11,008", "  Services                    (11,008") => Number @ "218:31" ~ "malformed number `(11,008`: unbalanced parentheses";
    doubled_parentheses: Seed("  Services                    11,008", "  Services                    ((11,008))") => Number @ "218:31" ~ "malformed number `((11,008))`: two opening parentheses";
    two_closing_parentheses: Seed("  Services                    11,008", "  Services                    11,008))") => Number @ "218:31" ~ "malformed number `11,008))`: two closing parentheses";
    minus_and_parentheses: Seed("  Services                    11,008", "  Services                    -(11,008)") => Number @ "218:31" ~ "malformed number `-(11,008)`: both parentheses and a minus sign";
    two_minus_signs: Seed("  Services                    11,008", "  Services                    --11,008") => Number @ "218:31" ~ "malformed number `--11,008`: two minus signs";
    two_percent_signs: Seed("  Gross profit  %                 68%", "  Gross profit  %                 68%%") => Number @ "227:35" ~ "malformed number `68%%`: two '%' signs";
    thirty_digits: Seed("  Services                    11,008", "  Services                    999999999999999999999999999999") => Number @ "218:31" ~ "number too large";
    dollar_after_digits: Seed("  Product license             $5,001", "  Product license             $5$001") => Number @ "217:31" ~ "malformed number `$5$001`: unexpected character in number";
    cents_without_digits: Seed("\n share                        $(0.04)    $(0.04)     $0.00", "\n share                        $(0.04)    $(0.04)     $0..00") => Number @ "250:54" ~ "malformed number `$0..00`";
    header_without_a_date: Bytes(b"Results\n\n                         Q3         Q2\n\nTotal revenues        5,001      4,000\nNet income              120         35\n") => Period @ "5:1" ~ "no dated column header";
    twenty_five_months: Seed("Three Months Ended    Nine Months Ended\n                            Sept.", "Three Months Ended    25 Months Ended\n                            Sept.") => Period @ "212:52" ~ "25 months is not a reporting period";
    zero_months: Seed("Three Months Ended    Nine Months Ended\n                            Sept.", "0 Months Ended        Nine Months Ended\n                            Sept.") => Period @ "212:30" ~ "0 months is not a reporting period";
    hundred_and_seven_weeks: Built(long_weeks) => Period @ "3:27" ~ "107 weeks is not a reporting period";
    year_without_month: Bytes(b"ACME Corp. (NYSE: ACM)\n\n                          Year Ended\n                             2003\n\nNet sales                     $5,001\n") => Period @ "3:27" ~ "column heading \"Year Ended 2003\" gives no month and day";
    duplicate_disagrees: Seed("Total revenues                    $16.0", "Total revenues                    $17.0") => Duplicate @ "33:35" ~ "disagree";
    no_entity_at_all: Bytes(b"                          Three Months Ended\n                          September 30, 2003\n\nNet sales                     $5,001\n") => Usage @ "1:1" ~ "no CIK, ticker or company name found";
};

/// Mapping files (`bad.toml`) given to the loader.
#[rustfmt::skip]
const MAPPINGS: &[(&str, &str, &str, &str)] = &[
    // (case, mapping text, line:col, phrase)
    ("toml_syntax", "[[row]]\nlabels = [\"total revenues\"\nconcept = \"us-gaap:Revenues\"\n", "3:1", "invalid mapping file"),
    ("unknown_field", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\nweight = 2\n", "4:1", "unknown field `weight`"),
    ("unknown_concept", "[[row]]\nlabels = [\"total revenues\"]\nconcept = \"us-gaap:TotalRevenuez\"\n", "3:11", "unknown concept `us-gaap:TotalRevenuez`"),
    ("member_as_concept", "[[row]]\nlabels = [\"license\"]\nconcept = \"us-gaap:LicenseMember\"\n", "3:11", "not a numeric item"),
    ("axis_without_member", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\naxis = \"srt:ProductOrServiceAxis\"\n", "4:8", "`axis` needs a `member`"),
    ("member_without_axis", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\nmember = \"us-gaap:LicenseMember\"\n", "4:10", "`member` needs an `axis`"),
    ("member_on_the_axis", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\naxis = \"us-gaap:LicenseMember\"\nmember = \"us-gaap:LicenseMember\"\n", "4:8", "not a dimension (axis)"),
    ("unknown_sign", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\nsign = \"flip\"\n", "4:8", "unknown sign rule `flip`"),
    ("unknown_at", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\nat = \"middle\"\n", "4:6", "unknown `at` `middle`"),
    ("concept_and_skip", "[[row]]\nlabels = [\"x\"]\nconcept = \"us-gaap:Revenues\"\nskip = \"why\"\n", "2:10", "exactly one of `concept` or `skip`"),
    ("empty_labels", "[[row]]\nlabels = []\nconcept = \"us-gaap:Revenues\"\n", "2:10", "`labels` is empty"),
    ("label_twice", "[[row]]\nlabels = [\"Revenues\", \"revenues:\"]\nconcept = \"us-gaap:Revenues\"\n", "2:23", "label \"revenues\" is mapped twice"),
    ("total_unclosed_dimension", "[[total]]\ntotal = \"us-gaap:Revenues[srt:ProductOrServiceAxis=us-gaap:LicenseMember\"\nitems = []\n", "2:9", "missing `]`"),
    ("total_negated", "[[total]]\ntotal = \"-us-gaap:Revenues\"\nitems = []\n", "2:9", "a total cannot be negated or optional"),
    ("item_without_prefix", "[[total]]\ntotal = \"us-gaap:Revenues\"\nitems = [\"CostOfRevenue\"]\n", "3:10", "expected a prefixed name"),
    ("footing_unknown_concept", "[[total]]\ntotal = \"us-gaap:Revenues\"\nitems = [\"us-gaap:Revenuez\"]\n", "2:9", "unknown concept `us-gaap:Revenuez` in this footing"),
    ("non_negative_unknown", "non_negative = [\"us-gaap:Nope\"]\n", "1:17", "unknown concept `us-gaap:Nope`"),
];

/// Cases whose whole rendered message is pinned in `tests/data/errors/<case>.err`.
const RENDERED: &[&str] = &[
    "nul_byte_on_line_2",
    "misgrouped_thousands",
    "five_numbers_in_four_columns",
    "duplicate_disagrees",
    "twenty_five_months",
    "unknown_concept",
];

fn junk() -> Vec<u8> {
    (0..2048u32).map(|i| (i * 7919 % 251) as u8).collect()
}

fn controls() -> Vec<u8> {
    let mut text = b"ACME".to_vec();
    text.extend(std::iter::repeat_n(1u8, 50));
    text.extend(b" reports a quarter\n".repeat(10));
    text
}

fn many_columns() -> Vec<u8> {
    format!(
        "ACME Corp. (NYSE: ACM)\n\n              Three Months Ended September 30,\n{}\n\nRevenues{}\n",
        "      2003".repeat(65),
        "      1,234".repeat(65)
    )
    .into_bytes()
}

fn long_weeks() -> Vec<u8> {
    b"ACME Corp. (NYSE: ACM)\n\n                          107 Weeks Ended\n                          September 30, 2003\n\nNet sales                     $5,001\n".to_vec()
}

fn bytes_of(input: &Input) -> Vec<u8> {
    match *input {
        Bytes(b) => b.to_vec(),
        Built(f) => f(),
        Seed(from, to) => {
            let seed = seed_text();
            assert_eq!(
                seed.matches(from).count(),
                1,
                "{from:?} must occur once in the seed"
            );
            seed.replacen(from, to, 1).into_bytes()
        }
        SeedHead(n) => seed_text()
            .split_inclusive('\n')
            .take(n)
            .collect::<String>()
            .into_bytes(),
    }
}

fn rendered_golden(name: &str, shown: &str) {
    if RENDERED.contains(&name) {
        crate::golden::check(
            &root().join(format!("tests/data/errors/{name}.err")),
            format!("{shown}\n").as_bytes(),
        );
    }
}

/// Cases whose fault is in one table, column, row or fact: without `strict` the release
/// converts, and that unit is quarantined with the error `strict` gives. Every other case is a
/// fault of the release as a whole, an error either way.
const QUARANTINED: &[&str] = &[
    "five_numbers_in_four_columns",
    "two_numbers_in_one_column",
    "misgrouped_thousands",
    "four_digit_group",
    "leading_comma",
    "two_dollar_signs",
    "two_decimal_points",
    "unclosed_parenthesis",
    "doubled_parentheses",
    "two_closing_parentheses",
    "minus_and_parentheses",
    "two_minus_signs",
    "two_percent_signs",
    "thirty_digits",
    "dollar_after_digits",
    "cents_without_digits",
    "twenty_five_months",
    "zero_months",
    "duplicate_disagrees",
];

fn strict() -> Options {
    Options {
        strict: true,
        ..Options::default()
    }
}

#[test]
fn bad_releases() {
    assert!(RELEASES.len() >= 34);
    let mut wrong = Vec::new();
    for case in RELEASES {
        let bytes = bytes_of(&case.input);
        let lenient = convert_text("bad.txt", &bytes, &Options::default());
        let err = match convert_text("bad.txt", &bytes, &strict()) {
            Ok(_) => {
                wrong.push(format!("{}: converted without an error", case.name));
                continue;
            }
            Err(e) => e,
        };
        let shown = err.to_string();
        let at = err.location().map(|l| l.at.to_string()).unwrap_or_default();
        if err.kind() != case.kind
            || at != case.at
            || !shown.starts_with(&format!("bad.txt:{at}: "))
            || !err.message().contains(case.phrase)
        {
            wrong.push(format!(
                "{}: expected {:?} @ {} ~ {:?}, got {:?} @ {at}:\n{shown}",
                case.name,
                case.kind,
                case.at,
                case.phrase,
                err.kind()
            ));
            continue;
        }
        rendered_golden(case.name, &shown);
        // Without `strict`: the same error quarantines its unit, or stops the release.
        match (lenient, QUARANTINED.contains(&case.name)) {
            (Ok((_, conv)), true) => {
                let first = conv.quarantines.first().map(|q| q.error.to_string());
                if first.as_deref() != Some(shown.as_str()) {
                    wrong.push(format!(
                        "{}: without --strict, expected the quarantine\n{shown}\ngot {first:?}",
                        case.name
                    ));
                }
                let code = conv.quarantines[0].unit.code();
                if !conv.diagnostics.iter().any(|d| {
                    d.code == code
                        && d.location.as_ref().map(|l| l.at.to_string())
                            == Some(case.at.to_string())
                }) {
                    wrong.push(format!(
                        "{}: no {code} diagnostic at {}",
                        case.name, case.at
                    ));
                }
            }
            (Err(e), false) if e.to_string() == shown => {}
            (Ok(_), false) => wrong.push(format!("{}: converted without --strict", case.name)),
            (Err(e), _) => wrong.push(format!(
                "{}: without --strict, expected {}, got\n{e}",
                case.name,
                if QUARANTINED.contains(&case.name) {
                    "a quarantine"
                } else {
                    "the same error"
                }
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn bad_mappings() {
    let concepts = ConceptTable::embedded();
    let mut wrong = Vec::new();
    for &(name, text, at, phrase) in MAPPINGS {
        let err = match Mapping::parse("bad.toml", text, &concepts) {
            Ok(_) => {
                wrong.push(format!("{name}: loaded without an error"));
                continue;
            }
            Err(e) => e,
        };
        let shown = err.to_string();
        let got = err.location().map(|l| l.at.to_string()).unwrap_or_default();
        if err.kind() != Mapping || got != at || !err.message().contains(phrase) {
            wrong.push(format!(
                "{name}: expected Mapping @ {at} ~ {phrase:?}, got {:?} @ {got}:\n{shown}",
                err.kind()
            ));
            continue;
        }
        rendered_golden(name, &shown);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn rendered_goldens_are_all_cases() {
    for name in RENDERED {
        assert!(
            RELEASES.iter().any(|c| c.name == *name) || MAPPINGS.iter().any(|m| m.0 == *name),
            "{name} is not a case"
        );
    }
}

#[test]
fn footing_mismatch_is_a_diagnostic_naming_the_line() {
    let text = bytes_of(&Seed(
        "Total Revenues              16,009",
        "Total Revenues              16,019",
    ));
    let (_, conv) = convert_text("bad.txt", &text, &Options::default()).unwrap();
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
    let text = bytes_of(&Seed(
        "Total revenues                    $16.0",
        "Total revenues                    $17.0",
    ));
    let shown = match convert_text("bad.txt", &text, &strict()) {
        Ok(_) => panic!("expected a duplicate error"),
        Err(e) => e.to_string(),
    };
    assert!(
        shown.contains("17000000") && shown.contains("16009000"),
        "{shown}"
    );
    assert!(
        shown.contains("note: bad.txt:219:31: "),
        "the other cell:\n{shown}"
    );
}

#[test]
fn embedded_mapping_loads() {
    let concepts = ConceptTable::embedded();
    Mapping::embedded(&concepts).unwrap();
}

/// The mapping the build prepared is the one the TOML says, and survives its binary form; a
/// concept table other than the embedded one gets the TOML parsed and checked against it.
#[test]
fn prebuilt_mapping_is_the_parsed_mapping() {
    let concepts = ConceptTable::embedded();
    let prebuilt = Mapping::embedded(&concepts).unwrap();
    let parsed = Mapping::parse(map::EMBEDDED_NAME, map::EMBEDDED, &concepts).unwrap();
    assert_eq!(prebuilt, parsed);
    assert_eq!(Mapping::from_bytes(&parsed.to_bytes()), Some(parsed));
    assert_eq!(Mapping::from_bytes(b"not a mapping"), None);
    let other = ConceptTable::parse(
        "other.tsv",
        "qname\ttype\tperiodType\tbalance\tabstract\tsubstitutionGroup\tsource\n",
    )
    .unwrap();
    let err = Mapping::embedded(&other).unwrap_err().to_string();
    assert!(err.contains("unknown concept"), "{err}");
}

#[test]
fn windows_1252_is_read_with_a_diagnostic() {
    let text = b"ACME Corp. (NYSE: ACM)\n\n                     Three Months Ended\n                     Sept. 30,  Sept. 30,\n                        2003       2002\n\nNet sales \x96 caf\xe9       $5,001     $4,000\n";
    let err = convert_text("latin.txt", text, &Options::default()).unwrap_err();
    assert_eq!(err.kind(), xbrlify::ErrorKind::Empty, "{err}");
    let (source, conv) = crate::analyse_text("latin.txt", text).unwrap();
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

#[test]
fn deeply_nested_mapping_is_an_error_not_a_stack_overflow() {
    let concepts = ConceptTable::embedded();
    for text in [
        format!("a = {}", "[".repeat(100_000)),
        format!("a = {}", "{b=".repeat(100_000)),
    ] {
        let err = match Mapping::parse("deep.toml", &text, &concepts) {
            Ok(_) => panic!("a mapping of 100,000 nested arrays loaded"),
            Err(e) => e,
        };
        assert_eq!(err.kind(), Mapping);
        assert!(
            err.to_string().starts_with("deep.toml:1:")
                && err.message().contains("max recursion depth"),
            "{err}"
        );
    }
}
