//! Stage 3, map: each row of each table → what it reports, as plain data for stage 4.
//!
//! The mapping file ([`Mapping`]: `taxonomy/us-gaap-2024.toml`, embedded; `--mapping FILE`
//! replaces it) says what a label means under its headings. This stage decides, for every row,
//! the entry it takes — a concept (with its dimensions and sign rule) or a reason to skip —
//! from the label and headings *and* from where the row stands: a balance-sheet caption in a
//! cash-flow statement reports the change in that balance; under a per-share title a row in
//! cents is per share; under a heading about a non-GAAP measure a row is not a us-gaap amount;
//! a row repeated under the sections of a subsidiary is a part of the entity; a table that
//! shows expenses in parentheses shows a tax benefit positive. Stage 4 ([`crate::facts`]) turns
//! each mapped row's cells into facts and decides nothing about concepts.

mod rules;

pub use rules::*;

use std::collections::BTreeMap;

use crate::document::{Document, Row, Table};
use crate::error::{Diagnostic, Location};
use crate::interpret::TableMeaning;
use crate::lexicon::phrases::{
    CAPTION_WORDS, CHANGE_PREFIXES, names_balance_date, names_cash_flow, names_non_gaap,
    names_per_share, names_start,
};
use crate::source::Source;
use crate::taxonomy::{ConceptTable, PeriodType, ValueKind};
use crate::text;

/// What stage 3 decided for one row.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedRow<'m> {
    /// The mapping entry the row takes: a concept or a reason to skip; `None` when no entry
    /// matches.
    pub outcome: Option<&'m Outcome>,
    /// The section naming the part of the entity (a subsidiary, a segment) the row reports
    /// for, when it is not the entity itself.
    pub part: Option<String>,
    /// The row is a flow only (it sits in a cash-flow statement and names no balance date): an
    /// instant concept there is not reported.
    pub flow_only: bool,
    /// The label says "beginning of period": an instant takes the day before the column.
    pub at_start: bool,
    /// The row shows a benefit as the positive amount of an expense-or-benefit concept.
    pub benefit_shown_positive: bool,
    /// A scale the row's label states, overriding the table's ("(in millions)").
    pub scale: Option<u32>,
}

/// The mapped rows of one table, in the table's order.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedTable<'m> {
    /// One per row of the table.
    pub rows: Vec<MappedRow<'m>>,
}

