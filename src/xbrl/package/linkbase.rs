//! The presentation, label and definition linkbases of the report package.
//!
//! Presentation: one extended link role per reported table, its title's abstract concept at
//! the root, each heading's abstract under the heading it sits in, and each row's concept under
//! its innermost heading, in the release's row order (a concept shown twice under one heading
//! is presented once, where it first stands). A row that shows positive what its concept
//! stores negative (or the reverse) is presented with the `negatedLabel` role.
//!
//! Labels: the release's own words. Each extension concept, heading and statement has a
//! standard label; a standard concept presented has the company's words as its terse label
//! (the label its presentation arcs prefer), and a negated label where a row needs one.
//!
//! Definition: the hypercube, axes and members behind every dimensional fact: the filer's
//! `ReportTable` hypercube (closed, on the segment) holds each axis used, its domain the
//! axis's default and the members used beneath it; `ReportLineItems` holds every concept
//! reported with a dimension.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use rustc_hash::FxHashMap;

use super::{esc, href, schema};
use crate::conversion::Conversion;
use crate::facts::{Fact, Fate};
use crate::source::Span;

/// The domain of each standard axis the mapping uses: the member an absent dimension means.
///
/// An axis not listed takes a domain of the filer's own, which the extension schema declares.
pub const AXIS_DOMAINS: &[(&str, &str)] = &[
    ("srt:ProductOrServiceAxis", "srt:ProductsAndServicesDomain"),
    (
        "us-gaap:StatementClassOfStockAxis",
        "us-gaap:ClassOfStockDomain",
    ),
];

const STANDARD: &str = "http://www.xbrl.org/2003/role/label";
const TERSE: &str = "http://www.xbrl.org/2003/role/terseLabel";
const NEGATED: &str = "http://www.xbrl.org/2009/role/negatedLabel";
/// Where XBRL International's Link Role Registry declares the negated label role.
const NEGATED_SCHEMA: &str = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel";

/// The role reference of the negated label role, when `used`.
fn negated_role_ref(out: &mut String, used: bool) {
    if used {
        let _ = writeln!(
            out,
            "  <link:roleRef roleURI=\"{NEGATED}\" xlink:type=\"simple\" xlink:href=\"{NEGATED_SCHEMA}\"/>"
        );
    }
}

/// One parent-child relationship of a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arc {
    /// The parent's QName.
    pub from: String,
    /// The child's QName.
    pub to: String,
    /// Its place among the parent's children, from 1.
    pub order: usize,
    /// The label role the arc prefers, when not the standard label.
    pub preferred: Option<&'static str>,
}

/// The presentation of a conversion, and the labels it calls for.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    /// Each statement's role: `(id, definition)`.
    pub roles: Vec<(String, String)>,
    /// Each role's arcs, in order.
    pub links: Vec<Vec<Arc>>,
    /// Labels by QName: `(role, text)`, one per role.
    pub labels: BTreeMap<String, BTreeMap<&'static str, String>>,
    /// The extension schema the locators point to.
    pub xsd: String,
}

/// Each numeric cell's fact: the fact it is or repeats, among the instance's own facts or
/// the extension facts.
fn facts_of_cells(conv: &Conversion) -> FxHashMap<Span, &Fact> {
    let mut out = FxHashMap::default();
    for (cells, facts) in [
        (&conv.facts.cells, &conv.facts.facts),
        (&conv.extensions.facts.cells, &conv.extensions.facts.facts),
    ] {
        for c in cells {
            if let Fate::Fact(i) | Fate::Duplicate(i) = c.fate {
                out.insert(c.span, &facts[i]);
            }
        }
    }
    out
}

