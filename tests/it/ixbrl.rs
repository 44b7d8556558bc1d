//! Inline XBRL and xBRL-JSON read back: every tagged number is the digits of the cell it
//! stands in and reads as its fact's value, the text around the tags is the release (or, for
//! a release in HTML, its plain-text parts), every fact is written exactly once; the JSON
//! holds the instance's facts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::Event;
use rust_decimal::Decimal;
use xbrlify::facts::{Fate, half_unit};
use xbrlify::source::Source;
use xbrlify::{Conversion, Options};

use crate::{convert_file, root};

/// One `ix:nonFraction` (or `ix:nonNumeric`) as read back.
#[derive(Debug)]
pub struct Tagged {
    /// Its attributes.
    pub attrs: BTreeMap<String, String>,
    /// Its text.
    pub text: String,
    /// Where it stands.
    pub place: Place,
}

/// Where a fact element stands.
#[derive(Debug, PartialEq)]
pub enum Place {
    /// In the `<pre>` showing a plain text, its text starting at this byte of the text shown.
    Pre(usize),
    /// In the release's own markup.
    Markup,
    /// In `ix:hidden`.
    Hidden,
}

/// The style of the `<pre>` the writer shows a plain text in.
const PRE: &str = "font-family:monospace;white-space:pre";

/// The document read back: the text of the `<pre>`s showing plain text, without the tags, and
/// every fact element.
pub struct ReadBack {
    text: String,
    /// The fact elements, in document order.
    pub tags: Vec<Tagged>,
}

pub fn read_back(html: &[u8]) -> ReadBack {
    let mut reader = Reader::from_reader(html);
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut tags: Vec<Tagged> = Vec::new();
    let mut in_pre = false;
    let mut in_hidden = false;
    let mut open: Option<Tagged> = None;
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XHTML");
        let chars = match &event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if name == "pre"
                    && e.try_get_attribute("style")
                        .unwrap()
                        .is_some_and(|a| a.value.as_ref() == PRE)
                {
                    in_pre = true;
                }
                if name == "ix:hidden" {
                    in_hidden = true;
                }
                if name.starts_with("ix:non") {
                    assert!(open.is_none(), "nested fact elements");
                    let attrs = crate::attributes(e);
                    open = Some(Tagged {
                        attrs,
                        text: String::new(),
                        place: if in_pre {
                            Place::Pre(text.len())
                        } else if in_hidden {
                            Place::Hidden
                        } else {
                            Place::Markup
                        },
                    });
                }
                None
            }
            Event::End(e) => {
                let name = e.name();
                if name.as_ref() == "pre" {
                    in_pre = false;
                }
                if name.as_ref() == "ix:hidden" {
                    in_hidden = false;
                }
                if name.as_ref().starts_with("ix:non") {
                    tags.push(open.take().expect("an open fact element"));
                }
                None
            }
            Event::Text(t) => Some(t.borrow().into_inner().into_owned()),
            Event::GeneralRef(r) => Some(match r.resolve_char_ref().unwrap() {
                Some(c) => c.to_string(),
                None => match r.borrow().into_inner().as_ref() {
                    "amp" => "&".into(),
                    "lt" => "<".into(),
                    "gt" => ">".into(),
                    "quot" => "\"".into(),
                    "apos" => "'".into(),
                    other => panic!("unknown entity &{other};"),
                },
            }),
            _ => None,
        };
        if let Some(chars) = chars {
            if let Some(t) = &mut open {
                t.text.push_str(&chars);
            }
            if in_pre {
                text.push_str(&chars);
            }
        }
        buf.clear();
    }
    ReadBack { text, tags }
}

/// What a processor reads from a tag: the number without commas, scaled and signed.
pub fn tag_value(t: &Tagged) -> Decimal {
    if t.attrs["format"] == "ixt:fixed-zero" {
        return Decimal::ZERO;
    }
    assert_eq!(t.attrs["format"], "ixt:num-dot-decimal");
    let digits: String = t.text.chars().filter(|&c| c != ',').collect();
    let digits = if digits.starts_with('.') {
        format!("0{digits}")
    } else {
        digits
    };
    let mut v: Decimal = digits.parse().unwrap();
    let scale: i32 = t.attrs["scale"].parse().unwrap();
    for _ in 0..scale.abs() {
        v = if scale > 0 {
            v * Decimal::TEN
        } else {
            v / Decimal::TEN
        };
    }
    if t.attrs.get("sign").is_some_and(|s| s == "-") {
        v = -v;
    }
    v
}

