//! Footing: every total the mapping lists equals the weighted sum of its items, within the
//! rounding the shown digits allow (the same interval rule as XBRL Calculations 1.1,
//! round-to-nearest). A relationship applies in a period where the total and all its required
//! items are reported and none of its `unless` concepts is. A total that does not foot is a diagnostic, not an error: the release
//! says what it says, and the instance reports it faithfully.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Diagnostic, Location, Note};
use crate::facts::{Fact, half_unit};
use crate::interpret::Period;
use crate::map::{Mapping, Target};
use crate::source::Source;

/// Checks the footing relationships on `facts`.
pub fn footing(source: &Source, mapping: &Mapping, facts: &[Fact]) -> Vec<Diagnostic> {
    let mut index: BTreeMap<(Target, Period), &Fact> = BTreeMap::new();
    for f in facts {
        if f.number.is_some() {
            let target = Target {
                concept: f.concept.clone(),
                dims: f.context.dims.clone(),
            };
            index.insert((target, f.context.period), f);
        }
    }
    let mut out = Vec::new();
    for rule in mapping.footings() {
        for total in facts
            .iter()
            .filter(|f| f.concept == rule.total.concept && f.context.dims == rule.total.dims)
        {
            let (Some(value), Some(cell)) = (total.number, total.cell) else {
                continue;
            };
            let period = total.context.period;
            let present = |t: &Target| index.contains_key(&(t.clone(), period));
            let applies = rule.items.iter().all(|i| i.optional || present(&i.target))
                && !rule.unless.iter().any(present);
            if !applies {
                continue;
            }
            let items: Vec<(i8, &Fact)> = rule
                .items
                .iter()
                .filter_map(|i| {
                    index
                        .get(&(i.target.clone(), period))
                        .map(|f| (i.weight, *f))
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let mut sum = Decimal::ZERO;
            let mut slack = half_unit(total.decimals.unwrap_or(0));
            for (w, f) in &items {
                let v = f.number.unwrap_or_default();
                sum += if *w < 0 { -v } else { v };
                slack += half_unit(f.decimals.unwrap_or(0));
            }
            if (sum - value).abs() <= slack {
                continue;
            }
            let terms: Vec<String> = items
                .iter()
                .map(|(w, f)| {
                    format!(
                        "{}{} {}",
                        if *w < 0 { "- " } else { "+ " },
                        f.concept,
                        f.value
                    )
                })
                .collect();
            let notes = items
                .iter()
                .filter_map(|(_, f)| {
                    f.cell.map(|c| Note {
                        message: format!("item {} = {}", f.concept, f.value),
                        location: Some(Location::of(source, c)),
                    })
                })
                .collect();
            out.push(Diagnostic {
                code: "footing",
                message: format!(
                    "{} for {period} does not foot: shown {} but its items sum to {} ({}), off by {}",
                    total.concept,
                    total.value,
                    sum.normalize(),
                    terms.join(" ").trim_start_matches("+ "),
                    (value - sum).normalize(),
                ),
                location: Some(Location::of(source, cell)),
                notes,
            });
        }
    }
    out
}
