//! Inputs that once crashed, hung or exhausted memory (most found by the fuzz targets in
//! `tests/fuzz/`), kept in `tests/data/regress/<target>/` and run the way that target runs
//! them. Each file is listed here with what it must give now; a file not listed fails.

use std::path::Path;

use xbrlify::Options;
use xbrlify::error::ErrorKind;
use xbrlify::map::Mapping;
use xbrlify::taxonomy::ConceptTable;

use crate::root;

/// What an input gives: a conversion, or an error of a kind at `line:col`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Converts,
    Fails(ErrorKind, &'static str),
}
use Outcome::*;

/// `tests/data/regress/convert/`: the whole conversion, through to the XML and the account.
const CONVERT: &[(&str, Outcome)] = &[
    // A PEM-wrapped submission whose 4096th byte falls inside a character: the header sniffing
    // sliced the text there.
    (
        "edgar-head-char-boundary.txt",
        Fails(ErrorKind::Table, "1:1"),
    ),
    // A token ending in `(` ("8082("): the footnote stripper sliced `(`[1..0].
    ("footnote-lone-paren.txt", Fails(ErrorKind::Table, "1:1")),
    // A multi-byte character just before a `:`: the ticker finder cut the text inside it.
    // Its year-only column is dated by the submission header's fiscal year end; no row maps
    // to a concept, so it gives no fact: a failure that lists its tables.
    (
        "ticker-after-multibyte-char.txt",
        Fails(ErrorKind::Empty, "1:1"),
    ),
];

/// `tests/data/regress/read/`: decoding and reading only.
const READ: &[(&str, Outcome)] = &[];

/// `tests/data/regress/mapping/`: the mapping-file loader.
const MAPPING: &[(&str, Outcome)] = &[];

fn outcome_of(result: Result<(), xbrlify::Error>) -> (Result<(), ErrorKind>, String) {
    match result {
        Ok(()) => (Ok(()), String::new()),
        Err(e) => {
            // Rendered as the CLI prints it.
            assert!(!e.to_string().is_empty());
            let at = e.location().map_or(String::new(), |l| l.at.to_string());
            (Err(e.kind()), at)
        }
    }
}

#[track_caller]
fn check(
    dir: &str,
    cases: &[(&str, Outcome)],
    run: impl Fn(&str, &[u8]) -> Result<(), xbrlify::Error>,
) {
    let folder = root().join("tests/data/regress").join(dir);
    let mut listed: Vec<&str> = cases.iter().map(|c| c.0).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    present.sort_unstable();
    assert_eq!(
        present,
        listed,
        "every file in {} is listed in tests/it/regress.rs, and only those",
        folder.display()
    );
    for &(file, expected) in cases {
        let bytes = std::fs::read(folder.join(file)).unwrap();
        let name = Path::new("regress")
            .join(dir)
            .join(file)
            .display()
            .to_string();
        let (got, at) = outcome_of(run(&name, &bytes));
        let got = match got {
            Ok(()) => Converts,
            Err(kind) => {
                let Fails(want_kind, want_at) = expected else {
                    panic!("{file}: expected a conversion, got {kind:?} at {at}");
                };
                assert_eq!((kind, at.as_str()), (want_kind, want_at), "{file}");
                expected
            }
        };
        assert_eq!(got, expected, "{file}");
    }
}

#[test]
fn convert_regressions() {
    let concepts = ConceptTable::embedded();
    let mapping = Mapping::embedded(&concepts).unwrap();
    check("convert", CONVERT, |name, bytes| {
        let source = xbrlify::read::decode(name, bytes)?;
        let conv = xbrlify::convert(&source, &mapping, &concepts, &Options::default())?;
        let xml = xbrlify::xbrl::write(&conv);
        assert!(xml.starts_with(b"<?xml"), "{name}");
        xbrlify::inspect::render(&source, &conv);
        xbrlify::inspect::summary(&source, &conv);
        for d in &conv.diagnostics {
            assert!(!d.to_string().is_empty());
        }
        Ok(())
    });
}

#[test]
fn read_regressions() {
    check("read", READ, |name, bytes| {
        let source = xbrlify::read::decode(name, bytes)?;
        xbrlify::read::read(&source)?;
        Ok(())
    });
}

#[test]
fn mapping_regressions() {
    let concepts = ConceptTable::embedded();
    check("mapping", MAPPING, |name, bytes| {
        let text = String::from_utf8_lossy(bytes);
        Mapping::parse(name, &text, &concepts)?;
        Ok(())
    });
}