/// Maps every row of every table; an `unmapped-row` diagnostic for each row of a reported
/// table that reports numbers and that no entry matches.
pub fn map<'m>(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    mapping: &'m Mapping,
    concepts: &ConceptTable,
) -> (Vec<MappedTable<'m>>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut out = Vec::with_capacity(doc.tables.len());
    let headings = Headings::default();
    for (table, meaning) in doc.tables.iter().zip(meanings) {
        let table_in_cash_flow = table.title.iter().any(|t| names_cash_flow(&t.text));
        let titled_per_share = table.title.iter().any(|t| names_per_share(&t.text));
        let mut outcomes: Vec<Option<&Outcome>> = table
            .rows
            .iter()
            .map(|row| {
                // Whether every amount the row shows (not a dash, "n/a" or a percentage) is
                // shown with these digits after the point.
                let every_amount = |digits: fn(u32) -> bool| {
                    row.cells
                        .iter()
                        .filter(|c| !c.number.dash && !c.number.not_available)
                        .all(|c| digits(c.number.fraction_digits) && !c.number.percent)
                };
                // Shown as per-share amounts are: cents, two places after the point.
                let in_cents = every_amount(|d| d >= 2);
                let per_share_table = in_cents
                    && (titled_per_share
                        || row
                            .sections
                            .iter()
                            .any(|s| headings.says(&s.text).per_share));
                let sections = row.sections.iter().map(|s| s.text.as_str());
                let outcome = mapping.lookup(&row.label.text, sections.clone());
                // "Basic" under a heading about shares ("Weighted average shares used in per
                // share computation"), its numbers not in cents (whole, or millions to one
                // place: "538.3"): a share count, not per-share amounts, whatever words the
                // heading uses.
                let shown_whole = every_amount(|d| d < 2);
                if let Some(Outcome::Concept(rule)) = outcome
                    && shown_whole
                    && concepts
                        .get(&rule.target.concept)
                        .is_some_and(|c| c.kind == ValueKind::PerShare)
                    && row
                        .sections
                        .iter()
                        .any(|s| text::contains(&s.text.to_ascii_lowercase(), "shares"))
                    && let Some(count) = mapping.lookup(
                        &row.label.text,
                        sections.clone().chain(std::iter::once(SHARES_HEADING)),
                    )
                    && outcome != Some(count)
                {
                    return Some(count);
                }
                // In a cash-flow statement a balance-sheet caption with no heading about
                // changes ("Accounts receivable" under "Operating activities:") reports the
                // change in that balance.
                let balance = |o: &Outcome| {
                    matches!(o, Outcome::Concept(r) if concepts
                        .get(&r.target.concept)
                        .is_some_and(|c| c.period_type == PeriodType::Instant))
                };
                // Under "Excluding special charges:" or "Pro forma:" the rows repeat the
                // statement's labels with other amounts; a row that says it is the reported
                // amount is the GAAP one ("Net Income - As Reported" over "Less: Synthetic
                // Fuels"), and what the mapping already skips keeps its reason.
                let reported = {
                    let l = row.label.text.to_ascii_lowercase();
                    crate::text::contains(&l, "as reported") || crate::text::contains(&l, "gaap")
                };
                if !reported
                    && !matches!(outcome, Some(Outcome::Skip(_)))
                    && row.sections.iter().any(|s| headings.says(&s.text).non_gaap)
                {
                    return Some(&*NON_GAAP_HEADING);
                }
                // "(Increase) decrease in accounts receivable" is the same line: shown as its
                // effect on cash.
                let in_cash_flow = table_in_cash_flow || headings.in_cash_flow(row);
                let normalised =
                    (in_cash_flow && outcome.is_none()).then(|| normalise(&row.label.text));
                let caption = normalised
                    .as_deref()
                    .and_then(|n| CHANGE_PREFIXES.iter().find_map(|p| n.strip_prefix(p)));
                if in_cash_flow
                    && !names_balance_date(&row.label.text)
                    && (outcome.is_some_and(balance) || caption.is_some())
                    && let Some(change) = mapping.lookup(
                        caption.unwrap_or(&row.label.text),
                        sections.clone().chain(std::iter::once(CHANGES_HEADING)),
                    )
                    && !balance(change)
                {
                    return Some(change);
                }
                // Under a per-share title or heading ("PER SHARE DATA", "Per share data:"), a
                // row shown in cents is per share: "Net income - basic" is earnings per share,
                // and "Net income" there is not the company's net income.
                if let Some(Outcome::Concept(rule)) = outcome
                    && per_share_table
                    && concepts
                        .get(&rule.target.concept)
                        .is_some_and(|c| matches!(c.kind, ValueKind::Monetary))
                {
                    return mapping
                        .lookup(
                            &row.label.text,
                            sections.clone().chain(std::iter::once(PER_SHARE_HEADING)),
                        )
                        .filter(|o| !matches!(o, Outcome::Concept(r) if r == rule))
                        .or(Some(&*PER_SHARE_ONLY));
                }
                if outcome.is_none() && per_share_table {
                    return mapping.lookup(
                        &row.label.text,
                        sections.chain(std::iter::once(PER_SHARE_HEADING)),
                    );
                }
                outcome
            })
            .collect();
        for r in 0..table.rows.len() {
            if totals_noncontrolling(table, &outcomes, r) {
                let row = &table.rows[r];
                let sections = row.sections.iter().map(|s| s.text.as_str());
                let with = std::iter::once(WITH_NONCONTROLLING_HEADING);
                if let Some(total) = mapping.lookup(&row.label.text, sections.chain(with)) {
                    outcomes[r] = Some(total);
                }
            }
        }
        // "Property and equipment" / "Less accumulated depreciation" / a row with no label: the
        // first is the cost before depreciation, the last what is left of it.
        for r in 2..table.rows.len() {
            let deducts = matches!(outcomes[r - 1], Some(Outcome::Concept(rule))
                if rule.target.concept == ACCUMULATED_DEPRECIATION);
            if !deducts || !table.rows[r].label.text.is_empty() {
                continue;
            }
            let cost = &table.rows[r - 2];
            let sections = cost.sections.iter().map(|s| s.text.as_str());
            let under = |heading: &'static str| {
                mapping.lookup(&cost.label.text, sections.clone().chain([heading]))
            };
            // A cost the mapping names under the heading, not the label's meaning anywhere.
            let gross = under(BEFORE_DEPRECIATION).filter(|o| Some(*o) != outcomes[r - 2]);
            if let (Some(gross), Some(net)) = (gross, under(NET_OF_DEPRECIATION)) {
                outcomes[r - 2] = Some(gross);
                outcomes[r] = Some(net);
            }
        }
        // "Interest income" / "Interest expense" / "Other, net" closed by a ruled "Other income
        // (expense), net" with no heading over them: the total's caption is the group's
        // heading, and a line the mapping knows only under such a heading is read under it.
        for r in 0..table.rows.len() {
            if outcomes[r].is_some() || table.rows[r].ruled || table.rows[r].label.text.is_empty() {
                continue;
            }
            let Some(t) = closing_total(table, r) else {
                continue;
            };
            if !matches!(outcomes[t], Some(Outcome::Concept(_))) {
                continue;
            }
            let row = &table.rows[r];
            let total = table.rows[t].label.text.as_str();
            let sections = row.sections.iter().map(|s| s.text.as_str());
            outcomes[r] = mapping.lookup(&row.label.text, sections.chain([total]));
        }
        // A balance sheet's rows with no heading below its total of current assets (or
        // liabilities) and above the next total: the noncurrent ones ("DEFERRED COMPENSATION"
        // between "Total current liabilities" and the equity section).
        let mut below: Option<&str> = None;
        for (r, row) in table.rows.iter().enumerate() {
            let concept = match outcomes[r] {
                Some(Outcome::Concept(rule)) => Some(rule.target.concept.as_str()),
                _ => None,
            };
            match concept {
                Some("us-gaap:AssetsCurrent") => below = Some(NONCURRENT_ASSETS),
                Some("us-gaap:LiabilitiesCurrent") => below = Some(NONCURRENT_LIABILITIES),
                Some(c) if CLOSES_NONCURRENT.contains(&c) => below = None,
                Some(_) => {}
                None => {
                    if let Some(heading) = below
                        && row.sections.is_empty()
                        && !row.label.text.is_empty()
                    {
                        outcomes[r] = mapping.lookup(&row.label.text, [heading]);
                    }
                }
            }
        }
        // A current balance's caption under a noncurrent heading ("Income taxes payable" under
        // "Non-Current Liabilities"): what the mapping lists under that heading, else nothing.
        for (r, row) in table.rows.iter().enumerate() {
            let Some(Outcome::Concept(rule)) = outcomes[r] else {
                continue;
            };
            let concept = rule.target.concept.as_str();
            if !concept.ends_with("Current") || concept.ends_with("Noncurrent") {
                continue;
            }
            let Some(heading) = row
                .sections
                .iter()
                .rev()
                .find_map(|s| noncurrent_heading(&s.text))
            else {
                continue;
            };
            let sections = row.sections.iter().map(|s| s.text.as_str());
            outcomes[r] = mapping
                .lookup(&row.label.text, sections.chain([heading]))
                .filter(
                    |o| !matches!(o, Outcome::Concept(other) if other.target.concept == concept),
                );
        }
        let parts = parts_of_entity(table, &outcomes);
        let deductions =
            !table_in_cash_flow && deductions_in_parentheses(table, &outcomes, mapping, concepts);
        let mut rows = Vec::with_capacity(table.rows.len());
        for (r, row) in table.rows.iter().enumerate() {
            let outcome = outcomes[r];
            let sections: Vec<&str> = row.sections.iter().map(|s| s.text.as_str()).collect();
            let reported_cells = reported_cells(row, meaning);
            let part = parts[r].clone();
            if outcome.is_none() && reported_cells > 0 && meaning.skip.is_none() && part.is_none() {
                diagnostics.push(Diagnostic {
                    code: crate::error::DiagnosticCode::UnmappedRow,
                    message: format!(
                        "no mapping for row \"{}\"{}; its {} numbers are not reported",
                        row.label.text,
                        if sections.is_empty() {
                            String::new()
                        } else {
                            format!(" under \"{}\"", sections.join(" / "))
                        },
                        reported_cells
                    ),
                    location: Some(Location::of(source, row.label.span)),
                    notes: Vec::new(),
                });
            }
            // What only a row with a concept needs (its cells' period, sign and scale).
            let row = match outcome {
                Some(Outcome::Concept(rule)) => MappedRow {
                    outcome,
                    part,
                    flow_only: (table_in_cash_flow || headings.in_cash_flow(row))
                        && !names_balance_date(&row.label.text),
                    at_start: names_start(&row.label.text),
                    // "Income tax benefit  (237)" with every amount in parentheses under a
                    // loss shows the benefit as a negative expense: only a benefit shown
                    // positive is turned over.
                    benefit_shown_positive: rule.target.concept.ends_with("ExpenseBenefit")
                        && (deductions
                            || (benefit_shown_positive(&row.label.text)
                                && !row
                                    .cells
                                    .iter()
                                    .filter(|c| !c.number.dash && !c.number.percent)
                                    .all(|c| c.number.negative))),
                    scale: crate::interpret::row_scale(&row.label.text),
                },
                _ => MappedRow {
                    outcome,
                    part,
                    flow_only: false,
                    at_start: false,
                    benefit_shown_positive: false,
                    scale: None,
                },
            };
            rows.push(row);
        }
        out.push(MappedTable { rows });
    }
    (out, diagnostics)
}

