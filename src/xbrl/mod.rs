//! Stage 5, write: facts → an XBRL 2.1 instance document, and the same facts as Inline XBRL
//! ([`ixbrl`]) and xBRL-JSON ([`json`]).
//!
//! The output is a pure function of the facts: schema references (one per taxonomy whose
//! concepts are used), contexts sorted by id, units in a fixed order, then document facts and
//! release facts in source order. Same facts, same bytes. The three formats are written from
//! one [`Parts`]: they carry exactly the same facts.

pub mod ixbrl;
pub mod json;
pub mod package;
pub mod tags;
pub mod xhtml;

use std::collections::BTreeMap;
use std::io;

use quick_xml::Writer;
use quick_xml::escape::escape;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::conversion::{Conversion, Entity};
use crate::facts::{Context, Fact, Unit};
use crate::interpret::Period;
use crate::taxonomy::{NAMESPACES, Namespace};

/// The facts a conversion reports, in the order every format writes them: document facts,
/// then the release's facts in source order.
pub fn all_facts(conv: &Conversion) -> Vec<&Fact> {
    conv.document_facts
        .iter()
        .chain(conv.facts.facts.iter())
        .collect()
}

/// Writes the instance document of a conversion.
pub fn write(conv: &Conversion) -> Vec<u8> {
    instance(&conv.entity, &all_facts(conv))
}

/// What every serialisation of a list of facts declares: the taxonomies whose concepts,
/// axes or members they use (in [`NAMESPACES`] order), their contexts by id, their units in a
/// fixed order.
pub struct Parts<'a> {
    /// The taxonomies used.
    pub namespaces: Vec<&'static Namespace>,
    /// Whether any context has a dimension.
    pub dimensional: bool,
    /// The contexts, by id.
    pub contexts: BTreeMap<&'a str, &'a Context>,
    /// The units, sorted.
    pub units: Vec<Unit>,
}

impl<'a> Parts<'a> {
    /// The parts of `facts`.
    pub fn of(facts: &[&'a Fact]) -> Parts<'a> {
        let mut used: Vec<&str> = Vec::new();
        let mut dimensional = false;
        let mut contexts: BTreeMap<&str, &Context> = BTreeMap::new();
        let mut units: Vec<Unit> = Vec::new();
        for f in facts {
            used.push(prefix(&f.concept));
            for (axis, member) in &f.context.dims {
                used.push(prefix(axis));
                used.push(prefix(member));
                dimensional = true;
            }
            contexts.insert(&f.context.id, &f.context);
            if let Some(u) = f.unit {
                units.push(u);
            }
        }
        units.sort();
        units.dedup();
        let namespaces = NAMESPACES
            .iter()
            .filter(|n| used.contains(&n.prefix))
            .collect();
        Parts {
            namespaces,
            dimensional,
            contexts,
            units,
        }
    }
}

/// Writes an instance of `facts` for `entity`.
pub fn instance(entity: &Entity, facts: &[&Fact]) -> Vec<u8> {
    instance_of(entity, facts, None)
}

/// The schema an instance of a report package references instead of the standard ones, and
/// the namespace of its concepts: `(href, prefix, namespace)`.
pub(crate) type Extension<'a> = (&'a str, &'a str, &'a str);

/// Writes an instance of `facts`, referencing the standard schemas, or only `extension`'s.
pub(crate) fn instance_of(
    entity: &Entity,
    facts: &[&Fact],
    extension: Option<Extension<'_>>,
) -> Vec<u8> {
    // About 200 bytes a fact: grown a few times rather than a dozen.
    let mut w = Writer::new_with_indent(Vec::with_capacity(4096 + 200 * facts.len()), b' ', 2);
    // Writing to a Vec cannot fail.
    let _ = body(&mut w, entity, facts, extension);
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

pub use crate::text::xml_allows;

/// Text as XML 1.0 allows it: characters XML forbids are dropped (the conversion reports
/// them, see [`crate::convert`]). quick-xml escapes `&`, `<`, `>` and quotes.
pub(crate) fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII, tab, line feed and carriage return are allowed: most text is decided
    // by its bytes.
    let ascii_allowed = s
        .bytes()
        .all(|b| (b' '..0x80).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'));
    if ascii_allowed || s.chars().all(xml_allows) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| xml_allows(c)).collect())
    }
}