/// Whether `digits` is the number a cell shows: before it only `$`, `(`, `-` and blanks,
/// after it only `)`, `%`, blanks and a footnote mark (`*`, `(a)`, `(1)`, `<F1>`).
fn is_cells_number(cell: &str, digits: &str) -> bool {
    let Some(at) = cell.find(digits) else {
        return false;
    };
    let before = &cell[..at];
    let after = cell[at + digits.len()..]
        .trim_start_matches(|c: char| matches!(c, ')' | '%') || c.is_whitespace())
        .trim_end_matches(|c: char| c == '*' || c.is_whitespace());
    let footnote = after.is_empty()
        || (after.starts_with('(') && after.ends_with(')') && after.len() <= 4)
        || (after.starts_with("<F") && after.ends_with('>'));
    before
        .chars()
        .all(|c| matches!(c, '$' | '(' | '-') || c.is_whitespace())
        && footnote
        && !digits.is_empty()
}

/// Checks the Inline XBRL of a conversion against the conversion itself.
fn check(case: &str, source: &Source, conv: &Conversion) {
    let html = xbrlify::xbrl::ixbrl::write(source, conv);
    let back = read_back(&html);
    // The text around the tags is the release's, or its plain-text parts' when others are HTML
    // (every character XML allows; line ends as an XML parser reads them, which the reader
    // here does not change).
    let parts = &conv.document.parts;
    let plain: Vec<std::ops::Range<usize>> = if parts.iter().any(|p| p.html) {
        parts
            .iter()
            .filter(|p| !p.html)
            .map(|p| p.span.range())
            .collect()
    } else {
        std::iter::once(0..source.text().len()).collect()
    };
    let mut shown = String::new();
    // For each character shown, its offset in the release.
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    for range in plain {
        for (at, c) in source.text()[range.clone()].char_indices() {
            if xbrlify::xbrl::xml_allows(c) {
                offsets.push((shown.len(), range.start + at));
                shown.push(c);
            }
        }
    }
    assert_eq!(back.text, shown, "{case}: the text is not the release's");
    let in_release = |at: usize| {
        let k = offsets.partition_point(|&(s, _)| s < at);
        offsets[k].1
    };
    let facts = xbrlify::xbrl::all_facts(conv);
    let mut own = vec![0; facts.len()];
    let (mut tagged, mut duplicates, mut hidden) = (0, 0, 0);
    for t in &back.tags {
        let id = &t.attrs["id"];
        let k: usize = id[1..].split('-').next().unwrap().parse().unwrap();
        let fact = facts[k - 1];
        assert_eq!(t.attrs["name"], fact.concept, "{case} {id}");
        assert_eq!(t.attrs["contextRef"], fact.context.id, "{case} {id}");
        let is_duplicate = id.contains('-');
        if !is_duplicate {
            own[k - 1] += 1;
        }
        if t.place == Place::Hidden {
            // Hidden: the value as the instance writes it.
            hidden += 1;
            let sign = if t.attrs.get("sign").is_some_and(|s| s == "-") {
                "-"
            } else {
                ""
            };
            assert_eq!(format!("{sign}{}", t.text), fact.value, "{case} {id}");
            continue;
        }
        assert_eq!(
            t.attrs.get("unitRef").map(String::as_str),
            fact.unit.map(|u| u.id()),
            "{case} {id}"
        );
        let i = k - 1 - conv.document_facts.len();
        if let Place::Pre(at) = t.place {
            // The cell the tag stands in became this fact, or a duplicate of it.
            let at = in_release(at);
            let report = conv
                .facts
                .cells
                .iter()
                .find(|c| c.span.start <= at && at < c.span.end)
                .unwrap_or_else(|| panic!("{case} {id}: tag outside any cell"));
            match report.fate {
                Fate::Fact(j) => assert!(j == i && !is_duplicate, "{case} {id}"),
                Fate::Duplicate(j) => assert!(j == i && is_duplicate, "{case} {id}"),
                _ => panic!("{case} {id}: tag in a cell that is no fact"),
            }
            let cell = source.slice(report.span);
            assert!(
                is_cells_number(cell, &t.text),
                "{case} {id}: {:?} is not the number of {cell:?}",
                t.text
            );
        } else {
            // In the markup: the digits of a cell that became this fact (or a duplicate).
            let shows = conv.facts.cells.iter().any(|c| {
                let fate = match c.fate {
                    Fate::Fact(j) => j == i && !is_duplicate,
                    Fate::Duplicate(j) => j == i && is_duplicate,
                    _ => false,
                };
                fate && source.slice(c.span).contains(&t.text)
            });
            assert!(shows, "{case} {id}: {:?} is no cell of its fact", t.text);
        }
        let value = tag_value(t);
        let number = fact.number.unwrap();
        let decimals: i32 = t.attrs["decimals"].parse().unwrap();
        if is_duplicate {
            duplicates += 1;
            assert!(
                (value - number).abs() <= half_unit(decimals),
                "{case} {id}: {value} at decimals {decimals} is not {number}"
            );
        } else {
            tagged += 1;
            assert_eq!(value, number, "{case} {id}");
            assert_eq!(Some(decimals), fact.decimals, "{case} {id}");
        }
    }
    for (k, n) in own.iter().enumerate() {
        assert_eq!(*n, 1, "{case}: fact f{} written {n} times", k + 1);
    }
    let untagged = xbrlify::xbrl::tags::plan(source.text(), conv)
        .untagged
        .len();
    eprintln!(
        "{case}: {} facts: {tagged} tagged where they stand, {hidden} hidden; \
         {duplicates} duplicates tagged, {untagged} left untagged",
        facts.len()
    );
    json(case, conv);
}

