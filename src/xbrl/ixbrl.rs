//! The release itself as an Inline XBRL 1.1 document: the text as printed, every number that
//! is a fact wrapped where it stands.
//!
//! The document is XHTML. A plain-text release (or a whole EDGAR submission) is shown in one
//! `<pre>`, white space kept, every character XML allows copied and escaped. Each cell that
//! became a fact, and each consistent duplicate of one, is an `ix:nonFraction` around the
//! number's digits (the `$`, parentheses and `%` stay outside) with its concept, context,
//! unit, own decimals and scale, and a format of the Transformation Registry 4
//! (`ixt:num-dot-decimal`, or `ixt:fixed-zero` for a dash); `sign="-"` where the value is
//! negative. Which bytes are tagged is decided by [`super::tags::plan`]. Document facts, and
//! any fact none of whose cells could be tagged, are in `ix:hidden`; contexts and units in
//! `ix:resources`; the schema references are those of the XBRL 2.1 instance.
//!
//! Fact ids are `f1`, `f2`, ... in the order of [`super::all_facts`] (the xBRL-JSON writer
//! uses the same), and `f12-1`, `f12-2`, ... for the further cells showing fact `f12`.

use quick_xml::Writer;
use quick_xml::escape::{escape, partial_escape};

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::tags::{Plan, Tag, plan, splice};
use super::{Parts, all_facts, context, unit, xhtml, xml_text};
use crate::conversion::Conversion;
use crate::facts::Fact;
use crate::source::Source;
use crate::source::Span;

/// The Inline XBRL 1.1 namespace.
pub const IX: &str = "http://www.xbrl.org/2013/inlineXBRL";
/// The Transformation Registry 4 namespace.
pub const IXT: &str = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";

/// Writes the Inline XBRL document of a conversion: the release's own HTML when it was read
/// from HTML, else its text as printed.
pub fn write(source: &Source, conv: &Conversion) -> Vec<u8> {
    if conv.document.parts.iter().any(|p| p.html) {
        return write_html(source, conv);
    }
    let text = source.text();
    let facts = all_facts(conv);
    let plan = plan(text, conv);
    let mut out = Vec::with_capacity(text.len() * 2 + 4096 + 300 * facts.len());
    head(&mut out, source, conv, &facts, &plan, "");
    pre(&mut out, text, 0..text.len(), &plan.tags, &facts);
    out.extend_from_slice(b"</body>\n</html>\n");
    out
}

/// A plain text in a `<pre>`, its tags wrapped.
fn pre(out: &mut Vec<u8>, text: &str, range: Range<usize>, tags: &[Tag], facts: &[&Fact]) {
    out.extend_from_slice(b"<pre style=\"font-family:monospace;white-space:pre\">");
    splice(
        text,
        range,
        tags,
        out,
        |s, out| out.extend_from_slice(partial_escape(xml_text(s)).as_bytes()),
        |tag, inside, out| number(out, tag, facts[tag.fact], inside),
    );
    out.extend_from_slice(b"</pre>\n");
}

/// The Inline XBRL document of a release read from HTML: each document the reader read (an
/// EDGAR submission's release exhibits, or the whole page) in its own markup made XHTML
/// ([`super::xhtml`]), a plain-text exhibit among them as printed. A fact whose cell's number
/// the rewrite could not wrap (it is not one run of text) goes to `ix:hidden`.
fn write_html(source: &Source, conv: &Conversion) -> Vec<u8> {
    let text = source.text();
    let facts = all_facts(conv);
    let mut plan = plan(text, conv);
    let mut body = Vec::with_capacity(text.len() + 300 * facts.len());
    let mut placed = vec![false; plan.tags.len()];
    let mut ids = FxHashSet::default();
    let mut styles = String::new();
    for part in &conv.document.parts {
        let range = part.span.range();
        let lo = plan.tags.partition_point(|t| t.span.start < range.start);
        let hi = plan.tags.partition_point(|t| t.span.end <= range.end);
        let tags = plan.tags.get(lo..hi.max(lo)).unwrap_or_default();
        if part.html {
            let spans: Vec<Span> = tags.iter().map(|t| t.span).collect();
            let done = xhtml::rewrite(
                text,
                range,
                &spans,
                &mut ids,
                &mut body,
                |k, inside, out| number(out, &tags[k], facts[tags[k].fact], inside),
            );
            for (k, &w) in done.wrapped.iter().enumerate() {
                placed[lo + k] = w;
            }
            styles.push_str(&done.styles);
        } else {
            pre(&mut body, text, range, tags, &facts);
            placed[lo..hi.max(lo)].fill(true);
        }
        body.push(b'\n');
    }
    plan.keep_placed(&placed);
    let mut out = Vec::with_capacity(body.len() + 4096 + 300 * facts.len());
    head(&mut out, source, conv, &facts, &plan, &styles);
    out.extend_from_slice(&body);
    out.extend_from_slice(b"</body>\n</html>\n");
    out
}

