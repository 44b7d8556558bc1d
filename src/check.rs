//! Footing: every total the mapping lists equals the weighted sum of its items, within the
//! rounding the shown digits allow (the same interval rule as XBRL Calculations 1.1,
//! round-to-nearest).
//!
//! A relationship applies in a period where the total and all its required items are reported
//! and none of its `unless` concepts is. It is *checked* only where it is complete: the rows
//! that stand above the total in its table, down to its items, are all items of the
//! relationship or parts of an item already passed on the way up (the rows of a section that
//! an item totals, the rows above a subtotal item, a breakdown of an item's concept). A row in
//! between that is unmapped, or mapped to a concept the relationship does not
//! list, means the release sums something the mapping does not know, and a mismatch would say
//! nothing about the release: such a total is recorded as not checked, with the row that
//! stopped it, instead of raising a false alarm. A total is checked at its own cell or at any
//! cell that repeats it (net income at the foot of the income statement, repeated atop the
//! cash-flow statement), wherever its rows state the relationship. An item reported outside
//! those rows (depreciation from the cash-flow statement, where the income statement has no
//! such line) still counts, as Calculations 1.1 counts it; if the total then does not foot, the
//! relationship is recorded as not stated by the release, not as a total that is wrong. So is
//! a total with one of its items on the rows right below it: that row is one line among the
//! items, not their total; and a row not labelled as a total (no "Total", no rule above it)
//! that stands under a single one of its items ("Operating expenses" under "Cost of
//! revenues"), which is one more line of the statement.
//!
//! A total that does not foot is a diagnostic, not an error: the release says what it says,
//! and the instance reports it faithfully.

use rustc_hash::FxHashMap as HashMap;

use rust_decimal::Decimal;

use crate::document::{Document, Row};
use crate::error::{Diagnostic, DiagnosticCode, Location, Note};
use crate::facts::{Fact, Facts, Fate, half_unit};
use crate::interpret::Period;
use crate::map::{Footing, Mapping, Target};
use crate::source::{Source, Span};

/// The outcome of one footing relationship at one reported total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FootingCheck {
    /// The relationship: its index in [`Mapping::footings`] (the `[[total]]` order).
    pub rule: usize,
    /// The total: its index in [`Facts::facts`].
    pub total: usize,
    /// The cell where the relationship was checked: the total's own, or a duplicate of it
    /// whose rows state the relationship (net income at the foot of the income statement,
    /// where the cash-flow statement repeats it).
    pub cell: Span,
    /// What was found.
    pub verdict: Verdict,
}

/// What a footing check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The total equals its items within their rounding.
    Foots,
    /// It does not (a `footing` diagnostic says by how much).
    DoesNotFoot,
    /// Not checked: the relationship is not complete at this total (a row among its items
    /// that is not one of them, an item reported outside the rows it sums).
    Incomplete {
        /// Why, as a phrase: "Other / Misc is not one of its items".
        reason: String,
        /// Where: the row's first cell in the total's column, or its label.
        span: Span,
    },
}

