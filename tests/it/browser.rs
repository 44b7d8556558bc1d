//! A browser opens the Inline XBRL documents (only when `XBRLIFY_BROWSER=1` and
//! `/usr/bin/chromium` exists): headless Chromium parses each golden `.html` of a text release
//! as a web page, and the document it builds must show the release's text intact and every
//! tagged number; an HTML release's Inline XBRL, rendered beside the release itself, must
//! show the same text as the release, and every tagged number on the page.

use std::path::Path;
use std::process::Command;

use crate::root;

const CHROMIUM: &str = "/usr/bin/chromium";

fn enabled() -> bool {
    std::env::var("XBRLIFY_BROWSER").is_ok_and(|v| v == "1") && Path::new(CHROMIUM).exists()
}

/// The document Chromium builds from a file, serialised.
fn dump_dom(path: &Path) -> String {
    let out = Command::new(CHROMIUM)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).expect("a UTF-8 document")
}

/// Text as an HTML serialiser escapes it, read back.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The `<pre>` of a serialised document: its text without the tags, and the text of each
/// `ix:nonfraction` element in it (an HTML parser lower-cases unknown element names).
fn pre(dom: &str) -> (String, Vec<String>) {
    let start = dom.find("<pre").expect("a <pre>");
    let start = start + dom[start..].find('>').unwrap() + 1;
    let end = start + dom[start..].find("</pre>").expect("the </pre>");
    let body = &dom[start..end];
    let mut text = String::new();
    let mut numbers = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&unescape(&rest[..open]));
        let close = open + rest[open..].find('>').unwrap();
        let tag = &rest[open..=close];
        rest = &rest[close + 1..];
        // Written as `ix:nonFraction`, serialised by the browser as `ix:nonfraction`.
        if tag.to_ascii_lowercase().starts_with("<ix:nonfraction") {
            let end = rest
                .to_ascii_lowercase()
                .find("</ix:nonfraction>")
                .expect("a closed tag");
            let inside = unescape(&rest[..end]);
            text.push_str(&inside);
            numbers.push(inside);
            rest = &rest[end + "</ix:nonfraction>".len()..];
        }
    }
    text.push_str(&unescape(rest));
    (text, numbers)
}