fn attr(out: &mut Vec<u8>, name: &str, value: &str) {
    out.push(b' ');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"=\"");
    out.extend_from_slice(escape(xml_text(value)).as_bytes());
    out.push(b'"');
}

/// The document up to the release's text: the root with its namespaces, the head, and the
/// Inline XBRL header (hidden facts, schema references, contexts and units).
/// `styles` is CSS of the release's own, for a `<style>` element.
fn head(
    out: &mut Vec<u8>,
    source: &Source,
    conv: &Conversion,
    facts: &[&Fact],
    plan: &Plan,
    styles: &str,
) {
    let parts = Parts::of(facts);
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html");
    attr(out, "xmlns", "http://www.w3.org/1999/xhtml");
    attr(out, "xmlns:ix", IX);
    attr(out, "xmlns:ixt", IXT);
    attr(out, "xmlns:xbrli", "http://www.xbrl.org/2003/instance");
    attr(out, "xmlns:link", "http://www.xbrl.org/2003/linkbase");
    attr(out, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    attr(out, "xmlns:iso4217", "http://www.xbrl.org/2003/iso4217");
    if parts.dimensional {
        attr(out, "xmlns:xbrldi", "http://xbrl.org/2006/xbrldi");
    }
    for ns in &parts.namespaces {
        attr(out, &format!("xmlns:{}", ns.prefix), ns.uri);
    }
    out.extend_from_slice(b">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>\n<title>");
    let name = source.name();
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    out.extend_from_slice(partial_escape(xml_text(base)).as_bytes());
    out.extend_from_slice(b"</title>\n");
    if !styles.is_empty() {
        // Read as CSS both by an XML parser (the CDATA section) and by an HTML one (the
        // comments hide the section's markers).
        out.extend_from_slice(b"<style type=\"text/css\">/*<![CDATA[*/\n");
        out.extend_from_slice(
            xml_text(styles)
                .replace("]]>", "]]]]><![CDATA[>")
                .as_bytes(),
        );
        out.extend_from_slice(b"/*]]>*/</style>\n");
    }
    out.extend_from_slice(b"</head>\n<body>\n<div style=\"display:none\">\n<ix:header>\n");
    if !plan.hidden.is_empty() {
        out.extend_from_slice(b"<ix:hidden>\n");
        for &k in &plan.hidden {
            out.extend_from_slice(b"  ");
            hidden(out, k, facts[k]);
            out.push(b'\n');
        }
        out.extend_from_slice(b"</ix:hidden>\n");
    }
    out.extend_from_slice(b"<ix:references>\n");
    for ns in &parts.namespaces {
        out.extend_from_slice(b"  <link:schemaRef xlink:type=\"simple\"");
        attr(out, "xlink:href", ns.schema);
        out.extend_from_slice(b"/>\n");
    }
    out.extend_from_slice(b"</ix:references>\n");
    // Contexts and units as the instance writes them, one level inside `ix:resources`.
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ = w.create_element("ix:resources").write_inner_content(|w| {
        for ctx in parts.contexts.values() {
            context(w, &conv.entity, ctx)?;
        }
        for u in &parts.units {
            unit(w, *u)?;
        }
        Ok(())
    });
    out.extend_from_slice(&w.into_inner());
    out.extend_from_slice(b"\n</ix:header>\n</div>\n");
}

/// The attributes every fact element starts with: id, name, context.
fn fact_start(out: &mut Vec<u8>, element: &str, id: &str, fact: &Fact) {
    out.push(b'<');
    out.extend_from_slice(element.as_bytes());
    attr(out, "id", id);
    attr(out, "name", &fact.concept);
    attr(out, "contextRef", &fact.context.id);
}

/// A fact in `ix:hidden`: text facts as `ix:nonNumeric`, numbers as `ix:nonFraction` holding
/// the value's magnitude in its canonical form.
fn hidden(out: &mut Vec<u8>, k: usize, fact: &Fact) {
    let id = format!("f{}", k + 1);
    match (fact.unit, fact.number) {
        (Some(u), Some(_)) => {
            fact_start(out, "ix:nonFraction", &id, fact);
            attr(out, "unitRef", u.id());
            if let Some(d) = fact.decimals {
                attr(out, "decimals", &d.to_string());
            }
            let magnitude = fact.value.strip_prefix('-');
            if magnitude.is_some() {
                attr(out, "sign", "-");
            }
            out.push(b'>');
            out.extend_from_slice(
                partial_escape(xml_text(magnitude.unwrap_or(&fact.value))).as_bytes(),
            );
            out.extend_from_slice(b"</ix:nonFraction>");
        }
        _ => {
            fact_start(out, "ix:nonNumeric", &id, fact);
            out.push(b'>');
            out.extend_from_slice(partial_escape(xml_text(&fact.value)).as_bytes());
            out.extend_from_slice(b"</ix:nonNumeric>");
        }
    }
}

/// A number of the release wrapped in its `ix:nonFraction`.
fn number(out: &mut Vec<u8>, tag: &Tag, fact: &Fact, inside: &str) {
    let id = match tag.duplicate {
        0 => format!("f{}", tag.fact + 1),
        n => format!("f{}-{n}", tag.fact + 1),
    };
    fact_start(out, "ix:nonFraction", &id, fact);
    if let Some(u) = fact.unit {
        attr(out, "unitRef", u.id());
    }
    attr(out, "decimals", &tag.decimals.to_string());
    attr(out, "scale", &tag.scale.to_string());
    let format = if tag.dash {
        "ixt:fixed-zero"
    } else {
        "ixt:num-dot-decimal"
    };
    attr(out, "format", format);
    if tag.negative {
        attr(out, "sign", "-");
    }
    out.push(b'>');
    out.extend_from_slice(partial_escape(xml_text(inside)).as_bytes());
    out.extend_from_slice(b"</ix:nonFraction>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Context, Unit};
    use crate::interpret::Period;

    fn fact(value: &str, unit: Option<Unit>, decimals: Option<i32>) -> Fact {
        Fact {
            concept: "us-gaap:NetIncomeLoss".into(),
            context: Context::new(
                Period::Instant(chrono::NaiveDate::from_ymd_opt(2003, 9, 30).unwrap()),
                Vec::new(),
            ),
            unit,
            decimals,
            value: value.into(),
            number: unit.map(|_| value.parse().unwrap()),
            cell: None,
        }
    }

    #[test]
    fn hidden_numbers_hold_their_magnitude_and_sign() {
        let mut out = Vec::new();
        hidden(&mut out, 11, &fact("-3195000", Some(Unit::Usd), Some(-3)));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<ix:nonFraction id=\"f12\" name=\"us-gaap:NetIncomeLoss\" contextRef=\"I20030930\" \
             unitRef=\"USD\" decimals=\"-3\" sign=\"-\">3195000</ix:nonFraction>"
        );
        let mut out = Vec::new();
        hidden(&mut out, 0, &fact("A & B <C>", None, None));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<ix:nonNumeric id=\"f1\" name=\"us-gaap:NetIncomeLoss\" contextRef=\"I20030930\">\
             A &amp; B &lt;C&gt;</ix:nonNumeric>"
        );
    }
}