/// Builds the presentation of every reported table.
pub fn presentation(conv: &Conversion, xsd: &str) -> Presentation {
    let ext = &conv.extensions;
    let qname = |name: &str| format!("{}:{name}", ext.filer.prefix);
    let cell_facts = facts_of_cells(conv);
    let mut out = Presentation {
        xsd: xsd.to_string(),
        ..Presentation::default()
    };
    for c in &ext.concepts {
        out.labels
            .entry(qname(&c.name))
            .or_default()
            .insert(STANDARD, c.label.clone());
    }
    for h in ext.headings.values() {
        out.labels
            .entry(qname(&h.name))
            .or_default()
            .insert(STANDARD, h.label.clone());
    }
    // Every abstract the schema declares has its label, presented or not.
    for statement in &ext.statements {
        out.labels
            .entry(qname(&statement.heading.name))
            .or_default()
            .insert(STANDARD, statement.heading.label.clone());
    }
    for statement in &ext.statements {
        let table = &conv.document.tables[statement.table];
        let root = qname(&statement.heading.name);
        let mut arcs: Vec<Arc> = Vec::new();
        let mut children: BTreeMap<String, usize> = BTreeMap::new();
        let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        // Whether `a` is `b` or one of its ancestors in this role (an arc b → a would close a
        // cycle).
        fn ancestor(parents: &BTreeMap<String, BTreeSet<String>>, a: &str, b: &str) -> bool {
            let mut stack = vec![b.to_string()];
            let mut seen = BTreeSet::new();
            while let Some(x) = stack.pop() {
                if x == a {
                    return true;
                }
                if seen.insert(x.clone())
                    && let Some(ps) = parents.get(&x)
                {
                    stack.extend(ps.iter().cloned());
                }
            }
            false
        }
        let mut add = |from: &str, to: &str, preferred: Option<&'static str>| {
            if parents.get(to).is_some_and(|p| p.contains(from)) || ancestor(&parents, to, from) {
                return;
            }
            let n = children.entry(from.to_string()).or_insert(0);
            *n += 1;
            arcs.push(Arc {
                from: from.to_string(),
                to: to.to_string(),
                order: *n,
                preferred,
            });
            parents
                .entry(to.to_string())
                .or_default()
                .insert(from.to_string());
        };
        for row in &table.rows {
            // The row's concept and whether it is shown negated: from its first cell with a
            // fact (a nonzero one, for the sign).
            let mut concept: Option<&str> = None;
            let mut negated = false;
            for cell in &row.cells {
                let Some(fact) = cell_facts.get(&cell.span) else {
                    continue;
                };
                if concept.is_none() {
                    concept = Some(&fact.concept);
                }
                if concept != Some(fact.concept.as_str()) {
                    continue;
                }
                if let Some(stored) = fact.number
                    && !stored.is_zero()
                    && !cell.number.magnitude.is_zero()
                {
                    negated = cell.number.negative != stored.is_sign_negative();
                    break;
                }
            }
            let Some(concept) = concept else {
                continue;
            };
            let mut parent = root.clone();
            for s in &row.sections {
                if let Some(h) = ext.heading(&s.text) {
                    let child = qname(&h.name);
                    add(&parent, &child, None);
                    parent = child;
                }
            }
            let extension = concept.starts_with(&format!("{}:", ext.filer.prefix));
            let labels = out.labels.entry(concept.to_string()).or_default();
            let words = row.label.text.trim();
            let words = if words.is_empty() {
                labels
                    .get(STANDARD)
                    .cloned()
                    .unwrap_or_else(|| "Total".to_string())
            } else {
                words.to_string()
            };
            let preferred = if negated {
                labels.entry(NEGATED).or_insert(words);
                Some(NEGATED)
            } else if extension {
                None
            } else {
                labels.entry(TERSE).or_insert(words);
                Some(TERSE)
            };
            add(&parent, concept, preferred);
        }
        if arcs.is_empty() {
            continue;
        }
        let id = statement
            .heading
            .name
            .strip_suffix("Abstract")
            .unwrap_or(&statement.heading.name)
            .to_string();
        out.roles.push((id, statement.heading.label.clone()));
        out.links.push(arcs);
    }
    out
}

fn linkbase_start(out: &mut String) {
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         xmlns:xbrldt=\"http://xbrl.org/2005/xbrldt\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.xbrl.org/2003/linkbase \
         http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd\">\n",
    );
}

/// The `xlink:label` of a concept's locator.
pub(crate) fn loc_label(qname: &str) -> String {
    format!("loc_{}", qname.replace(':', "_"))
}

/// Writes a locator for each concept not yet located in this link.
pub(crate) fn locate(out: &mut String, located: &mut BTreeSet<String>, qname: &str, xsd: &str) {
    if located.insert(qname.to_string()) {
        let _ = writeln!(
            out,
            "    <link:loc xlink:type=\"locator\" xlink:href=\"{}\" xlink:label=\"{}\"/>",
            esc(&href(qname, xsd)),
            loc_label(qname)
        );
    }
}

/// Writes the role references of a linkbase.
pub(crate) fn role_refs(out: &mut String, ids: &[&str], xsd: &str, namespace: &str) {
    for id in ids {
        let _ = writeln!(
            out,
            "  <link:roleRef roleURI=\"{}\" xlink:type=\"simple\" xlink:href=\"{}#{id}\"/>",
            esc(&schema::role_uri(namespace, id)),
            esc(xsd)
        );
    }
}

