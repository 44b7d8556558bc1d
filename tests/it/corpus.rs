//! The development corpus: real EDGAR submissions kept outside the repository (in
//! `../shared/corpus`, or where `XBRLIFY_CORPUS` points), by EDGAR accession number.

use std::path::PathBuf;

use crate::root;

/// A corpus release: golden case name, path inside the corpus, EDGAR accession number.
pub struct Release {
    /// Golden files are `golden/<case>.{xml,facts}`.
    pub case: &'static str,
    /// Path relative to the corpus folder.
    pub path: &'static str,
    /// Where anyone can obtain it.
    pub accession: &'static str,
}

/// The development corpus.
pub const RELEASES: &[Release] = &[
    Release {
        case: "southern-2004-q4",
        path: "dev/southern-2004-q4.txt",
        accession: "0000092122-05-000042",
    },
    Release {
        case: "southern-2006-q4",
        path: "dev/southern-2006-q4.txt",
        accession: "0000092122-07-000008",
    },
    Release {
        case: "amazon-1998-junglee",
        path: "dev/amazon-1998-junglee.txt",
        accession: "0000891020-98-001352",
    },
];

/// The corpus folder, when present. Tests that need it print that they were skipped otherwise.
pub fn folder() -> Option<PathBuf> {
    let dir = std::env::var_os("XBRLIFY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

/// The corpus folder, or a note on standard error that `what` was skipped.
pub fn folder_or_skip(what: &str) -> Option<PathBuf> {
    let dir = folder();
    if dir.is_none() {
        eprintln!(
            "skipped {what} for {} corpus releases: no corpus folder (../shared/corpus, or set XBRLIFY_CORPUS)",
            RELEASES.len()
        );
    }
    dir
}

#[test]
fn readme_names_every_corpus_release() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for release in RELEASES {
        assert!(
            readme.contains(release.accession),
            "README.md does not give the accession number of {}",
            release.case
        );
    }
}