/// How many of a row's cells show an amount in a dated column (not a percentage, not "n/a"):
/// the cells a row no entry matches leaves out (the `unmapped-row` diagnostic counts them).
pub fn reported_cells(row: &Row, meaning: &TableMeaning) -> usize {
    row.cells
        .iter()
        .filter(|c| {
            !c.number.percent
                && !c.number.not_available
                && meaning.columns[c.column].period().is_some()
        })
        .count()
}

/// For each row of a table, the section naming a part of the entity ("Alabama Power") when
/// another row of the same table maps to the same concept under a different section: such rows
/// report a subsidiary or segment, which standard taxonomies have no member for. Rows under a
/// "Consolidated" or "Total" section are the entity itself, and a section worded as a caption
/// of the statement ("Current assets", "Net income per share") is no part of it.
fn parts_of_entity(table: &Table, outcomes: &[Option<&Outcome>]) -> Vec<Option<String>> {
    // Headings that state a length ("Fourth Quarter:", "Full Year:") are periods, not parts.
    // The rows of a table share their headings: each heading is asked once.
    let lengths: std::cell::RefCell<rustc_hash::FxHashMap<String, bool>> = Default::default();
    let states_length = |text: &str| {
        if let Some(&known) = lengths.borrow().get(text) {
            return known;
        }
        let answer = crate::lexicon::dates::states_length(text);
        lengths.borrow_mut().insert(text.to_string(), answer);
        answer
    };
    let path = |r: &Row| {
        r.sections
            .iter()
            .filter(|s| !states_length(&s.text))
            .map(|s| s.text.clone())
            .collect::<Vec<_>>()
    };
    // Each mapped target, with the section paths it occurs under (at most two kept).
    let mut paths: BTreeMap<&crate::map::Target, Vec<Vec<String>>> = BTreeMap::new();
    for (row, outcome) in table.rows.iter().zip(outcomes) {
        if let Some(Outcome::Concept(rule)) = outcome {
            let seen = paths.entry(&rule.target).or_default();
            let p = path(row);
            if seen.len() < 2 && !seen.contains(&p) {
                seen.push(p);
            }
        }
    }
    table
        .rows
        .iter()
        .zip(outcomes)
        .map(|(row, outcome)| {
            let Some(Outcome::Concept(rule)) = outcome else {
                return None;
            };
            if paths.get(&rule.target).is_none_or(|p| p.len() < 2) {
                return None;
            }
            let section = row
                .sections
                .iter()
                .rev()
                .find(|s| !states_length(&s.text))?;
            let lower = section.text.to_ascii_lowercase();
            (!text::contains(&lower, "consolidated")
                && !text::contains(&lower, "total")
                && !text::contains_any(&lower, CAPTION_WORDS))
            .then(|| section.text.clone())
        })
        .collect()
}