impl Presentation {
    /// The presentation linkbase.
    pub fn bytes(&self, namespace: &str) -> Vec<u8> {
        let mut out = String::new();
        linkbase_start(&mut out);
        let xsd = &self.xsd;
        let ids: Vec<&str> = self.roles.iter().map(|(id, _)| id.as_str()).collect();
        role_refs(&mut out, &ids, xsd, namespace);
        negated_role_ref(
            &mut out,
            self.labels.values().any(|l| l.contains_key(NEGATED)),
        );
        for ((id, _), arcs) in self.roles.iter().zip(&self.links) {
            let _ = writeln!(
                out,
                "  <link:presentationLink xlink:type=\"extended\" xlink:role=\"{}\">",
                esc(&schema::role_uri(namespace, id))
            );
            let mut located = BTreeSet::new();
            for a in arcs {
                locate(&mut out, &mut located, &a.from, xsd);
                locate(&mut out, &mut located, &a.to, xsd);
            }
            for a in arcs {
                let preferred = a
                    .preferred
                    .map(|r| format!(" preferredLabel=\"{r}\""))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    <link:presentationArc xlink:type=\"arc\" \
                     xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/parent-child\" \
                     xlink:from=\"{}\" xlink:to=\"{}\" order=\"{}\"{preferred}/>",
                    loc_label(&a.from),
                    loc_label(&a.to),
                    a.order
                );
            }
            out.push_str("  </link:presentationLink>\n");
        }
        out.push_str("</link:linkbase>\n");
        out.into_bytes()
    }
}

/// The label linkbase: every label the presentation calls for, and a standard label for the
/// definition linkbase's hypercube and line items.
pub fn labels(
    conv: &Conversion,
    xsd: &str,
    presentation: &Presentation,
    dims: &Dimensions,
) -> Vec<u8> {
    let prefix = &conv.extensions.filer.prefix;
    let mut labels = presentation.labels.clone();
    for axis in dims.axes.keys() {
        let domain = domain(axis, prefix);
        if domain.starts_with(&format!("{prefix}:")) {
            let local = axis.rsplit(':').next().unwrap_or(axis);
            labels
                .entry(domain)
                .or_default()
                .insert(STANDARD, format!("{local} [Domain]"));
        }
    }
    let hypercube = if dims.is_empty() {
        &[][..]
    } else {
        &[
            (schema::TABLE, "Report [Table]"),
            (schema::LINE_ITEMS, "Report [Line Items]"),
        ][..]
    };
    for (name, text) in hypercube {
        labels
            .entry(format!("{prefix}:{name}"))
            .or_default()
            .insert(STANDARD, text.to_string());
    }
    let mut out = String::new();
    linkbase_start(&mut out);
    negated_role_ref(&mut out, labels.values().any(|l| l.contains_key(NEGATED)));
    out.push_str(
        "  <link:labelLink xlink:type=\"extended\" \
         xlink:role=\"http://www.xbrl.org/2003/role/link\">\n",
    );
    let mut located = BTreeSet::new();
    for (qname, roles) in &labels {
        locate(&mut out, &mut located, qname, xsd);
        let base = qname.replace(':', "_");
        for (role, text) in roles {
            let kind = role.rsplit('/').next().unwrap_or("label");
            let _ = writeln!(
                out,
                "    <link:label xlink:type=\"resource\" xlink:label=\"lab_{base}\" \
                 xlink:role=\"{role}\" xml:lang=\"en\" id=\"lab_{base}_{kind}\">{}</link:label>",
                esc(text)
            );
        }
        let _ = writeln!(
            out,
            "    <link:labelArc xlink:type=\"arc\" \
             xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/concept-label\" \
             xlink:from=\"{}\" xlink:to=\"lab_{base}\"/>",
            loc_label(qname)
        );
    }
    out.push_str("  </link:labelLink>\n</link:linkbase>\n");
    out.into_bytes()
}

/// The dimensions behind the dimensional facts: each axis with the members used on it, and
/// the concepts reported with a dimension.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dimensions {
    /// Each axis and its members.
    pub axes: BTreeMap<String, BTreeSet<String>>,
    /// The concepts reported with some dimension.
    pub primary: BTreeSet<String>,
}