pub(crate) fn prefix(qname: &str) -> &str {
    // `split_once(':')`, by bytes.
    qname
        .bytes()
        .position(|b| b == b':')
        .map_or("", |colon| &qname[..colon])
}

fn body(
    w: &mut Writer<Vec<u8>>,
    entity: &Entity,
    facts: &[&Fact],
    extension: Option<Extension<'_>>,
) -> io::Result<()> {
    let Parts {
        namespaces,
        dimensional,
        contexts,
        units,
    } = Parts::of(facts);

    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = w
        .create_element("xbrli:xbrl")
        .with_attribute(("xmlns:xbrli", "http://www.xbrl.org/2003/instance"))
        .with_attribute(("xmlns:link", "http://www.xbrl.org/2003/linkbase"))
        .with_attribute(("xmlns:xlink", "http://www.w3.org/1999/xlink"))
        .with_attribute(("xmlns:iso4217", "http://www.xbrl.org/2003/iso4217"));
    if dimensional {
        root = root.with_attribute(("xmlns:xbrldi", "http://xbrl.org/2006/xbrldi"));
    }
    for ns in &namespaces {
        root = root.with_attribute((format!("xmlns:{}", ns.prefix).as_str(), ns.uri));
    }
    if let Some((_, prefix, uri)) = extension {
        root = root.with_attribute((format!("xmlns:{prefix}").as_str(), uri));
    }
    root.write_inner_content(|w| {
        let hrefs: Vec<&str> = match extension {
            Some((href, _, _)) => vec![href],
            None => namespaces.iter().map(|ns| ns.schema).collect(),
        };
        for href in hrefs {
            w.create_element("link:schemaRef")
                .with_attribute(("xlink:type", "simple"))
                .with_attribute(("xlink:href", href))
                .write_empty()?;
        }
        for ctx in contexts.values() {
            context(w, entity, ctx)?;
        }
        for u in &units {
            unit(w, *u)?;
        }
        for f in facts {
            fact(w, f)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Writes a context element (one level inside the root, as its indentation assumes).
pub(crate) fn context(w: &mut Writer<Vec<u8>>, entity: &Entity, ctx: &Context) -> io::Result<()> {
    // Attribute values are escaped as text is, and also `\n` and `\t`: values holding those
    // take the general path.
    let plain = |s: &str| !s.bytes().any(|b| b == b'\n' || b == b'\t');
    if plain(&ctx.id)
        && plain(&xml_text(&entity.scheme))
        && ctx.dims.iter().all(|(axis, _)| plain(axis))
    {
        context_direct(w, entity, ctx);
        return Ok(());
    }
    context_general(w, entity, ctx)
}

/// A context element written straight into the output: the same bytes as
/// [`context_general`], as [`fact_direct`] is for facts. Contexts sit one level inside the
/// root, so their children are indented by two more spaces per level.
fn context_direct(w: &mut Writer<Vec<u8>>, entity: &Entity, ctx: &Context) {
    // Writing to a Vec cannot fail.
    let _ = w.write_indent();
    let out = w.get_mut();
    let line = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', 2 * depth));
    };
    out.extend_from_slice(b"<xbrli:context id=\"");
    out.extend_from_slice(escape(ctx.id.as_str()).as_bytes());
    out.extend_from_slice(b"\">");
    line(out, 2);
    out.extend_from_slice(b"<xbrli:entity>");
    line(out, 3);
    out.extend_from_slice(b"<xbrli:identifier scheme=\"");
    out.extend_from_slice(escape(xml_text(&entity.scheme)).as_bytes());
    out.extend_from_slice(b"\">");
    out.extend_from_slice(escape(xml_text(&entity.identifier)).as_bytes());
    out.extend_from_slice(b"</xbrli:identifier>");
    if !ctx.dims.is_empty() {
        line(out, 3);
        out.extend_from_slice(b"<xbrli:segment>");
        for (axis, member) in &ctx.dims {
            line(out, 4);
            out.extend_from_slice(b"<xbrldi:explicitMember dimension=\"");
            out.extend_from_slice(escape(axis.as_str()).as_bytes());
            out.extend_from_slice(b"\">");
            out.extend_from_slice(escape(member.as_str()).as_bytes());
            out.extend_from_slice(b"</xbrldi:explicitMember>");
        }
        line(out, 3);
        out.extend_from_slice(b"</xbrli:segment>");
    }
    line(out, 2);
    out.extend_from_slice(b"</xbrli:entity>");
    line(out, 2);
    out.extend_from_slice(b"<xbrli:period>");
    let date = |out: &mut Vec<u8>, tag: &str, d: chrono::NaiveDate| {
        line(out, 3);
        out.push(b'<');
        out.extend_from_slice(tag.as_bytes());
        out.push(b'>');
        push_date(out, d);
        out.extend_from_slice(b"</");
        out.extend_from_slice(tag.as_bytes());
        out.push(b'>');
    };
    match ctx.period {
        Period::Instant(d) => date(out, "xbrli:instant", d),
        Period::Duration { start, end } => {
            date(out, "xbrli:startDate", start);
            date(out, "xbrli:endDate", end);
        }
    }
    line(out, 2);
    out.extend_from_slice(b"</xbrli:period>");
    line(out, 1);
    out.extend_from_slice(b"</xbrli:context>");
}

/// Appends a date as its `Display` does (`2003-09-30`), digit by digit for years 0 to 9999.
fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let Ok(year) = u32::try_from(d.year()) else {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    };
    if year > 9999 {
        out.extend_from_slice(d.to_string().as_bytes());
        return;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    out.extend_from_slice(&[
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(d.month() / 10),
        digit(d.month()),
        b'-',
        digit(d.day() / 10),
        digit(d.day()),
    ]);
}

/// A context element through quick-xml's element builder.
fn context_general(w: &mut Writer<Vec<u8>>, entity: &Entity, ctx: &Context) -> io::Result<()> {
    w.create_element("xbrli:context")
        .with_attribute(("id", ctx.id.as_str()))
        .write_inner_content(|w| {
            w.create_element("xbrli:entity").write_inner_content(|w| {
                w.create_element("xbrli:identifier")
                    .with_attribute(("scheme", xml_text(&entity.scheme).as_ref()))
                    .write_text_content(BytesText::new(&xml_text(&entity.identifier)))?;
                if !ctx.dims.is_empty() {
                    w.create_element("xbrli:segment").write_inner_content(|w| {
                        for (axis, member) in &ctx.dims {
                            w.create_element("xbrldi:explicitMember")
                                .with_attribute(("dimension", axis.as_str()))
                                .write_text_content(BytesText::new(member))?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            w.create_element("xbrli:period").write_inner_content(|w| {
                match ctx.period {
                    Period::Instant(d) => {
                        w.create_element("xbrli:instant")
                            .write_text_content(BytesText::new(&d.to_string()))?;
                    }
                    Period::Duration { start, end } => {
                        w.create_element("xbrli:startDate")
                            .write_text_content(BytesText::new(&start.to_string()))?;
                        w.create_element("xbrli:endDate")
                            .write_text_content(BytesText::new(&end.to_string()))?;
                    }
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

fn measure(w: &mut Writer<Vec<u8>>, m: &str) -> io::Result<()> {
    w.create_element("xbrli:measure")
        .write_text_content(BytesText::new(m))?;
    Ok(())
}

/// Writes a unit element.
pub(crate) fn unit(w: &mut Writer<Vec<u8>>, u: Unit) -> io::Result<()> {
    w.create_element("xbrli:unit")
        .with_attribute(("id", u.id()))
        .write_inner_content(|w| match u {
            Unit::Usd => measure(w, "iso4217:USD"),
            Unit::Shares => measure(w, "xbrli:shares"),
            Unit::Pure => measure(w, "xbrli:pure"),
            Unit::UsdPerShare => {
                w.create_element("xbrli:divide").write_inner_content(|w| {
                    w.create_element("xbrli:unitNumerator")
                        .write_inner_content(|w| measure(w, "iso4217:USD"))?;
                    w.create_element("xbrli:unitDenominator")
                        .write_inner_content(|w| measure(w, "xbrli:shares"))?;
                    Ok(())
                })?;
                Ok(())
            }
        })?;
    Ok(())
}

fn fact(w: &mut Writer<Vec<u8>>, f: &Fact) -> io::Result<()> {
    // Attribute values are escaped as text is, and also `\n` and `\t`: a context id never
    // holds those, but if it did the general path below would write it.
    if !f.context.id.bytes().any(|b| b == b'\n' || b == b'\t') {
        fact_direct(w, f);
        return Ok(());
    }
    fact_general(w, f)
}

/// A fact element through quick-xml's element builder.
fn fact_general(w: &mut Writer<Vec<u8>>, f: &Fact) -> io::Result<()> {
    let mut el = w
        .create_element(f.concept.as_str())
        .with_attribute(("contextRef", f.context.id.as_str()));
    if let Some(u) = f.unit {
        el = el.with_attribute(("unitRef", u.id()));
    }
    let decimals = f.decimals.map(|d| d.to_string());
    if let Some(d) = &decimals {
        el = el.with_attribute(("decimals", d.as_str()));
    }
    el.write_text_content(BytesText::new(&xml_text(&f.value)))?;
    Ok(())
}

/// A fact element written straight into the output: the same bytes as [`fact`]'s general path
/// (an indented line, `<concept contextRef=".." unitRef=".." decimals="..">value</concept>`),
/// without building a start tag and its attributes for every fact.
///
/// # Design
///
/// Writing the facts through quick-xml's element builder cost about a third of writing an
/// instance: each attribute grows the tag's own buffer before the tag is copied out. The
/// writer's indentation is kept by quick-xml (`write_indent`), and the escaping is quick-xml's
/// own; `fact_is_written_as_quick_xml_writes_it` checks the bytes against the general path.
fn fact_direct(w: &mut Writer<Vec<u8>>, f: &Fact) {
    // Writing to a Vec cannot fail.
    let _ = w.write_indent();
    let out = w.get_mut();
    out.push(b'<');
    out.extend_from_slice(f.concept.as_bytes());
    out.extend_from_slice(b" contextRef=\"");
    out.extend_from_slice(escape(f.context.id.as_str()).as_bytes());
    out.push(b'"');
    if let Some(u) = f.unit {
        out.extend_from_slice(b" unitRef=\"");
        out.extend_from_slice(u.id().as_bytes());
        out.push(b'"');
    }
    if let Some(d) = f.decimals {
        out.extend_from_slice(b" decimals=\"");
        push_integer(out, d);
        out.push(b'"');
    }
    out.push(b'>');
    out.extend_from_slice(escape(xml_text(&f.value)).as_bytes());
    out.extend_from_slice(b"</");
    out.extend_from_slice(f.concept.as_bytes());
    out.push(b'>');
}

/// Appends `n` in decimal, as `write!(out, "{n}")` does.
fn push_integer(out: &mut Vec<u8>, n: i32) {
    if n < 0 {
        out.push(b'-');
    }
    let mut digits = [0u8; 10];
    let mut m = n.unsigned_abs();
    let mut len = 0;
    loop {
        digits[len] = b'0' + (m % 10) as u8;
        m /= 10;
        len += 1;
        if m == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Context;

    #[test]
    fn integers_are_written_as_write_writes_them() {
        for n in [0, 1, -1, 9, 10, -10, 28, -28, 123_456, i32::MAX, i32::MIN] {
            let mut out = Vec::new();
            push_integer(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn xml_text_drops_what_xml_forbids() {
        for s in [
            "plain",
            "tab\tline\nreturn\r",
            "x\u{1}y\u{7f}",
            "caf\u{e9} \u{fffe}",
            "",
        ] {
            let expected: String = s.chars().filter(|&c| xml_allows(c)).collect();
            assert_eq!(xml_text(s), expected, "{s:?}");
        }
    }

    #[test]
    fn context_is_written_as_quick_xml_writes_it() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let periods = [
            Period::Instant(d(2003, 9, 30)),
            Period::Duration {
                start: d(1998, 1, 1),
                end: d(1998, 12, 31),
            },
            Period::Instant(d(12345, 1, 2)),
            Period::Instant(d(-5, 6, 7)),
            Period::Instant(d(7, 6, 5)),
        ];
        let dims = [
            Vec::new(),
            vec![(
                "srt:ProductOrServiceAxis".to_string(),
                "us-gaap:LicenseMember".to_string(),
            )],
            vec![
                ("a:X".to_string(), "b:<&>".to_string()),
                ("a:\"Y'".to_string(), "b:Z".to_string()),
            ],
        ];
        let entities = [
            ("http://www.sec.gov/CIK", "0001094238"),
            ("http://xbrlify.invalid/ticker", "A&B <\"x\">"),
            ("scheme\twith\ntab", "x\u{1}y"),
        ];
        for period in periods {
            for dims in &dims {
                for (scheme, identifier) in entities {
                    for id in ["I20030930", "D1-x", "a\"&<b", "a\tb"] {
                        let ctx = Context {
                            id: id.into(),
                            period,
                            dims: dims.clone(),
                        };
                        let entity = Entity {
                            scheme: scheme.into(),
                            identifier: identifier.into(),
                        };
                        let write = |direct: bool| {
                            let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
                            w.create_element("xbrli:xbrl")
                                .write_inner_content(|w| {
                                    for _ in 0..2 {
                                        if direct {
                                            context(w, &entity, &ctx)?;
                                        } else {
                                            context_general(w, &entity, &ctx)?;
                                        }
                                    }
                                    Ok(())
                                })
                                .unwrap();
                            String::from_utf8(w.into_inner()).unwrap()
                        };
                        assert_eq!(write(true), write(false), "{ctx:?} {scheme:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn fact_is_written_as_quick_xml_writes_it() {
        let date = chrono::NaiveDate::from_ymd_opt(2003, 9, 30).unwrap();
        for value in ["5001", "-0.04", "a < b & \"c\" > 'd'\r", "x\u{1}y", ""] {
            for (unit, decimals) in [
                (Some(Unit::Usd), Some(-3)),
                (None, None),
                (Some(Unit::Pure), Some(2)),
            ] {
                for id in ["I20030930", "D20030701-20030930-Axis-Member", "a\"&<b"] {
                    let f = Fact {
                        concept: "us-gaap:Revenues".into(),
                        context: Context {
                            id: id.into(),
                            period: Period::Instant(date),
                            dims: Vec::new(),
                        },
                        unit,
                        decimals,
                        value: value.into(),
                        number: None,
                        cell: None,
                    };
                    let write = |direct: bool| {
                        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
                        w.create_element("xbrli:xbrl")
                            .write_inner_content(|w| {
                                if direct {
                                    fact_direct(w, &f);
                                    fact_direct(w, &f);
                                } else {
                                    fact_general(w, &f)?;
                                    fact_general(w, &f)?;
                                }
                                Ok(())
                            })
                            .unwrap();
                        String::from_utf8(w.into_inner()).unwrap()
                    };
                    assert_eq!(write(true), write(false), "{value:?} {id:?}");
                }
            }
        }
    }
}
