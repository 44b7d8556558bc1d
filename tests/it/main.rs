//! Integration tests: facts typed by hand from the seed release, goldens, bad input, the CLI
//! and (with `XBRLIFY_ARELLE=1`) Arelle's verdict on every golden instance.

mod arelle;
mod batch;
mod browser;
mod cli;
mod corpus;
mod errors;
mod facts;
mod formats;
mod golden;
mod html;
mod inline_html;
mod ixbrl;
mod large;
mod layouts;
mod output;
mod package;
mod props;
mod quarantine;
mod regress;
mod spacing;
mod statements;
mod typed;

use std::path::{Path, PathBuf};

use xbrlify::map::Mapping;
use xbrlify::source::Source;
use xbrlify::taxonomy::ConceptTable;
use xbrlify::{Conversion, Error, Options};

/// Runs the binary in `dir` with `stdin` as standard input.
pub fn xbrlify_in(dir: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_xbrlify"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed release's path.
pub fn seed_path() -> PathBuf {
    root().join("tests/corpus/atg-2003-q3.txt")
}

/// The seed release's text.
pub fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("the seed release is in tests/corpus")
}

/// Converts text with the embedded mapping, as the CLI does.
pub fn convert_text(
    name: &str,
    text: &[u8],
    options: &Options,
) -> Result<(Source, Conversion), Error> {
    let source = xbrlify::read::decode(name, text)?;
    let concepts = ConceptTable::embedded();
    let mapping = Mapping::embedded(&concepts)?;
    let conv = xbrlify::convert(&source, &mapping, &concepts, options)?;
    Ok((source, conv))
}

/// Analyses text with the embedded mapping, as `inspect` does: a release with no fact is
/// returned, not refused.
pub fn analyse_text(name: &str, text: &[u8]) -> Result<(Source, Conversion), Error> {
    let source = xbrlify::read::decode(name, text)?;
    let concepts = ConceptTable::embedded();
    let mapping = Mapping::embedded(&concepts)?;
    let conv = xbrlify::analyse(&source, &mapping, &concepts, &Options::default())?;
    Ok((source, conv))
}

/// Converts a file with the embedded mapping.
pub fn convert_file(path: &Path, options: &Options) -> Result<(Source, Conversion), Error> {
    let bytes = std::fs::read(path).expect("readable test input");
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    convert_text(&name, &bytes, options)
}

/// An XML element's attributes, by name, their values normalised as XML 1.0 reads them.
pub fn attributes(
    e: &quick_xml::events::BytesStart<'_>,
) -> std::collections::BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                a.key.as_ref().to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect()
}