/// The headings under which the mapping lists noncurrent assets and liabilities.
const NONCURRENT_ASSETS: &str = "Noncurrent assets";
const NONCURRENT_LIABILITIES: &str = "Noncurrent liabilities";

/// The heading under which the mapping lists the noncurrent lines a heading names
/// ("Non-Current Liabilities", "Long-term assets"), if it names noncurrent ones.
fn noncurrent_heading(heading: &str) -> Option<&'static str> {
    let noncurrent = [
        "non-current",
        "noncurrent",
        "non current",
        "long-term",
        "long term",
    ];
    if !text::contains_any_lower(heading, &noncurrent) {
        None
    } else if text::contains_lower(heading, "liabilit") {
        Some(NONCURRENT_LIABILITIES)
    } else if text::contains_lower(heading, "asset") {
        Some(NONCURRENT_ASSETS)
    } else {
        None
    }
}

/// Totals that close a balance sheet's noncurrent assets or liabilities.
const CLOSES_NONCURRENT: &[&str] = &[
    "us-gaap:Assets",
    "us-gaap:Liabilities",
    "us-gaap:LiabilitiesAndStockholdersEquity",
    "us-gaap:StockholdersEquity",
    "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest",
];

/// How many rows a group closed by a total may have above the total.
const GROUP_ROWS: usize = 6;

