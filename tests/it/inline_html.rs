//! The Inline XBRL of HTML releases: the release's own markup, made XHTML, with the numbers
//! that are facts tagged where they stand. Broken and hostile markup (nothing closed,
//! misnested tags, bytes that are not UTF-8 in attributes, scripts and comments holding
//! markup) still gives a well-formed document with the same facts, and the text of the page.

use quick_xml::Reader;
use quick_xml::events::Event;
use rust_decimal::Decimal;
use xbrlify::Options;

use crate::ixbrl::{Place, read_back, tag_value};

/// A statement in HTML whose markup is `head`, the title, then the table rows; its numbers,
/// in thousands: revenues 1,234 and 1,000, net loss (45) and (1,050).
fn page(open: &str, rows: &str, close: &str) -> Vec<u8> {
    format!(
        "{open}<p>WIDGET CORP.</p><p>CONDENSED STATEMENTS OF OPERATIONS (In thousands)</p>\
         <table><tr><td></td><td>Three Months Ended March 31, 2004</td>\
         <td>Three Months Ended March 31, 2003</td></tr>{rows}{close}"
    )
    .into_bytes()
}

/// Every element of a document, read as XML (end tags must match), and its text outside the
/// Inline XBRL header.
fn xml(html: &[u8]) -> (Vec<String>, String) {
    let mut reader = Reader::from_reader(html);
    let mut buf = Vec::new();
    let mut names = Vec::new();
    let mut text = String::new();
    let mut header = 0;
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                header += usize::from(name == "ix:header" || header > 0);
                names.push(name);
            }
            Event::Empty(e) => names.push(e.name().as_ref().to_string()),
            Event::End(_) => header = header.saturating_sub(1),
            Event::Text(t) if header == 0 => text.push_str(&t.borrow().into_inner()),
            Event::GeneralRef(r) if header == 0 => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text.push_str(match r.borrow().into_inner().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    _ => "?",
                }),
            },
            _ => {}
        }
        buf.clear();
    }
    (names, text)
}

/// The tagged numbers of a page: (concept, text shown, value).
fn tagged(bytes: &[u8]) -> (Vec<(String, String, Decimal)>, Vec<String>, String) {
    let (source, conv) = crate::convert_text("page.htm", bytes, &Options::default())
        .unwrap_or_else(|e| panic!("the page converts: {e}"));
    let html = xbrlify::xbrl::ixbrl::write(&source, &conv);
    let (names, text) = xml(&html);
    let back = read_back(&html);
    let shown = back
        .tags
        .iter()
        .filter(|t| t.place == Place::Markup)
        .map(|t| (t.attrs["name"].clone(), t.text.clone(), tag_value(t)))
        .collect();
    (shown, names, text)
}

fn expected() -> Vec<(String, String, Decimal)> {
    [
        ("us-gaap:Revenues", "1,234", 1_234_000),
        ("us-gaap:Revenues", "1,000", 1_000_000),
        ("us-gaap:NetIncomeLoss", "45", -45_000),
        ("us-gaap:NetIncomeLoss", "1,050", -1_050_000),
    ]
    .iter()
    .map(|(c, t, v)| (c.to_string(), t.to_string(), Decimal::from(*v)))
    .collect()
}

#[test]
fn a_plain_page_keeps_its_markup_and_tags_its_numbers() {
    let rows = "<tr><td>Revenues</td><td>$1,234</td><td>$1,000</td></tr>\
                <tr><td>Net loss</td><td>(45)</td><td>(1,050)</td></tr></table>";
    let (shown, names, text) = tagged(&page("<html><body>", rows, "</body></html>"));
    assert_eq!(shown, expected());
    assert!(
        names.iter().filter(|n| *n == "td").count() >= 9,
        "{names:?}"
    );
    for words in [
        "WIDGET CORP.",
        "Three Months Ended March 31, 2004",
        "Net loss",
        "$1,234",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text:?}");
    }
}

#[test]
fn nothing_closed_gives_the_same_facts_in_well_formed_xhtml() {
    let rows = "<TR><TD><FONT SIZE=2>Revenues<TD ALIGN=right>$1,234<TD>$1,000\
                <TR><TD><B>Net loss<TD>(45)<TD>(1,050)";
    let (shown, names, _) = tagged(&page("<HTML><BODY><FONT SIZE=2><P>", rows, ""));
    assert_eq!(shown, expected());
    // Legacy elements are styled spans: XHTML 1.1 has no `font`.
    assert!(
        !names.iter().any(|n| n == "font" || n == "FONT"),
        "{names:?}"
    );
}

#[test]
fn misnested_tags_scripts_and_comments_give_the_same_facts() {
    let rows = "<tr><td><b><i>Revenues</b></i></td><td><div><span>1,234</div></span></td>\
                <td>1,000</p></td></tr>\
                <script>document.write('</td><td>9,999')</script><!-- <td>8,888</td> -- -->\
                <tr><td>Net loss</td><td>(45)</td><td><center>(1,050)</td></tr></font></table>";
    let (shown, names, text) = tagged(&page("<html><body><?php x ?><o:p>", rows, "</div></div>"));
    assert_eq!(shown, expected());
    assert!(!text.contains("9,999") && !text.contains("8,888"), "{text}");
    assert!(
        !names.iter().any(|n| n.contains("script") || n == "o:p"),
        "{names:?}"
    );
}

#[test]
fn bytes_that_are_not_utf8_and_odd_attributes_are_dropped_or_escaped() {
    let open: &[u8] = b"<html><body bgcolor=\"\xff\xfe\" id=\"f1\" class=\"\x80 a<b\" \
        onload=\"alert(1)\" xmlns:x=\"urn:x\" \"q=1 align=left align=right>";
    let rows = "<tr><td title='a\"b&amp;&nbsp;c'>Revenues</td><td style=\"color:&quot;red\">1,234</td>\
                <td>1,000</td></tr><tr><td>Net loss</td><td>(45)</td><td>(1,050)</td></tr></table>";
    let mut bytes = open.to_vec();
    bytes.extend(page("", rows, ""));
    let (shown, _, _) = tagged(&bytes);
    assert_eq!(shown, expected());
    let (source, conv) = crate::convert_text("page.htm", &bytes, &Options::default()).unwrap();
    let html = String::from_utf8(xbrlify::xbrl::ixbrl::write(&source, &conv)).unwrap();
    assert!(!html.contains("onload") && !html.contains("urn:x"));
    // The page's id `f1` would be a fact's: it is not kept.
    assert_eq!(html.matches("id=\"f1\"").count(), 1);
}
