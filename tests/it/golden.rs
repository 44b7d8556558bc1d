//! Golden files: `golden/<case>.xml` (the instance), `golden/<case>.html` (the release as
//! Inline XBRL), `golden/<case>.json` (xBRL-JSON) and `golden/<case>.facts` (the cell
//! account), compared byte for byte. `UPDATE_GOLDEN=1 cargo test` rewrites them.

use std::path::Path;

use xbrlify::Options;

use crate::{convert_file, root};

/// (case, release path relative to the root)
pub const CASES: &[(&str, &str)] = &[
    ("atg-2003-q3", "tests/corpus/atg-2003-q3.txt"),
    ("bank-2002-q2", "tests/data/statements/bank-2002-q2.txt"),
    (
        "insurer-1999-q4",
        "tests/data/statements/insurer-1999-q4.txt",
    ),
    (
        "retailer-2003-q3",
        "tests/data/statements/retailer-2003-q3.txt",
    ),
    ("widget-2001-q1", "tests/data/statements/widget-2001-q1.txt"),
];

/// Compares `actual` with the golden file at `path` (or rewrites it under `UPDATE_GOLDEN`).
pub fn check(path: &Path, actual: &[u8]) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}: run `UPDATE_GOLDEN=1 cargo test` and review it",
            path.display()
        )
    });
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (if the change is intended: UPDATE_GOLDEN=1 cargo test, then review the diff)",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// Checks a case's goldens: the instance, its Inline XBRL, its xBRL-JSON and its cell account.
fn check_case(case: &str, input: &Path) {
    let (source, conv) = convert_file(input, &Options::default())
        .unwrap_or_else(|e| panic!("{case} does not convert:\n{e}"));
    check(
        &root().join(format!("golden/{case}.xml")),
        &xbrlify::xbrl::write(&conv),
    );
    check(
        &root().join(format!("golden/{case}.html")),
        &xbrlify::xbrl::ixbrl::write(&source, &conv),
    );
    check(
        &root().join(format!("golden/{case}.json")),
        &xbrlify::xbrl::json::write(&conv),
    );
    check(
        &root().join(format!("golden/{case}.facts")),
        xbrlify::inspect::render(&source, &conv).as_bytes(),
    );
}

/// Every golden case and the release it converts: the test data's, and the corpus's when it
/// is at hand.
pub fn releases() -> Vec<(&'static str, std::path::PathBuf)> {
    let mut out: Vec<_> = CASES
        .iter()
        .map(|(case, path)| (*case, root().join(path)))
        .collect();
    if let Some(dir) = crate::corpus::folder() {
        out.extend(
            HTML_RELEASES
                .iter()
                .map(|(case, path)| (*case, dir.join(path))),
        );
        out.extend(
            crate::corpus::RELEASES
                .iter()
                .map(|r| (r.case, dir.join(r.path))),
        );
    }
    out
}

#[test]
fn goldens() {
    for (case, input) in CASES {
        check_case(case, &root().join(input));
    }
}

/// The HTML releases of the corpus: their Inline XBRL keeps each release's own markup.
pub const HTML_RELEASES: &[(&str, &str)] = &[
    ("apple-2024-q1", "html/apple-2024-q1.txt"),
    ("buckle-2024-q3", "html/buckle-2024-q3.htm"),
    ("caterpillar-2022-q1", "html/caterpillar-2022-q1.txt"),
    ("nvidia-fy2023-q1", "html/nvidia-fy2023-q1.html"),
    ("nvidia-fy2023-q2", "html/nvidia-fy2023-q2.html"),
    ("nvidia-fy2023-q3", "html/nvidia-fy2023-q3.html"),
    ("nvidia-fy2023-q4", "html/nvidia-fy2023-q4.html"),
];

#[test]
fn html_corpus_goldens() {
    let Some(dir) = crate::corpus::folder_or_skip("the golden comparison of HTML releases") else {
        return;
    };
    for (case, path) in HTML_RELEASES {
        check_case(case, &dir.join(path));
    }
}

#[test]
fn corpus_goldens() {
    let Some(dir) = crate::corpus::folder_or_skip("the golden comparison") else {
        return;
    };
    for release in crate::corpus::RELEASES {
        check_case(release.case, &dir.join(release.path));
    }
}