/// The xBRL-JSON holds the instance's facts under the same ids.
fn json(case: &str, conv: &Conversion) {
    let doc: serde_json::Value = serde_json::from_slice(&xbrlify::xbrl::json::write(conv)).unwrap();
    assert_eq!(
        doc["documentInfo"]["documentType"],
        "https://xbrl.org/2021/xbrl-json"
    );
    let out = doc["facts"].as_object().unwrap();
    let facts = xbrlify::xbrl::all_facts(conv);
    assert_eq!(out.len(), facts.len(), "{case}");
    for (k, fact) in facts.iter().enumerate() {
        let f = &out[&format!("f{}", k + 1)];
        assert_eq!(f["value"], fact.value.as_str(), "{case} f{}", k + 1);
        assert_eq!(f["dimensions"]["concept"], fact.concept.as_str());
        assert_eq!(f["decimals"].as_i64(), fact.decimals.map(i64::from));
        for (axis, member) in &fact.context.dims {
            assert_eq!(f["dimensions"][axis], member.as_str());
        }
    }
}

/// The releases checked: the seed and test statements, and the corpus's that convert.
fn releases() -> Vec<PathBuf> {
    let mut out = vec![crate::seed_path()];
    let statements = root().join("tests/data/statements");
    let mut more: Vec<PathBuf> = std::fs::read_dir(&statements)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    if let Some(dir) = crate::corpus::folder_or_skip("Inline XBRL read back") {
        for sub in ["dev", "html"] {
            more.extend(
                std::fs::read_dir(dir.join(sub))
                    .unwrap()
                    .map(|e| e.unwrap().path()),
            );
        }
    }
    more.sort();
    out.extend(more);
    out
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_tag_is_its_cells_digits_and_reads_as_its_fact() {
    for path in releases() {
        if let Ok((source, conv)) = convert_file(&path, &Options::default()) {
            check(&name(&path), &source, &conv);
        }
    }
}

#[test]
fn the_seed_highlights_show_revenue_in_millions_as_a_duplicate() {
    // "Total revenues $16.0" under "(In millions ...)" for the three months ended Sept. 30,
    // 2003 shows the statement's "Total revenues $16,009" (in thousands) at decimals -5.
    let (source, conv) = convert_file(&crate::seed_path(), &Options::default()).unwrap();
    let back = read_back(&xbrlify::xbrl::ixbrl::write(&source, &conv));
    let revenues: Vec<&Tagged> = back
        .tags
        .iter()
        .filter(|t| {
            t.attrs["name"] == "us-gaap:Revenues" && t.attrs["contextRef"] == "D20030701-20030930"
        })
        .collect();
    let shown: Vec<(&str, &str, &str)> = revenues
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.attrs["decimals"].as_str(),
                t.attrs["scale"].as_str(),
            )
        })
        .collect();
    assert_eq!(shown, [("16.0", "-5", "6"), ("16,009", "-3", "3")]);
    // "Net income/(loss) (GAAP) (3.2)": parentheses outside, the sign on the tag.
    let loss = back
        .tags
        .iter()
        .find(|t| {
            t.attrs["name"] == "us-gaap:NetIncomeLoss"
                && t.attrs["contextRef"] == "D20030701-20030930"
                && t.text == "3.2"
        })
        .expect("the highlights' net loss is tagged");
    assert_eq!(loss.attrs.get("sign").map(String::as_str), Some("-"));
    assert_eq!(tag_value(loss), Decimal::from(-3_200_000));
}

#[test]
fn markup_and_forbidden_characters_in_the_text_are_escaped_or_dropped() {
    // Prose that looks like markup, an ampersand, a form feed and a control character XML
    // forbids, before and after the tables; CR LF line ends.
    let text = format!(
        "<b>ACME</b> & Co. <!-- x --> ]]> \u{c}\u{1}\r\n{}\r\n</pre><script>\u{c}",
        crate::seed_text().replace('\n', "\r\n")
    );
    let (source, conv) =
        crate::convert_text("hostile.txt", text.as_bytes(), &Options::default()).unwrap();
    check("hostile.txt", &source, &conv);
    let html = String::from_utf8(xbrlify::xbrl::ixbrl::write(&source, &conv)).unwrap();
    let start = html.find("<pre").unwrap();
    assert!(
        html[start..].contains("&lt;b&gt;ACME&lt;/b&gt; &amp; Co. &lt;!-- x --&gt; ]]&gt; &#13;\n"),
        "{}",
        &html[start..start + 200]
    );
    assert!(html.ends_with("&lt;/pre&gt;&lt;script&gt;</pre>\n</body>\n</html>\n"));
}