/// The ruled, labelled row that closes the group row `r` stands in: the first ruled row below
/// it, within a few rows, under the same headings, with none of the rows between opening a
/// heading of their own.
fn closing_total(table: &Table, r: usize) -> Option<usize> {
    let row = &table.rows[r];
    let below = table.rows.iter().enumerate().skip(r + 1).take(GROUP_ROWS);
    for (t, candidate) in below {
        let same_headings = candidate.sections.len() == row.sections.len()
            && candidate
                .sections
                .iter()
                .zip(&row.sections)
                .all(|(a, b)| a.text == b.text);
        if !same_headings {
            return None;
        }
        if candidate.ruled {
            return (!candidate.label.text.is_empty()).then_some(t);
        }
    }
    None
}

/// The depreciation accumulated on property, plant and equipment.
const ACCUMULATED_DEPRECIATION: &str =
    "us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment";

/// The headings under which the mapping lists an asset's cost above a line of accumulated
/// depreciation, and the unlabelled amount left below it.
const BEFORE_DEPRECIATION: &str = "Before accumulated depreciation";
const NET_OF_DEPRECIATION: &str = "Net of accumulated depreciation";

/// The noncontrolling interests in a subsidiary's equity, a line of the owners' equity section.
const NONCONTROLLING: &str = "us-gaap:MinorityInterest";

/// The heading under which the mapping lists what a total is when the noncontrolling interests
/// are among the lines it totals.
const WITH_NONCONTROLLING_HEADING: &str = "Equity with noncontrolling interests";

/// "Total shareholders' equity" closing a section ("Shareholders' equity:") that holds a line
/// of noncontrolling interests: the total includes them, whatever its label says.
fn totals_noncontrolling(table: &Table, outcomes: &[Option<&Outcome>], r: usize) -> bool {
    let text = table.rows[r].label.text.as_bytes();
    if !text
        .get(..5)
        .is_some_and(|t| t.eq_ignore_ascii_case(b"total"))
    {
        return false;
    }
    let label = normalise(&table.rows[r].label.text);
    let Some(closed) = label.strip_prefix("total ") else {
        return false;
    };
    let under = |row: &Row| row.sections.iter().any(|s| normalise(&s.text) == closed);
    (table.rows[..r].iter().zip(outcomes))
        .rev()
        .take_while(|(row, _)| under(row))
        .any(|(_, o)| {
            matches!(o, Some(Outcome::Concept(rule))
                if rule.target.concept == NONCONTROLLING && rule.target.dims.is_empty())
        })
}

/// The heading under which the mapping lists the changes in working-capital balances.
const CHANGES_HEADING: &str = "Changes in operating assets and liabilities";

/// A heading under which the mapping lists share counts ("Basic", "Diluted").
const SHARES_HEADING: &str = "Weighted average shares";