/// Checks the footing relationships on `facts`: the outcome at every total where a
/// relationship applies, and a diagnostic for each total that does not foot.
pub fn footing(
    source: &Source,
    document: &Document,
    mapping: &Mapping,
    facts: &Facts,
) -> (Vec<FootingCheck>, Vec<Diagnostic>) {
    let keys: Vec<Key<'_>> = facts
        .facts
        .iter()
        .map(|f| (f.concept.as_str(), f.context.dims.as_slice()))
        .collect();
    let mut index: HashMap<(Key<'_>, Period), &Fact> =
        HashMap::with_capacity_and_hasher(keys.len(), Default::default());
    // Each target's facts, in fact order: a relationship visits the facts of its total only.
    let mut by_target: HashMap<Key<'_>, Vec<usize>> = HashMap::default();
    for (i, (f, k)) in facts.facts.iter().zip(&keys).enumerate() {
        if f.number.is_some() {
            index.insert((*k, f.context.period), f);
        }
        by_target.entry(*k).or_default().push(i);
    }
    let layout = Layout::new(document, facts);
    // The cells that repeat each fact.
    let mut repeats: HashMap<usize, Vec<Span>> = HashMap::default();
    for c in &facts.cells {
        if let Fate::Duplicate(i) = c.fate {
            repeats.entry(i).or_default().push(c.span);
        }
    }
    let mut checks = Vec::new();
    let mut out = Vec::new();
    for (rule_idx, rule) in mapping.footings().iter().enumerate() {
        let Some(totals) = by_target.get(&key(&rule.total)) else {
            continue;
        };
        for &fact_idx in totals {
            let total = &facts.facts[fact_idx];
            let (Some(value), Some(cell)) = (total.number, total.cell) else {
                continue;
            };
            let period = total.context.period;
            let present = |t: &Target| index.contains_key(&(key(t), period));
            let applies = rule.items.iter().all(|i| i.optional || present(&i.target))
                && !rule.unless.iter().any(present);
            if !applies {
                continue;
            }
            let items: Vec<(i8, &Fact)> = rule
                .items
                .iter()
                .filter_map(|i| index.get(&(key(&i.target), period)).map(|f| (i.weight, *f)))
                .collect();
            if items.is_empty() {
                continue;
            }
            let mut check = FootingCheck {
                rule: rule_idx,
                total: fact_idx,
                cell,
                verdict: Verdict::Foots,
            };
            // The first cell reporting the total (its own, then its duplicates') whose rows
            // state the relationship completely.
            let mut blocks = std::iter::once(cell)
                .chain(repeats.get(&fact_idx).into_iter().flatten().copied())
                .map(|at| (at, layout.block(at, rule, mapping, &keys)));
            let first = blocks.next();
            let found = match first
                .clone()
                .into_iter()
                .chain(blocks)
                .find(|(_, b)| b.is_ok())
                .or(first)
            {
                Some((at, Ok(found))) => {
                    check.cell = at;
                    found
                }
                Some((_, Err((reason, span)))) => {
                    check.verdict = Verdict::Incomplete { reason, span };
                    checks.push(check);
                    continue;
                }
                None => continue,
            };
            let mut sum = Decimal::ZERO;
            let mut slack = half_unit(total.decimals.unwrap_or(0));
            for (w, f) in &items {
                let v = f.number.unwrap_or_default();
                sum += if *w < 0 { -v } else { v };
                slack += half_unit(f.decimals.unwrap_or(0));
            }
            // Calculations 1.1 sums every item reported in the context, wherever it stands. A
            // mismatch with an item shown elsewhere (depreciation in the cash-flow statement,
            // not among the operating expenses) says the release does not state this
            // relationship, not that its total is wrong.
            let outside = items
                .iter()
                .find(|(_, f)| !found.contains(&(f.concept.as_str(), f.context.dims.as_slice())));
            if (sum - value).abs() > slack {
                if let Some((_, f)) = outside {
                    check.verdict = Verdict::Incomplete {
                        reason: format!(
                            "its item {} is reported outside the rows it sums",
                            f.concept
                        ),
                        span: f.cell.unwrap_or(check.cell),
                    };
                } else {
                    check.verdict = Verdict::DoesNotFoot;
                    out.push(mismatch(source, total, check.cell, value, sum, &items));
                }
            }
            checks.push(check);
        }
    }
    // The checks in the order of the relationships, then of the totals' facts, as before.
    (checks, out)
}

/// A concept and its dimensions, borrowed from a fact or a [`Target`].
type Key<'a> = (&'a str, &'a [(String, String)]);

fn key(t: &Target) -> Key<'_> {
    (t.concept.as_str(), t.dims.as_slice())
}

fn mismatch(
    source: &Source,
    total: &Fact,
    cell: Span,
    value: Decimal,
    sum: Decimal,
    items: &[(i8, &Fact)],
) -> Diagnostic {
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
    Diagnostic {
        code: DiagnosticCode::Footing,
        message: format!(
            "{} for {} does not foot: shown {} but its items sum to {} ({}), off by {}",
            total.concept,
            total.context.period,
            total.value,
            sum.normalize(),
            terms.join(" ").trim_start_matches("+ "),
            (value - sum).normalize(),
        ),
        location: Some(Location::of(source, cell)),
        notes,
    }
}