impl Dimensions {
    /// Whether no fact has a dimension.
    pub fn is_empty(&self) -> bool {
        self.axes.is_empty()
    }
}

/// The dimensions of a conversion's facts.
pub fn dimensions(conv: &Conversion) -> Dimensions {
    let mut out = Dimensions::default();
    for f in super::facts(conv) {
        for (axis, member) in &f.context.dims {
            out.axes
                .entry(axis.clone())
                .or_default()
                .insert(member.clone());
            out.primary.insert(f.concept.clone());
        }
    }
    out
}

/// The domain of an axis: the standard one where known, else the filer's own
/// (`AxisNameDomain`).
pub fn domain(axis: &str, prefix: &str) -> String {
    AXIS_DOMAINS
        .iter()
        .find(|(a, _)| *a == axis)
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| {
            let local = axis.rsplit(':').next().unwrap_or(axis);
            format!(
                "{prefix}:{}Domain",
                local.strip_suffix("Axis").unwrap_or(local)
            )
        })
}

/// The definition linkbase of the dimensions.
pub fn definition(dims: &Dimensions, xsd: &str, namespace: &str, prefix: &str) -> Vec<u8> {
    let mut out = String::new();
    linkbase_start(&mut out);
    role_refs(&mut out, &[schema::DIMENSIONS_ROLE], xsd, namespace);
    for arcrole in [
        "all",
        "hypercube-dimension",
        "dimension-domain",
        "dimension-default",
        "domain-member",
    ] {
        let _ = writeln!(
            out,
            "  <link:arcroleRef arcroleURI=\"http://xbrl.org/int/dim/arcrole/{arcrole}\" \
             xlink:type=\"simple\" xlink:href=\"http://www.xbrl.org/2005/xbrldt-2005.xsd#{arcrole}\"/>"
        );
    }
    let _ = writeln!(
        out,
        "  <link:definitionLink xlink:type=\"extended\" xlink:role=\"{}\">",
        esc(&schema::role_uri(namespace, schema::DIMENSIONS_ROLE))
    );
    let table = format!("{prefix}:{}", schema::TABLE);
    let items = format!("{prefix}:{}", schema::LINE_ITEMS);
    let mut located = BTreeSet::new();
    let mut arcs = String::new();
    let arc = |arcs: &mut String, role: &str, from: &str, to: &str, order: usize, extra: &str| {
        let _ = writeln!(
            arcs,
            "    <link:definitionArc xlink:type=\"arc\" \
             xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/{role}\" \
             xlink:from=\"{}\" xlink:to=\"{}\" order=\"{order}\"{extra}/>",
            loc_label(from),
            loc_label(to)
        );
    };
    locate(&mut out, &mut located, &items, xsd);
    locate(&mut out, &mut located, &table, xsd);
    arc(
        &mut arcs,
        "all",
        &items,
        &table,
        1,
        " xbrldt:contextElement=\"segment\" xbrldt:closed=\"true\"",
    );
    for (k, (axis, members)) in dims.axes.iter().enumerate() {
        let dom = domain(axis, prefix);
        locate(&mut out, &mut located, axis, xsd);
        locate(&mut out, &mut located, &dom, xsd);
        arc(&mut arcs, "hypercube-dimension", &table, axis, k + 1, "");
        arc(&mut arcs, "dimension-domain", axis, &dom, 1, "");
        // A second locator of the domain: two arcs between the same locators are one arc
        // twice to XLink, whatever their arcroles.
        let default = format!("{}_default", loc_label(&dom));
        let _ = writeln!(
            out,
            "    <link:loc xlink:type=\"locator\" xlink:href=\"{}\" xlink:label=\"{default}\"/>",
            esc(&href(&dom, xsd))
        );
        let _ = writeln!(
            arcs,
            "    <link:definitionArc xlink:type=\"arc\" \
             xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/dimension-default\" \
             xlink:from=\"{}\" xlink:to=\"{default}\" order=\"1\"/>",
            loc_label(axis)
        );
        for (m, member) in members.iter().enumerate() {
            locate(&mut out, &mut located, member, xsd);
            arc(&mut arcs, "domain-member", &dom, member, m + 1, "");
        }
    }
    for (k, concept) in dims.primary.iter().enumerate() {
        locate(&mut out, &mut located, concept, xsd);
        arc(&mut arcs, "domain-member", &items, concept, k + 1, "");
    }
    out.push_str(&arcs);
    out.push_str("  </link:definitionLink>\n</link:linkbase>\n");
    out.into_bytes()
}
