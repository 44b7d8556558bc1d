//! The command line: exit codes, stdin, atomic output, error rendering.

use std::process::Output;

use crate::{root, seed_path, xbrlify_in};

fn xbrlify(args: &[&str], stdin: Option<&[u8]>) -> Output {
    xbrlify_in(&root(), args, stdin.unwrap_or_default())
}

#[test]
fn convert_writes_the_golden_instance() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("atg.xml");
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("warning[entity-fallback]"), "{stderr}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(root().join("golden/atg-2003-q3.xml")).unwrap()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn stdin_and_stdout() {
    let seed = std::fs::read(seed_path()).unwrap();
    let run = xbrlify(&["convert", "-"], Some(&seed));
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        run.stdout,
        std::fs::read(root().join("golden/atg-2003-q3.xml")).unwrap()
    );
}

#[test]
fn inspect_prints_the_cell_account() {
    let run = xbrlify(&["inspect", "tests/corpus/atg-2003-q3.txt"], None);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        run.stdout,
        std::fs::read(root().join("golden/atg-2003-q3.facts")).unwrap()
    );
}

#[test]
fn deny_warnings_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("atg.xml");
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "--deny-warnings",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.exists());
    // With a CIK there is nothing to warn about.
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "--deny-warnings",
            "--cik",
            "1234567",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains(
        r#"<xbrli:identifier scheme="http://www.sec.gov/CIK">0001234567</xbrli:identifier>"#
    ));
    assert!(xml.contains(r#"<dei:EntityCentralIndexKey contextRef="D20030101-20030930">0001234567</dei:EntityCentralIndexKey>"#));
}

#[test]
fn errors_exit_2_with_position_and_caret_and_leave_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    std::fs::write(
        &bad,
        seed.replacen("$(0.04)     $0.00", "$(0.04)     $0..00", 1),
    )
    .unwrap();
    let out = dir.path().join("out.xml");
    std::fs::write(&out, "previous").unwrap();
    let run = xbrlify(
        &[
            "convert",
            bad.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--strict",
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let first = stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}:250:", bad.display())),
        "{stderr}"
    );
    assert!(
        stderr.lines().nth(1).unwrap().contains("$0..00"),
        "{stderr}"
    );
    assert!(
        stderr.lines().nth(2).unwrap().trim_end().ends_with('^'),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    // Without --strict the row is quarantined with the same message, as a warning, and the
    // rest converts: exit 3.
    let run = xbrlify(
        &[
            "convert",
            bad.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(3));
    let lenient = String::from_utf8_lossy(&run.stderr);
    assert!(
        lenient.contains(&format!("{}:250:", bad.display()))
            && lenient.contains("warning[quarantined-row]: malformed number `$0..00`"),
        "{lenient}"
    );
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("us-gaap:Revenues"), "the rest converts");
}

#[test]
fn a_release_with_no_fact_fails_and_inspect_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("stats.txt");
    std::fs::write(
        &text,
        "ACME Corp. (NYSE: ACM)\n\n                    Three Months Ended\n                    Sept. 30,  Sept. 30,\n                       2003       2002\n\nWidgets shipped      5,001      4,000\nWidgets returned       120         35\n",
    )
    .unwrap();
    let out = dir.path().join("out.xml");
    let run = xbrlify(
        &[
            "convert",
            text.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("no fact: none of the cells of the table found"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "stats.txt:7:1: table 1: ACME Corp. (NYSE: ACM): 4 of its 4 cells: no mapping"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
    let run = xbrlify(&["inspect", text.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("Widgets shipped"), "{stdout}");
}

#[test]
fn bad_cik_and_missing_file_are_errors() {
    let run = xbrlify(
        &["convert", "tests/corpus/atg-2003-q3.txt", "--cik", "12ab"],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("a CIK is 1 to 10 digits"));
    let run = xbrlify(&["convert", "no/such/release.txt"], None);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .starts_with("no/such/release.txt:1:1: cannot read the release")
    );
}

/// The mapping is loaded once, before any release is read: one that does not load is one
/// error, not one per release.
#[test]
fn a_summary_loads_the_mapping_once_before_any_release() {
    let run = xbrlify(
        &[
            "inspect",
            "--summary",
            "tests/corpus/atg-2003-q3.txt",
            "no/such/release.txt",
            "--mapping",
            "no/such/mapping.toml",
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.matches("cannot read the mapping file").count(),
        1,
        "{stderr}"
    );
    assert!(!stderr.contains("no/such/release.txt"), "{stderr}");
    assert!(run.stdout.is_empty());
}

#[test]
fn inputs_over_the_size_limit_are_refused() {
    let run = xbrlify(
        &[
            "convert",
            "tests/corpus/atg-2003-q3.txt",
            "--max-input-size",
            "1000",
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.starts_with("tests/corpus/atg-2003-q3.txt:1:1: the input is 15076 bytes, more than the limit of 1000"), "{stderr}");
    let seed = std::fs::read(seed_path()).unwrap();
    let run = xbrlify(&["convert", "-", "--max-input-size", "1000"], Some(&seed));
    assert_eq!(run.status.code(), Some(2));
}

/// Runs the binary with standard output a pipe whose reader is already gone: the pipe is
/// closed before `stdin` is written, and every run here reads its standard input to the end
/// before it writes anything.
fn with_stdout_closed(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_xbrlify"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly() {
    let seed = std::fs::read(seed_path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let list = "tests/corpus/atg-2003-q3.txt\n";
    for (args, stdin) in [
        (&["convert", "-"][..], &seed[..]),
        (&["inspect", "-"][..], &seed[..]),
        (
            &["inspect", "--summary", "-", "tests/corpus/atg-2003-q3.txt"][..],
            &seed[..],
        ),
        (
            &[
                "convert",
                "--from-list",
                "-",
                "--out-dir",
                out.to_str().unwrap(),
                "--report",
                "-",
            ][..],
            list.as_bytes(),
        ),
    ] {
        let run = with_stdout_closed(args, stdin);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.to_lowercase().contains("broken pipe"),
            "{args:?}: {stderr}"
        );
    }
    // The batch's instance was renamed into place whole, and no temporary file is left.
    let written = out.join("tests/corpus");
    assert_eq!(std::fs::read_dir(&written).unwrap().count(), 1);
    assert_eq!(
        std::fs::read(written.join("atg-2003-q3.xml")).unwrap(),
        std::fs::read(root().join("golden/atg-2003-q3.xml")).unwrap()
    );
}
