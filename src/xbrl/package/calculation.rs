//! The calculation linkbase: the footing relationships xbrlify verified, with Calculations
//! 1.1 semantics.
//!
//! Calculations 1.1 binds a relationship wherever the total and any one of its items are
//! reported; xbrlify checks a relationship only where every required item is reported, no
//! `unless` concept is, and the rows above the total are all its items. So the linkbase holds
//! each relationship that xbrlify found to foot in *every* context where Calculations 1.1
//! binds it (and that binds somewhere): a total xbrlify did not check, or found not to foot,
//! keeps its relationship out, and a processor re-checking the linkbase re-verifies exactly
//! what xbrlify says foots. Relationships with dimensional totals or items stay out
//! (Calculations 1.1 sums the facts of one context). Each relationship has an extended link
//! role of its own, so alternative relationships for one total are never summed together.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::esc;
use super::linkbase::{loc_label, locate, role_refs};
use super::schema;
use crate::check::Verdict;
use crate::conversion::Conversion;
use crate::map::Mapping;

/// One relationship of the linkbase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relationship {
    /// The relationship's place among the mapping's `[[total]]`s, from 1.
    pub number: usize,
    /// Its role: `(id, definition)`.
    pub role: (String, String),
    /// The total's QName.
    pub total: String,
    /// Each item's weight and QName.
    pub items: Vec<(i8, String)>,
}

/// The relationships that xbrlify found to foot in every context where Calculations 1.1
/// binds them, among the instance's facts.
pub fn relationships(conv: &Conversion, mapping: &Mapping) -> Vec<Relationship> {
    let facts = &conv.facts.facts;
    // Concepts reported in each context.
    let mut by_context: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for f in super::facts(conv) {
        by_context
            .entry(f.context.id.as_str())
            .or_default()
            .insert(f.concept.as_str());
    }
    // Each (relationship, context): whether some check there foots, and whether one does not.
    let mut verdicts: BTreeMap<(usize, &str), (bool, bool)> = BTreeMap::new();
    for check in &conv.footing {
        let context = facts[check.total].context.id.as_str();
        let v = verdicts.entry((check.rule, context)).or_default();
        match check.verdict {
            Verdict::Foots => v.0 = true,
            Verdict::DoesNotFoot => v.1 = true,
            Verdict::Incomplete { .. } => {}
        }
    }
    let mut out = Vec::new();
    for (n, footing) in mapping.footings().iter().enumerate() {
        if !footing.total.dims.is_empty() || footing.items.iter().any(|i| !i.target.dims.is_empty())
        {
            continue;
        }
        let total = footing.total.concept.as_str();
        let items: Vec<&str> = footing
            .items
            .iter()
            .map(|i| i.target.concept.as_str())
            .collect();
        let mut bound = 0;
        let mut verified = true;
        for (context, present) in &by_context {
            if !present.contains(total) || !items.iter().any(|q| present.contains(q)) {
                continue;
            }
            bound += 1;
            if verdicts.get(&(n, *context)) != Some(&(true, false)) {
                verified = false;
                break;
            }
        }
        if !verified || bound == 0 {
            continue;
        }
        let local = total.rsplit(':').next().unwrap_or(total);
        out.push(Relationship {
            number: n + 1,
            role: (
                format!("Footing{}", n + 1),
                format!("Footing {}: {local}", n + 1),
            ),
            total: total.to_string(),
            items: footing
                .items
                .iter()
                .map(|i| (i.weight, i.target.concept.clone()))
                .collect(),
        });
    }
    out
}

/// Writes the calculation linkbase.
pub fn write(relationships: &[Relationship], xsd: &str, namespace: &str) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.xbrl.org/2003/linkbase \
         http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd\">\n",
    );
    let ids: Vec<&str> = relationships.iter().map(|r| r.role.0.as_str()).collect();
    role_refs(&mut out, &ids, xsd, namespace);
    for r in relationships {
        let _ = writeln!(
            out,
            "  <link:calculationLink xlink:type=\"extended\" xlink:role=\"{}\">",
            esc(&schema::role_uri(namespace, &r.role.0))
        );
        let mut located = BTreeSet::new();
        locate(&mut out, &mut located, &r.total, xsd);
        for (_, item) in &r.items {
            locate(&mut out, &mut located, item, xsd);
        }
        for (order, (weight, item)) in r.items.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <link:calculationArc xlink:type=\"arc\" \
                 xlink:arcrole=\"http://www.xbrl.org/2003/arcrole/summation-item\" \
                 xlink:from=\"{}\" xlink:to=\"{}\" order=\"{}\" weight=\"{weight}\"/>",
                loc_label(&r.total),
                loc_label(item),
                order + 1
            );
        }
        out.push_str("  </link:calculationLink>\n");
    }
    out.push_str("</link:linkbase>\n");
    out.into_bytes()
}