#[test]
fn chromium_shows_the_text_and_every_tagged_number() {
    if !enabled() {
        return;
    }
    let mut pages: Vec<_> = std::fs::read_dir(root().join("golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty());
    for page in pages {
        let written = std::fs::read_to_string(&page).unwrap();
        // A text release's document: its `<pre>` right after the header. (An HTML release's
        // keeps its markup: the test below.)
        if !written.contains("</div>\n<pre style=") {
            continue;
        }
        let (expected_text, expected_numbers) = pre(&written);
        let (text, numbers) = pre(&dump_dom(&page));
        // An HTML parser drops a line end just after `<pre>`, and reads CR LF as LF.
        let normal = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        let expected_text = normal(&expected_text);
        let expected_text = expected_text.strip_prefix('\n').unwrap_or(&expected_text);
        assert_eq!(normal(&text), expected_text, "{}", page.display());
        assert_eq!(numbers, expected_numbers, "{}", page.display());
        assert!(!numbers.is_empty(), "{}", page.display());
    }
}

/// A page that loads the Inline XBRL document `ours` and the release `theirs` side by side,
/// and writes into its `<pre id="out">` what Chromium shows: each page's text as rendered
/// (`innerText`, white space collapsed) and each tagged number outside the header with
/// whether it is rendered visibly.
const PROBE: &str = r#"<!DOCTYPE html><html><body>
<iframe id="ours" src="ours.html" style="width:1400px;height:900px"></iframe>
<iframe id="theirs" src="theirs.html" style="width:1400px;height:900px"></iframe>
<pre id="out"></pre>
<script>
const norm = s => s.replace(/[\s\u00a0]+/g, " ").trim();
let loaded = 0;
function done() {
  if (++loaded < 2) return;
  const ours = document.getElementById("ours").contentDocument;
  const theirs = document.getElementById("theirs").contentDocument;
  const tags = [];
  for (const e of ours.getElementsByTagName("ix:nonfraction")) {
    if (e.closest("ix\\:header")) continue;
    const r = e.getBoundingClientRect();
    const seen = e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
      && r.width > 0 && r.height > 0;
    tags.push([e.id, e.textContent, seen]);
  }
  document.getElementById("out").textContent = JSON.stringify({
    ours: norm(ours.body.innerText), theirs: norm(theirs.body.innerText), tags});
}
document.getElementById("ours").onload = done;
document.getElementById("theirs").onload = done;
</script></body></html>"#;

/// What the probe reports.
fn probe(dir: &Path) -> serde_json::Value {
    std::fs::write(dir.join("probe.html"), PROBE).unwrap();
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=30000",
            "--window-size=1400,900",
            "--dump-dom",
        ])
        .arg(format!("file://{}", dir.join("probe.html").display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8(out.stdout).expect("a UTF-8 document");
    let start = dom.find("<pre id=\"out\">").expect("the probe's output") + 14;
    let end = start + dom[start..].find("</pre>").expect("its end");
    serde_json::from_str(&unescape(&dom[start..end])).expect("the probe's JSON")
}

#[test]
fn chromium_shows_an_html_release_as_the_release_with_every_tagged_number() {
    if !enabled() {
        return;
    }
    let Some(corpus) = crate::corpus::folder_or_skip("the browser on HTML releases") else {
        return;
    };
    for release in [
        "html/nvidia-fy2023-q1.html",
        "html/buckle-2024-q3.htm",
        "html/apple-2024-q1.txt",
        "dev/southern-2006-q4.txt",
    ] {
        let (source, conv) =
            crate::convert_file(&corpus.join(release), &xbrlify::Options::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let ours = xbrlify::xbrl::ixbrl::write(&source, &conv);
        std::fs::write(dir.path().join("ours.html"), &ours).unwrap();
        // The release as read: its HTML documents as they are, a text one in a `<pre>`.
        let mut theirs = String::from("<meta charset=\"utf-8\">");
        for part in &conv.document.parts {
            let text = &source.text()[part.span.range()];
            if part.html {
                theirs.push_str(text);
            } else {
                theirs.push_str("<pre>");
                theirs.push_str(&text.replace('&', "&amp;").replace('<', "&lt;"));
                theirs.push_str("</pre>");
            }
        }
        std::fs::write(dir.path().join("theirs.html"), theirs).unwrap();
        let seen = probe(dir.path());
        let (a, b) = (
            seen["ours"].as_str().unwrap(),
            seen["theirs"].as_str().unwrap(),
        );
        assert!(
            b.len() > 5_000,
            "{release}: the release shows {} characters",
            b.len()
        );
        if a != b {
            let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            let from = at.saturating_sub(80);
            let show = |s: &str| s.chars().skip(from).take(240).collect::<String>();
            panic!(
                "{release}: the text differs after {at} characters:\n  ours:   {}\n  theirs: {}",
                show(a),
                show(b)
            );
        }
        // Every number tagged in the markup is rendered, and shows its digits (or dash).
        let tags = seen["tags"].as_array().unwrap();
        let expected = crate::ixbrl::read_back(&ours)
            .tags
            .iter()
            .filter(|t| t.place != crate::ixbrl::Place::Hidden)
            .count();
        assert_eq!(tags.len(), expected, "{release}");
        assert!(expected > 50, "{release}: {expected} tags");
        for t in tags {
            assert_eq!(t[2], true, "{release}: {t} is not visible");
            // Its digits, or the dash of a zero.
            let shown = t[1].as_str().unwrap();
            assert!(
                shown.bytes().any(|b| b.is_ascii_digit())
                    || ["-", "\u{2014}", "\u{2013}"].contains(&shown),
                "{release}: {t}"
            );
        }
        eprintln!("{release}: the same text as the release, {expected} tagged numbers visible");
    }
}
