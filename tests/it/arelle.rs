//! Arelle, the reference XBRL processor, on every golden instance and on every corpus release
//! that converts, each as an XBRL 2.1 instance, Inline XBRL and xBRL-JSON with the same facts
//! (only when `XBRLIFY_ARELLE=1`: it needs Python and installs Arelle into a venv on first
//! use).

use std::process::Command;

use crate::root;

fn enabled() -> bool {
    std::env::var("XBRLIFY_ARELLE").is_ok_and(|v| v == "1")
}

fn check(files: &[std::path::PathBuf]) -> (i32, String) {
    let out = Command::new(root().join("tests/arelle/check.sh"))
        .args(files)
        .current_dir(root())
        .output()
        .expect("tests/arelle/check.sh runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Writes the report package of a release at `path`.
fn write_package(release: &std::path::Path, path: &std::path::Path) {
    let (_, conv) = crate::convert_file(release, &xbrlify::Options::default())
        .unwrap_or_else(|e| panic!("{} does not convert: {e}", release.display()));
    let concepts = xbrlify::taxonomy::ConceptTable::embedded();
    let mapping = xbrlify::map::Mapping::embedded(&concepts).unwrap();
    let options = xbrlify::xbrl::package::Options::for_file(&path.display().to_string());
    let bytes = xbrlify::xbrl::package::write(&conv, &mapping, &options).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn arelle_accepts_every_golden_instance() {
    if !enabled() {
        return;
    }
    // The goldens, each with its report package beside it: the package's calculation
    // linkbase is what Arelle re-checks the instance's footing with.
    let dir = tempfile::tempdir().unwrap();
    let mut goldens = Vec::new();
    for (case, release) in crate::golden::releases() {
        for ext in ["xml", "html", "json"] {
            let golden = root().join(format!("golden/{case}.{ext}"));
            if golden.exists() {
                std::fs::copy(&golden, dir.path().join(format!("{case}.{ext}"))).unwrap();
            }
        }
        write_package(&release, &dir.path().join(format!("{case}.xbr")));
        goldens.push(dir.path().join(format!("{case}.xml")));
    }
    assert!(!goldens.is_empty());
    let (code, text) = check(&goldens);
    assert_eq!(code, 0, "Arelle reported problems:\n{text}");
    assert_eq!(
        text.matches(": the same facts").count(),
        goldens.len(),
        "{text}"
    );
}

#[test]
fn arelle_loads_every_corpus_release_in_every_format_with_the_same_facts() {
    if !enabled() {
        return;
    }
    let Some(corpus) = crate::corpus::folder_or_skip("Arelle on every format") else {
        return;
    };
    let mut releases: Vec<_> = std::fs::read_dir(corpus.join("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    releases.sort();
    let dir = tempfile::tempdir().unwrap();
    let mut instances = Vec::new();
    for release in releases {
        let Ok((source, conv)) = crate::convert_file(&release, &xbrlify::Options::default()) else {
            continue;
        };
        let stem = dir.path().join(release.file_stem().unwrap());
        let write = |ext: &str, bytes: &[u8]| std::fs::write(stem.with_extension(ext), bytes);
        write("xml", &xbrlify::xbrl::write(&conv)).unwrap();
        write("html", &xbrlify::xbrl::ixbrl::write(&source, &conv)).unwrap();
        write("json", &xbrlify::xbrl::json::write(&conv)).unwrap();
        write_package(&release, &stem.with_extension("xbr"));
        instances.push(stem.with_extension("xml"));
    }
    // The seed's package too, on its own.
    let seed = dir.path().join("atg-2003-q3.xbr");
    write_package(&crate::seed_path(), &seed);
    instances.push(seed);
    assert!(!instances.is_empty());
    let (code, text) = check(&instances);
    assert_eq!(code, 0, "Arelle reported problems:\n{text}");
    assert_eq!(
        text.matches(": the same facts").count(),
        instances.len(),
        "{text}"
    );
}

#[test]
fn arelle_rejects_an_instance_that_does_not_foot() {
    if !enabled() {
        return;
    }
    // The oracle must be able to fail: change Total Revenues so the calculation is inconsistent.
    let good_fact = r#"<us-gaap:GrossProfit contextRef="D20030701-20030930" unitRef="USD" decimals="-3">10881000<"#;
    let bad_fact = r#"<us-gaap:GrossProfit contextRef="D20030701-20030930" unitRef="USD" decimals="-3">10981000<"#;
    // The instance inside the seed's report package, whose calculation linkbase holds the
    // footing xbrlify verified.
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("atg-2003-q3.xbr");
    write_package(&crate::seed_path(), &good);
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&good).unwrap())).unwrap();
    let mut files = Vec::new();
    for i in 0..archive.len() {
        use std::io::Read;
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let inner = name.strip_prefix("atg-2003-q3/").unwrap().to_string();
        if inner.ends_with(".xbrl") {
            let text = String::from_utf8(bytes).unwrap();
            let broken = text.replacen(good_fact, bad_fact, 1);
            assert_ne!(
                text, broken,
                "the package's instance has the Gross Profit fact"
            );
            bytes = broken.into_bytes();
        }
        files.push((inner, bytes));
    }
    let path = dir.path().join("broken.xbr");
    // Named as the package it came from, so its folder matches its files.
    let bytes = xbrlify::xbrl::package::archive::zip("atg-2003-q3", &files).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let (code, text) = check(&[path]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("calc"), "{text}");
}

#[test]
fn arelle_rejects_an_inline_document_whose_duplicate_disagrees() {
    if !enabled() {
        return;
    }
    // The highlights' "$16.0" (millions) duplicates the statement's "$16,009" (thousands);
    // shown as 16.2 it no longer rounds from it.
    let golden = std::fs::read_to_string(root().join("golden/atg-2003-q3.html")).unwrap();
    let tag = r#"contextRef="D20030701-20030930" unitRef="USD" decimals="-5" scale="6" format="ixt:num-dot-decimal">"#;
    let broken = golden.replacen(&format!("{tag}16.0<"), &format!("{tag}16.2<"), 1);
    assert_ne!(golden, broken, "the golden has the highlights' revenue tag");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("golden/atg-2003-q3.xml"),
        dir.path().join("broken.xml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.html"), broken).unwrap();
    let (code, text) = check(&[dir.path().join("broken.xml")]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("duplicateFacts"), "{text}");
    assert!(text.contains("broken.html"), "{text}");
}

/// The data the iXBRL Viewer embeds in its page: the facts it shows.
fn viewer_data(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/x.ixbrl-viewer+json\">";
    let start = page.find(open).expect("the viewer's data") + open.len();
    let end = start + page[start..].find("</script>").expect("the data's end");
    serde_json::from_str(&page[start..end]).expect("the viewer's data is JSON")
}

#[test]
fn the_ixbrl_viewer_builds_offline_from_the_seeds_inline_xbrl() {
    if !enabled() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("atg-2003-q3-viewer.html");
    let out = Command::new(root().join("tests/arelle/viewer.sh"))
        .arg(root().join("golden/atg-2003-q3.html"))
        .arg(&page)
        .current_dir(root())
        .output()
        .expect("tests/arelle/viewer.sh runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&page).unwrap();
    // The viewer's script is the installed package's, copied beside the page: no network.
    assert!(
        html.contains("<script src=\"ixbrlviewer.js\""),
        "no local script"
    );
    assert!(!html.contains("src=\"http"), "a script from the network");
    let js = std::fs::metadata(dir.path().join("ixbrlviewer.js")).expect("ixbrlviewer.js");
    assert!(js.len() > 100_000, "ixbrlviewer.js is {} bytes", js.len());
    // The release shown, and its facts: total revenues of the third quarter of 2003, typed
    // from the release ($16,009 thousand), with the other 125 facts and the 23 further cells
    // that show one of them (the highlights' "$16.0" million among them).
    assert!(html.contains("ATG Announces Third-Quarter 2003 Results"));
    let data = viewer_data(&html);
    let facts = data["sourceReports"][0]["targetReports"][0]["facts"]
        .as_object()
        .expect("the viewer's facts");
    assert_eq!(facts.len(), 126 + 23);
    let revenue: Vec<&serde_json::Value> = facts
        .values()
        .filter(|f| f["a"]["c"] == "us-gaap:Revenues" && f["a"]["p"] == "2003-07-01/2003-10-01")
        .collect();
    assert!(revenue.iter().any(|f| f["v"] == "16009000"), "{revenue:?}");
    assert!(revenue.iter().any(|f| f["v"] == "16000000"), "{revenue:?}");
}
