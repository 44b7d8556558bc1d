//! Batch conversion: many inputs into `--out-dir`, the report, `--skip-existing`, `--shard`,
//! output names that stay inside the folder, and the same bytes at any `-j`.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::{corpus, root, seed_path, xbrlify_in};

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn golden(case: &str) -> Vec<u8> {
    std::fs::read(root().join("golden").join(format!("{case}.xml"))).unwrap()
}

/// The report's lines, parsed.
fn report(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every file below `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// An archive of `n` copies of the seed release (and of the corpus releases, when present)
/// in nested folders: `q{i % 3}/r{i}.txt`.
fn archive(dir: &Path, n: usize) -> PathBuf {
    let mut texts = vec![std::fs::read(seed_path()).unwrap()];
    if let Some(corpus) = corpus::folder() {
        for r in corpus::RELEASES {
            texts.push(std::fs::read(corpus.join(r.path)).unwrap());
        }
    }
    let archive = dir.join("archive");
    for i in 0..n {
        let folder = archive.join(format!("q{}", i % 3));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("r{i}.txt")), &texts[i % texts.len()]).unwrap();
    }
    archive
}

#[test]
fn one_broken_input_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    std::fs::create_dir_all(d.join("in/a")).unwrap();
    std::fs::write(d.join("in/a/good.txt"), &seed).unwrap();
    std::fs::write(
        d.join("in/bad.txt"),
        seed.replacen("$(0.04)     $0.00", "$(0.04)     $0..00", 1),
    )
    .unwrap();
    std::fs::write(d.join("in/zz.txt"), &seed).unwrap();
    std::fs::write(d.join("in/notes.md"), "not a release").unwrap();
    let run = xbrlify_in(
        d,
        &[
            "convert",
            "in",
            "--out-dir",
            "out",
            "--report",
            "report.jsonl",
            "--fsync",
            "--strict",
        ],
        b"",
    );
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.starts_with("in/bad.txt:250:"), "{err}");
    assert!(
        err.ends_with(
            "3 releases: 2 converted (2 with warnings, 0 with quarantines), 0 skipped, 1 failed\n"
        ),
        "{err}"
    );
    assert_eq!(files(&d.join("out")), ["a/good.xml", "zz.xml"]);
    assert_eq!(
        std::fs::read(d.join("out/zz.xml")).unwrap(),
        golden("atg-2003-q3")
    );
    let lines = report(&d.join("report.jsonl"));
    // Input order: the folder's releases sorted by path.
    let inputs: Vec<&str> = lines.iter().map(|l| l["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["in/a/good.txt", "in/bad.txt", "in/zz.txt"]);
    let bad = &lines[1];
    assert_eq!(bad["status"], "failed");
    assert_eq!(bad["output"], "out/bad.xml");
    assert_eq!(bad["facts"], serde_json::Value::Null);
    assert_eq!(bad["diagnostics"][0]["severity"], "error");
    assert_eq!(bad["diagnostics"][0]["code"], "number");
    assert!(
        bad["diagnostics"][0]["at"]
            .as_str()
            .unwrap()
            .starts_with("in/bad.txt:250:"),
        "{bad}"
    );
    let good = &lines[0];
    assert_eq!(good["status"], "warnings");
    assert_eq!(good["output"], "out/a/good.xml");
    // The seed's instance: 118 release facts and 8 dei facts; of its 154 numeric cells 119
    // became facts, 23 repeat one, 12 were skipped (all derived: change columns).
    assert_eq!(good["facts"], 126);
    assert_eq!(
        good["cells"],
        serde_json::json!({"total": 154, "fact": 119, "duplicate": 23, "skipped": 12, "derived": 12, "quarantined": 0})
    );
    assert_eq!(good["diagnostics"][0]["code"], "entity-fallback");
    assert_eq!(good["diagnostics"][0]["at"], "in/a/good.txt:6:33");
}

#[test]
fn a_fault_in_one_row_quarantines_it_and_the_release_converts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    std::fs::create_dir_all(d.join("in")).unwrap();
    std::fs::write(d.join("in/good.txt"), &seed).unwrap();
    // A malformed cell in the diluted loss per share row of the statement of operations.
    std::fs::write(
        d.join("in/typo.txt"),
        seed.replacen("$(0.04)     $0.00", "$(0.04)     $0..00", 1),
    )
    .unwrap();
    std::fs::write(d.join("in/prose.txt"), "ACME reports a fine quarter.\n").unwrap();
    let run = xbrlify_in(
        d,
        &["convert", "in", "--out-dir", "out", "--report", "r.jsonl"],
        b"",
    );
    let err = stderr(&run);
    // A release failed (the prose), so the exit status is 2; the quarantine alone would be 3.
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.ends_with(
            "3 releases: 2 converted (1 with warnings, 1 with quarantines), 0 skipped, 1 failed\n"
        ),
        "{err}"
    );
    assert_eq!(files(&d.join("out")), ["good.xml", "typo.xml"]);
    let lines = report(&d.join("r.jsonl"));
    let typo = &lines[2];
    assert_eq!(typo["input"], "in/typo.txt");
    assert_eq!(typo["status"], "quarantined");
    let q = typo["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "quarantined-row")
        .expect("the row is quarantined");
    assert!(
        q["at"].as_str().unwrap().starts_with("in/typo.txt:250:"),
        "{q}"
    );
    assert!(q["message"].as_str().unwrap().contains("$0..00"), "{q}");
    assert_eq!(lines[1]["status"], "failed");
    // The quarantine alone: exit 3.
    std::fs::remove_file(d.join("in/prose.txt")).unwrap();
    let run = xbrlify_in(d, &["convert", "in", "--out-dir", "out2"], b"");
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
}

#[test]
fn missing_inputs_and_collisions_are_failures_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("x")).unwrap();
    std::fs::copy(seed_path(), d.join("x/r.txt")).unwrap();
    std::fs::copy(seed_path(), d.join("r.txt")).unwrap();
    // `x/r.txt` below folder `x` is named `r.xml`, as is the file `r.txt` given after it.
    let run = xbrlify_in(
        d,
        &[
            "convert",
            "x",
            "r.txt",
            "gone.txt",
            "--out-dir",
            "out",
            "--report",
            "r.jsonl",
        ],
        b"",
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let lines = report(&d.join("r.jsonl"));
    let status: Vec<&str> = lines
        .iter()
        .map(|l| l["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["warnings", "failed", "failed"]);
    let collision = lines[1]["diagnostics"][0]["message"].as_str().unwrap();
    assert!(collision.contains("the instance of x/r.txt"), "{collision}");
    assert!(
        lines[2]["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read the release"),
        "{}",
        lines[2]
    );
    assert_eq!(files(&d.join("out")), ["r.xml"]);
}

#[test]
fn skip_existing_leaves_complete_outputs_and_redoes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let archive = archive(d, 3);
    let args = [
        "convert",
        archive.to_str().unwrap(),
        "--out-dir",
        "out",
        "--skip-existing",
        "--report",
        "r.jsonl",
    ];
    let run = xbrlify_in(d, &args, b"");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(
        files(&d.join("out")),
        ["q0/r0.xml", "q1/r1.xml", "q2/r2.xml"]
    );
    // A complete instance is left alone (its content shows it was not rewritten); a truncated
    // one, as a crash before the data reached the disk can leave, is converted again, and so
    // is a missing one.
    let first_r1 = std::fs::read(d.join("out/q1/r1.xml")).unwrap();
    let kept = b"<xbrli:xbrl>kept</xbrli:xbrl>\n";
    std::fs::write(d.join("out/q0/r0.xml"), kept).unwrap();
    std::fs::write(d.join("out/q1/r1.xml"), b"<?xml version=\"1.0\"").unwrap();
    std::fs::remove_file(d.join("out/q2/r2.xml")).unwrap();
    let run = xbrlify_in(d, &args, b"");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        stderr(&run).ends_with(
            "3 releases: 2 converted (2 with warnings, 0 with quarantines), 1 skipped, 0 failed\n"
        ),
        "{}",
        stderr(&run)
    );
    let status: Vec<String> = report(&d.join("r.jsonl"))
        .iter()
        .map(|l| l["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(status, ["skipped", "warnings", "warnings"]);
    assert_eq!(std::fs::read(d.join("out/q0/r0.xml")).unwrap(), kept);
    assert_eq!(std::fs::read(d.join("out/q1/r1.xml")).unwrap(), first_r1);
    assert!(d.join("out/q2/r2.xml").is_file());
}

#[test]
fn shards_cover_every_input_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let archive = archive(d, 24);
    let all = archive.to_str().unwrap();
    let whole = xbrlify_in(
        d,
        &[
            "convert",
            all,
            "--out-dir",
            "whole",
            "--report",
            "whole.jsonl",
        ],
        b"",
    );
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    let mut seen: Vec<String> = Vec::new();
    for k in 0..4 {
        let shard = format!("{k}/4");
        let report_name = format!("shard{k}.jsonl");
        let run = xbrlify_in(
            d,
            &[
                "convert",
                all,
                "--out-dir",
                "sharded",
                "--shard",
                &shard,
                "--report",
                &report_name,
            ],
            b"",
        );
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let lines = report(&d.join(&report_name));
        assert!(
            !lines.is_empty() && lines.len() < 24,
            "shard {k}: {}",
            lines.len()
        );
        seen.extend(
            lines
                .iter()
                .map(|l| l["input"].as_str().unwrap().to_string()),
        );
    }
    seen.sort();
    let mut expected: Vec<String> = report(&d.join("whole.jsonl"))
        .iter()
        .map(|l| l["input"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(expected.len(), 24);
    expected.sort();
    assert_eq!(seen, expected, "every input in exactly one shard");
    assert_eq!(files(&d.join("sharded")), files(&d.join("whole")));
    for bad in ["4/4", "1/0", "one/two"] {
        let run = xbrlify_in(d, &["convert", all, "--out-dir", "o", "--shard", bad], b"");
        assert_eq!(run.status.code(), Some(2), "{bad}");
        assert!(stderr(&run).contains("expected K/N"), "{}", stderr(&run));
    }
}

#[test]
fn names_with_dot_dot_stay_inside_the_out_dir() {
    // A plain prefix: the absolute path's parts then keep their names in the output's.
    let dir = tempfile::Builder::new().prefix("batch").tempdir().unwrap();
    let d = dir.path();
    let work = d.join("work/deep");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(d.join("work/x")).unwrap();
    std::fs::copy(seed_path(), d.join("atg.txt")).unwrap();
    std::fs::copy(seed_path(), d.join("work/x/.hidden.txt")).unwrap();
    let absolute = d.join("atg.txt");
    let list = format!(
        "../../atg.txt\n../x/../x/.hidden.txt\r\n\n{}\n",
        absolute.display()
    );
    let run = xbrlify_in(
        &work,
        &[
            "convert",
            "--from-list",
            "-",
            "--out-dir",
            "out",
            "--report",
            "r.jsonl",
        ],
        list.as_bytes(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let absolute_name = format!(
        "{}.xml",
        absolute
            .with_extension("")
            .display()
            .to_string()
            .trim_start_matches('/')
    );
    let mut expected = vec![
        "__/__/atg.xml".to_string(),
        "__/x/__/x/_hidden.xml".to_string(),
        absolute_name,
    ];
    expected.sort();
    assert_eq!(files(&work.join("out")), expected);
    // Nothing was written anywhere else: the tree holds the inputs, the outputs and the report.
    let outside: Vec<String> = files(d)
        .into_iter()
        .filter(|f| !f.starts_with("work/deep/out/"))
        .collect();
    assert_eq!(
        outside,
        ["atg.txt", "work/deep/r.jsonl", "work/x/.hidden.txt"]
    );
}

#[test]
fn the_same_bytes_at_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let archive = archive(d, 40);
    // One broken release among them, so that failures are ordered too.
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    std::fs::write(
        archive.join("q1/broken.txt"),
        seed.replacen("$(0.04)     $0.00", "$(0.04)     $0..00", 1),
    )
    .unwrap();
    let mut runs = Vec::new();
    for jobs in ["1", "2", "3"] {
        let out = format!("out{jobs}");
        let report_name = format!("r{jobs}.jsonl");
        let run = xbrlify_in(
            d,
            &[
                "convert",
                "archive",
                "-j",
                jobs,
                "--out-dir",
                &out,
                "--report",
                &report_name,
                "--strict",
            ],
            b"",
        );
        assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
        let report = std::fs::read_to_string(d.join(&report_name))
            .unwrap()
            .replace(&format!("\"output\":\"{out}/"), "\"output\":\"OUT/");
        let outputs: Vec<(String, Vec<u8>)> = files(&d.join(&out))
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(d.join(&out).join(&f)).unwrap();
                (f, bytes)
            })
            .collect();
        runs.push((stderr(&run), report, outputs));
    }
    assert_eq!(runs[0].2.len(), 40);
    assert_eq!(runs[0].2[0].1, golden("atg-2003-q3"), "r0 is the seed");
    for (i, other) in runs.iter().enumerate().skip(1) {
        assert!(runs[0] == *other, "-j 1 and -j {} differ", i + 1);
    }
}

#[test]
fn deny_warnings_holds_back_releases_with_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(seed_path(), d.join("atg.txt")).unwrap();
    let run = xbrlify_in(
        d,
        &["convert", "atg.txt", "--out-dir", "out", "--deny-warnings"],
        b"",
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        "atg.txt: 1 diagnostics and --deny-warnings: nothing written\n\
         1 releases: 0 converted (0 with warnings, 0 with quarantines), 0 skipped, 0 failed, 1 not written (--deny-warnings); \
         --report FILE lists the diagnostics\n"
    );
    assert!(files(&d.join("out")).is_empty());
    let run = xbrlify_in(
        d,
        &[
            "convert",
            "atg.txt",
            "--out-dir",
            "out",
            "--deny-warnings",
            "--cik",
            "1234567",
        ],
        b"",
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(files(&d.join("out")), ["atg.xml"]);
}

#[test]
fn usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(seed_path(), d.join("atg.txt")).unwrap();
    for (args, phrase) in [
        (
            &["convert", "atg.txt", "atg.txt"][..],
            "converting several needs --out-dir",
        ),
        (&["convert", "."][..], "converting a folder needs --out-dir"),
        (
            &["convert", "-", "--out-dir", "o"][..],
            "cannot be one of many releases",
        ),
        (&["convert", "atg.txt", "-j", "2"][..], "--out-dir"),
        (
            &["convert", "atg.txt", "-o", "x.xml", "--out-dir", "o"][..],
            "cannot be used with",
        ),
    ] {
        let run = xbrlify_in(d, args, b"");
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(stderr(&run).contains(phrase), "{args:?}: {}", stderr(&run));
    }
    assert!(!d.join("o").exists() && !d.join("x.xml").exists());
}

#[test]
fn a_list_on_stdin_and_the_report_on_stdout_as_a_pipe_uses_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(seed_path(), d.join("b.txt")).unwrap();
    std::fs::copy(seed_path(), d.join("a.txt")).unwrap();
    let run = xbrlify_in(
        d,
        &[
            "convert",
            "--from-list",
            "-",
            "--out-dir",
            "out",
            "--report",
            "-",
        ],
        b"b.txt\na.txt\n",
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let stdout = String::from_utf8(run.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // In list order, not sorted: a list is taken as given.
    let inputs: Vec<&str> = lines.iter().map(|l| l["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["b.txt", "a.txt"]);
    assert_eq!(lines[1]["output"], "out/a.xml");
    assert_eq!(files(&d.join("out")), ["a.xml", "b.xml"]);
}

/// A malformed option stops a batch at once, with one message, before any release is read (a
/// missing release would otherwise be reported) and before the output folder is made.
#[test]
fn malformed_options_fail_once_before_any_release_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(seed_path(), d.join("a.txt")).unwrap();
    std::fs::copy(seed_path(), d.join("b.txt")).unwrap();
    for (option, value, phrase) in [
        ("--cik", "12ab", "a CIK is 1 to 10 digits"),
        ("--cik", "12345678901", "a CIK is 1 to 10 digits"),
        ("--cik", "", "a CIK is 1 to 10 digits"),
        ("-j", "0", "'--jobs <N>'"),
        ("--max-input-size", "64M", "'--max-input-size <BYTES>'"),
        ("--max-input-size", "1.5", "'--max-input-size <BYTES>'"),
        ("--shard", "4/4", "expected K/N"),
        ("--mapping", "no-such.toml", "cannot read the mapping file"),
        ("--concepts", "no-such.tsv", "cannot read the concept table"),
    ] {
        let run = xbrlify_in(
            d,
            &[
                "convert",
                "a.txt",
                "b.txt",
                "missing.txt",
                "--out-dir",
                "out",
                option,
                value,
            ],
            b"",
        );
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{option} {value:?}: {err}");
        assert_eq!(err.matches(phrase).count(), 1, "{option} {value:?}: {err}");
        assert!(!err.contains("missing.txt"), "{option} {value:?}: {err}");
        assert!(!d.join("out").exists(), "{option} {value:?}");
    }
}