/// The heading under which the mapping lists per-share rows.
const PER_SHARE_HEADING: &str = "Per share data";

/// What a row mapped to an amount becomes under a per-share title when the mapping has no
/// per-share meaning for it.
static PER_SHARE_ONLY: std::sync::LazyLock<Outcome> = std::sync::LazyLock::new(|| {
    Outcome::Skip(
        "a per-share amount (its title or heading says per share) that the mapping has no \
         per-share concept for"
            .into(),
    )
});

/// What a row under a heading about a non-GAAP measure becomes.
static NON_GAAP_HEADING: std::sync::LazyLock<Outcome> = std::sync::LazyLock::new(|| {
    Outcome::Skip(
        "under a heading about a non-GAAP measure (excluding items, pro forma, adjusted), not \
         a us-gaap amount"
            .into(),
    )
});

/// What the phrase tests say of a heading: asked once per heading's words, since the rows of a
/// table share their headings.
#[derive(Default)]
struct Headings(std::cell::RefCell<rustc_hash::FxHashMap<String, HeadingSays>>);

/// What a heading names.
#[derive(Clone, Copy)]
struct HeadingSays {
    /// A cash-flow statement ([`names_cash_flow`]).
    cash_flow: bool,
    /// A non-GAAP measure ([`names_non_gaap`]).
    non_gaap: bool,
    /// Per-share amounts ([`names_per_share`]).
    per_share: bool,
}

impl Headings {
    fn says(&self, text: &str) -> HeadingSays {
        if let Some(&known) = self.0.borrow().get(text) {
            return known;
        }
        let says = HeadingSays {
            cash_flow: names_cash_flow(text),
            non_gaap: names_non_gaap(text),
            per_share: names_per_share(text),
        };
        self.0.borrow_mut().insert(text.to_string(), says);
        says
    }

    /// Whether a row's sections name a cash-flow statement (its table's title may, too).
    fn in_cash_flow(&self, row: &Row) -> bool {
        row.sections.iter().any(|s| self.says(&s.text).cash_flow)
    }
}

/// Whether a table shows its expenses as deductions, in parentheses ("Cost of revenues
/// (6,000)"): more of the rows mapped to expenses that are never negative show only negative
/// numbers than show only positive ones, and at least two do. An income tax shown "(1,400)"
/// there is an expense, and one shown "120" a benefit.
fn deductions_in_parentheses(
    table: &Table,
    outcomes: &[Option<&Outcome>],
    mapping: &Mapping,
    concepts: &ConceptTable,
) -> bool {
    let (mut negative, mut positive) = (0, 0);
    for (row, outcome) in table.rows.iter().zip(outcomes) {
        let Some(Outcome::Concept(rule)) = outcome else {
            continue;
        };
        let expense = mapping.is_non_negative(&rule.target.concept)
            && concepts.get(&rule.target.concept).is_some_and(|c| {
                c.period_type == PeriodType::Duration && c.kind == ValueKind::Monetary
            })
            && !rule.target.concept.starts_with("us-gaap:Revenue")
            && !rule.target.concept.starts_with("us-gaap:Payments");
        let numbers: Vec<bool> = row
            .cells
            .iter()
            .filter(|c| !c.number.dash && !c.number.not_available && !c.number.percent)
            .map(|c| c.number.negative)
            .collect();
        if !expense || numbers.is_empty() {
            continue;
        }
        if numbers.iter().all(|&n| n) {
            negative += 1;
        } else if numbers.iter().all(|&n| !n) {
            positive += 1;
        }
    }
    negative >= 2 && negative > positive
}

/// Whether a label about an expense or benefit shows the benefit as its positive amount: the
/// first of "benefit", "credit", "provision", "expense" outside parentheses is a benefit or a
/// credit ("Income tax benefit", "(Provision) benefit for income taxes", "Income tax benefit
/// (expense)"; not "Provision (benefit) for income taxes").
fn benefit_shown_positive(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    let mut depth = 0usize;
    let mut word = String::new();
    for c in lower.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            if depth == 0 {
                word.push(c);
            }
            continue;
        }
        match word.as_str() {
            "benefit" | "benefits" | "credit" => return true,
            "provision" | "expense" | "expenses" => return false,
            _ => {}
        }
        word.clear();
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}
