//! What reaches the output: every text escaped, characters XML forbids left out with a
//! diagnostic; the file written whole or not at all; the same bytes on every run.

use std::path::Path;
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;
use xbrlify::Options;

use crate::{convert_file, convert_text, root, seed_path};

/// Checks that `xml` is well-formed (quick-xml's reader fails otherwise).
fn well_formed(xml: &[u8]) {
    let text = std::str::from_utf8(xml).unwrap();
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "malformed XML at byte {}: {e}\n{text}",
                reader.buffer_position()
            ),
        }
    }
}

/// The unescaped text of every `element`, in order.
fn texts(xml: &[u8], element: &str) -> Vec<String> {
    well_formed(xml);
    let xml = std::str::from_utf8(xml).unwrap();
    let open = format!("<{element}");
    let close = format!("</{element}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i..];
        let body_start = after.find('>').unwrap() + 1;
        let body_end = after.find(&close).unwrap();
        let body = &after[body_start..body_end];
        out.push(
            body.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &after[body_end..];
    }
    out
}

const HOSTILE_NAME: &str = "ACME <Widgets> & \"Gadgets\" 'R' Us\u{1}\u{7f}, Inc.";

fn hostile_release() -> String {
    format!(
        "                 {HOSTILE_NAME}\n\
         \x20                Statements of Operations\n\n\
         \x20                         Three Months Ended\n\
         \x20                         September 30, 2003\n\n\
         Net sales                     $5,001\n"
    )
}

#[test]
fn company_names_are_escaped_and_forbidden_characters_reported() {
    let (_, conv) = convert_text(
        "hostile.txt",
        hostile_release().as_bytes(),
        &Options::default(),
    )
    .unwrap();
    let xml = xbrlify::xbrl::write(&conv);
    // U+0001 is not allowed in XML 1.0 and is left out; U+007F is allowed.
    assert_eq!(
        texts(&xml, "dei:EntityRegistrantName"),
        ["ACME <Widgets> & \"Gadgets\" 'R' Us\u{7f}, Inc."]
    );
    let raw = String::from_utf8(xml.clone()).unwrap();
    assert!(!raw.contains('\u{1}'));
    assert!(
        raw.contains("ACME &lt;Widgets&gt; &amp; &quot;Gadgets&quot; &apos;R&apos; Us"),
        "{raw}"
    );
    // The identifier made of the name keeps only letters and digits.
    assert_eq!(
        texts(&xml, "xbrli:identifier"),
        ["ACME-WIDGETS-GADGETS-R-US-INC"]
    );
    let d = conv
        .diagnostics
        .iter()
        .find(|d| d.code == "xml-forbidden")
        .expect("a diagnostic for U+0001");
    let shown = d.to_string();
    assert!(
        shown.starts_with("hostile.txt:1:18: warning[xml-forbidden]: dei:EntityRegistrantName"),
        "{shown}"
    );
    assert!(shown.contains("U+0001"), "{shown}");
}

#[test]
fn an_edgar_form_type_with_markup_is_escaped() {
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let text = format!(
        "<SEC-DOCUMENT>x\n<SEC-HEADER>x\nCONFORMED SUBMISSION TYPE:\t8-K<&>\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n{seed}</TEXT>\n</DOCUMENT>\n"
    );
    let (_, conv) = convert_text("sub.txt", text.as_bytes(), &Options::default()).unwrap();
    let xml = xbrlify::xbrl::write(&conv);
    assert_eq!(texts(&xml, "dei:DocumentType"), ["8-K<&>"]);
}

fn xbrlify(args: &[&str], wrapper: Option<&str>) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_xbrlify");
    let mut cmd = match wrapper {
        // The shell sets a limit, then becomes xbrlify: "$0" is the binary, "$@" its arguments.
        Some(script) => {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("{script}; exec \"$0\" \"$@\""))
                .arg(bin);
            c
        }
        None => Command::new(bin),
    };
    cmd.args(args).current_dir(root()).output().unwrap()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_that_fails_midway_leaves_no_file_and_the_old_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xml");
    std::fs::write(&out, "previous good output").unwrap();
    // Files may grow to 4 KiB; the instance is larger, so writing it fails part way through
    // (with EFBIG, the signal being ignored).
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        Some("trap '' XFSZ; ulimit -f 8"),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:1:1: cannot write the output", out.display())),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "previous good output"
    );
    assert_eq!(listing(dir.path()), ["out.xml"], "no temporary file left");
    // Without the limit the same command replaces the output with the whole instance.
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(root().join("golden/atg-2003-q3.xml")).unwrap()
    );
    assert_eq!(listing(dir.path()), ["out.xml"]);
}

#[test]
fn a_failed_conversion_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"no table here\n").unwrap();
    let out = dir.path().join("new.xml");
    let run = xbrlify(
        &[
            "convert",
            bad.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(listing(dir.path()), ["bad.txt"]);
}

#[test]
fn an_output_that_cannot_be_replaced_leaves_no_temporary_file() {
    // The output path is a directory: the instance is written, then the rename fails.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xml");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep"), "kept").unwrap();
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot replace the output"), "{stderr}");
    assert_eq!(listing(dir.path()), ["out.xml"]);
    assert_eq!(std::fs::read_to_string(out.join("keep")).unwrap(), "kept");
}

/// Every release at hand: the seed, the regression inputs that convert, and the corpus.
fn releases() -> Vec<std::path::PathBuf> {
    let mut out = vec![seed_path()];
    if let Some(dir) = crate::corpus::folder_or_skip("corpus determinism") {
        out.extend(crate::corpus::RELEASES.iter().map(|r| dir.join(r.path)));
    }
    out
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for path in releases() {
        let (source_a, a) = convert_file(&path, &Options::default()).unwrap();
        let (source_b, b) = convert_file(&path, &Options::default()).unwrap();
        assert_eq!(
            xbrlify::xbrl::write(&a),
            xbrlify::xbrl::write(&b),
            "{}",
            path.display()
        );
        assert_eq!(
            xbrlify::inspect::render(&source_a, &a),
            xbrlify::inspect::render(&source_b, &b),
            "{}",
            path.display()
        );
        // The binary, in a separate process, writes the same bytes as the library.
        let run = xbrlify(&["convert", path.to_str().unwrap()], None);
        assert_eq!(run.status.code(), Some(0), "{}", path.display());
        assert_eq!(run.stdout, xbrlify::xbrl::write(&a), "{}", path.display());
    }
}