/// Where each cell stands in its table, and what became of it.
struct Layout<'a> {
    document: &'a Document,
    /// Cell start → (table, row, column).
    place: HashMap<usize, (usize, usize, usize)>,
    /// Cell start → fate and whether it is derived.
    fate: HashMap<usize, (&'a Fate, bool)>,
}

/// What a row's cell in one column is, for footing.
enum RowKind<'t> {
    /// A reported amount of this concept.
    Amount(Key<'t>),
    /// Neither an amount nor an omission: a derived cell, a ratio the mapping skips.
    Neutral,
    /// A number no fact reports (an unmapped row).
    Unknown,
}

impl<'a> Layout<'a> {
    fn new(document: &'a Document, facts: &'a Facts) -> Layout<'a> {
        // Room for every cell at once: growing the map rehashes it several times.
        let cells = document
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .map(|r| r.cells.len())
            .sum();
        let mut place = HashMap::with_capacity_and_hasher(cells, Default::default());
        for (t, table) in document.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                for cell in &row.cells {
                    place.insert(cell.span.start, (t, r, cell.column));
                }
            }
        }
        let fate = facts
            .cells
            .iter()
            .map(|c| (c.span.start, (&c.fate, c.derived)))
            .collect();
        Layout {
            document,
            place,
            fate,
        }
    }

    fn kind<'t>(&self, row: &Row, column: usize, keys: &[Key<'t>]) -> Option<RowKind<'t>> {
        let cell = row.cells.iter().find(|c| c.column == column)?;
        let kind = match self.fate.get(&cell.span.start) {
            Some((Fate::Fact(i) | Fate::Duplicate(i), _)) => RowKind::Amount(keys[*i]),
            _ if cell.number.not_available || cell.number.percent => RowKind::Neutral,
            Some((Fate::Skipped(_), true)) => RowKind::Neutral,
            _ => RowKind::Unknown,
        };
        Some(kind)
    }

    /// The items found in the rows above the total's cell that the relationship sums, when it
    /// is complete there; otherwise why not: the first row among them that is not one of its
    /// items.
    fn block<'k>(
        &self,
        cell: Span,
        rule: &Footing,
        mapping: &Mapping,
        keys: &[Key<'k>],
    ) -> Result<Vec<Key<'k>>, (String, Span)> {
        let Some(&(t, r_total, column)) = self.place.get(&cell.start) else {
            return Err(("its cell is not in a table".into(), cell));
        };
        let rows = &self.document.tables[t].rows;
        let total_sections = section_names(&rows[r_total]);
        let required: Vec<Key<'_>> = rule
            .items
            .iter()
            .filter(|i| !i.optional)
            .map(|i| key(&i.target))
            .collect();
        // A sum of optional parts is checked only at a row that says it is their total: a plain
        // line ("Other income (expense), net" under "Interest expense") may be one of them.
        if required.is_empty() && !looks_total(&rows[r_total]) {
            return Err((
                "the row is not labelled as a total".into(),
                rows[r_total].label.span,
            ));
        }
        let mut found: Vec<Key<'k>> = Vec::new();
        // Items found on the way up that are subtotals ("Total cost of revenues"): the rows
        // above them may be their parts.
        let mut subtotals: Vec<Key<'k>> = Vec::new();
        // Inside the block of an item that is itself a total ("Total operating expenses" with
        // no section of its own): its rows are its own relationship's business.
        let mut in_subtotal = false;
        let is_item = |k: Key<'_>| rule.items.iter().any(|i| key(&i.target) == k);
        let mut r = r_total;
        while r > 0 {
            r -= 1;
            let row = &rows[r];
            let Some(kind) = self.kind(row, column, keys) else {
                continue;
            };
            let all_required = required.iter().all(|t| found.contains(t));
            let in_section =
                !total_sections.is_empty() && section_names(row).starts_with(&total_sections);
            let intruder = || {
                Err((
                    format!("{} is not one of its items", row_name(row)),
                    first_cell(row, column),
                ))
            };
            if in_subtotal && !matches!(kind, RowKind::Amount(t) if is_item(t)) {
                continue;
            }
            match kind {
                RowKind::Neutral => {}
                RowKind::Amount(target) if is_item(target) => {
                    found.push(target);
                    in_subtotal = false;
                    if !looks_total(row) {
                        continue;
                    }
                    subtotals.push(target);
                    // An item that closes a section of its own ("Total cost of revenues")
                    // stands for the rows of that section above it.
                    let own = section_names(row);
                    if own.len() > total_sections.len() {
                        while r > 0 && section_names(&rows[r - 1]).starts_with(&own) {
                            r -= 1;
                        }
                    } else if let Some(closed) = r
                        .checked_sub(1)
                        .map(|a| section_names(&rows[a]))
                        .filter(|above| above.len() > own.len() && above.starts_with(&own))
                    {
                        // A total that closes the section just above it, at the heading's
                        // level ("Net cash used in financing activities" under the financing
                        // rows): it stands for that section's rows.
                        let section = &closed[..=own.len()];
                        while r > 0
                            && section_names(&rows[r - 1]).starts_with(section)
                            && !matches!(
                                self.kind(&rows[r - 1], column, keys),
                                Some(RowKind::Amount(t)) if is_item(t)
                            )
                        {
                            r -= 1;
                        }
                    } else if mapping.parts(target.0).is_some()
                        && !required.iter().all(|t| found.contains(t))
                    {
                        in_subtotal = true;
                    }
                }
                // A part of a subtotal already passed (its breakdown, above it).
                RowKind::Amount(target)
                    if (in_section || !all_required)
                        && subtotals.iter().any(|f| {
                            mapping.parts(f.0).is_some_and(|p| p.contains(target.0))
                                || f.0 == target.0
                        }) => {}
                // Every required item found: the sum is fixed, whatever stands above.
                _ if !required.is_empty() && all_required => break,
                _ if in_section => return intruder(),
                // Without a section to bound the block, an unmapped row may be a missed item.
                RowKind::Unknown if required.is_empty() && total_sections.is_empty() => {
                    return intruder();
                }
                // Every item found: the row above the block.
                _ if all_required && !found.is_empty() => break,
                _ => return intruder(),
            }
        }
        if required.iter().all(|t| found.contains(t)) && !found.is_empty() {
            // An item on the rows right below: the row is one line among the items ("Operating
            // expenses" over "Restructuring charge"), not their total.
            // A plain line under a single item ("Operating expenses" under "Cost of revenues")
            // is one more line of the statement, not a sum of one.
            if found.len() < 2 && !looks_total(&rows[r_total]) {
                return Err((
                    "the row is not labelled as a total and stands under one of its items only"
                        .into(),
                    rows[r_total].label.span,
                ));
            }
            for row in &rows[r_total + 1..] {
                match self.kind(row, column, keys) {
                    None | Some(RowKind::Neutral) => {}
                    Some(RowKind::Amount(target)) if is_item(target) => {
                        return Err((
                            format!("{}, one of its items, stands below it", row_name(row)),
                            first_cell(row, column),
                        ));
                    }
                    Some(_) => break,
                }
            }
            Ok(found)
        } else {
            Err((
                "its items are not in the rows above it".into(),
                rows[r_total].label.span,
            ))
        }
    }
}

/// Whether a row says it totals the rows above it: a rule line over its numbers, or a label
/// "Total current assets", "TOTAL", "Revenues, total".
fn looks_total(row: &Row) -> bool {
    let label = row.label.text.trim_start().to_ascii_lowercase();
    row.ruled || label.starts_with("total") || crate::text::contains(&label, " total")
}

fn section_names(row: &Row) -> Vec<&str> {
    row.sections.iter().map(|s| s.text.as_str()).collect()
}

fn row_name(row: &Row) -> String {
    let mut parts = section_names(row);
    parts.push(&row.label.text);
    parts.join(" / ")
}

fn first_cell(row: &Row, column: usize) -> Span {
    row.cells
        .iter()
        .find(|c| c.column == column)
        .map_or(row.label.span, |c| c.span)
}
