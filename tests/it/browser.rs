//! A browser opens the Inline XBRL documents (only when `XBRLIFY_BROWSER=1` and
//! `/usr/bin/chromium` exists): headless Chromium parses each golden `.html` as a web page,
//! and the document it builds must show the release's text intact and every tagged number.

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
