//! Stage 4, build facts: every numeric cell becomes a fact, a duplicate of one, or a skip
//! with a reason; contexts and units are deduplicated under content-derived ids.
//!
//! Invariants of the output: every fact's context and unit exist; no two facts share concept,
//! context and unit (duplicates were checked to agree within their decimals and merged into
//! the most precise); monetary and share amounts are scaled by the table's scale line, per-share
//! amounts never; `decimals` is the digits shown after the point less the scale's power of ten.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::document::{Cell, Document, Row};
use crate::interpret::{ColumnMeaning, ColumnPeriod, Period, TableMeaning};
use crate::map::{At, MappedTable, Mapping, Outcome, RowMapping, Sign};
use crate::source::{Source, Span};
use crate::taxonomy::{Concept, ConceptTable, PeriodType, ValueKind};

/// A unit of measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// `iso4217:USD`.
    Usd,
    /// `iso4217:USD` / `xbrli:shares`.
    UsdPerShare,
    /// `xbrli:shares`.
    Shares,
    /// `xbrli:pure`.
    Pure,
}

impl Unit {
    /// The unit's id in the instance.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Usd => "USD",
            Unit::UsdPerShare => "USD-per-shares",
            Unit::Shares => "shares",
            Unit::Pure => "pure",
        }
    }
}

/// A context: the entity is the same for the whole instance, so period and dimensions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Context {
    /// Content-derived id: `D20030701-20030930`, `I20030930`, plus `-Axis-Member` per dimension.
    pub id: String,
    /// The period.
    pub period: Period,
    /// Explicit dimensions `(axis, member)`, sorted.
    pub dims: Vec<(String, String)>,
}

impl Context {
    /// The context of a period and dimensions.
    pub fn new(period: Period, dims: Vec<(String, String)>) -> Context {
        let mut id = String::with_capacity(40);
        match period {
            Period::Instant(d) => {
                id.push('I');
                push_ymd(&mut id, d);
            }
            Period::Duration { start, end } => {
                id.push('D');
                push_ymd(&mut id, start);
                id.push('-');
                push_ymd(&mut id, end);
            }
        }
        for (axis, member) in &dims {
            let local = |q: &str| q.rsplit(':').next().unwrap_or(q).to_string();
            id.push('-');
            id.push_str(&local(axis));
            id.push('-');
            id.push_str(&local(member));
        }
        Context { id, period, dims }
    }
}

/// Appends a date as `%Y%m%d` does (`20030930`), without parsing a format string for each.
fn push_ymd(out: &mut String, d: chrono::NaiveDate) {
    use chrono::Datelike;
    use std::fmt::Write;
    if let Ok(year) = u32::try_from(d.year())
        && year <= 9999
    {
        // Digit by digit: formatting machinery costs more than the rest of a context id.
        let digits = [
            year / 1000,
            year / 100 % 10,
            year / 10 % 10,
            year % 10,
            d.month() / 10,
            d.month() % 10,
            d.day() / 10,
            d.day() % 10,
        ];
        out.extend(digits.iter().map(|&n| char::from(b'0' + n as u8)));
    } else {
        let _ = write!(out, "{}", d.format("%Y%m%d"));
    }
}

/// A fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// `prefix:Name`.
    pub concept: String,
    /// Its context.
    pub context: Context,
    /// Its unit (numeric facts only).
    pub unit: Option<Unit>,
    /// `decimals` (numeric facts only).
    pub decimals: Option<i32>,
    /// The value as written in the instance.
    pub value: String,
    /// The numeric value.
    pub number: Option<Decimal>,
    /// The cell it was read from (none for document facts).
    pub cell: Option<Span>,
}

/// What became of a numeric cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// It is the fact at this index of [`Facts::facts`].
    Fact(usize),
    /// It repeats the fact at this index, and agrees with it within its decimals.
    Duplicate(usize),
    /// Not reported, for this reason.
    Skipped(String),
    /// Held back: it reports a fact whose reports disagree, and no evidence decides which
    /// reading is right (or the evidence went against this one).
    Quarantined(String),
}

/// The account of one numeric cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellReport {
    /// The cell.
    pub span: Span,
    /// Section headings and label: "Revenues / Product license".
    pub row: String,
    /// The column's period (none for columns that are not periods).
    pub period: Option<Period>,
    /// Its fate.
    pub fate: Fate,
    /// How the value was derived, when not plainly (sign, instant from a duration column).
    pub note: Option<String>,
    /// No fact is expected of the cell: it is derived from others by construction (a "Change"
    /// column, a percentage), the mapping says its row is not a us-gaap amount (a ratio, a
    /// non-GAAP measure), or it shows no amount at all ("n/a", `--`).
    pub derived: bool,
    /// The table (index into the document's tables) and the column the cell stands in.
    pub column: (usize, usize),
}

/// Facts of one release, and the account of every cell.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Facts, in source order.
    pub facts: Vec<Fact>,
    /// One report per numeric cell, in source order.
    pub cells: Vec<CellReport>,
    /// Facts reported with values that disagree, not yet decided: their cells are
    /// [`Fate::Quarantined`] until evidence admits one reading (see [`Facts::admit`]).
    pub conflicts: Vec<Conflict>,
}

/// One fact (concept, context, unit) reported with values that disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The readings: reports grouped by agreement, most reports first (then in source order).
    pub readings: Vec<Reading>,
}

/// Reports of one fact that agree with each other within their rounding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The fact this reading would write: its most precise report.
    pub fact: Fact,
    /// The cell reports (indices into [`Facts::cells`]): the fact's own first.
    pub reports: Vec<usize>,
    /// Rows in the table of the fact's own report (among equally precise readings, the
    /// fuller statement's is the one an error calls the other's reference).
    pub table_rows: usize,
}

impl Facts {
    /// Writes a reading of a conflict as the fact: its first report becomes the fact, the
    /// others its duplicates. Facts stay in the order of their cells.
    pub fn admit(&mut self, reading: &Reading) {
        let at = self.facts.partition_point(|f| f.cell < reading.fact.cell);
        for c in &mut self.cells {
            if let Fate::Fact(i) | Fate::Duplicate(i) = &mut c.fate
                && *i >= at
            {
                *i += 1;
            }
        }
        self.facts.insert(at, reading.fact.clone());
        for (k, &r) in reading.reports.iter().enumerate() {
            self.cells[r].fate = if k == 0 {
                Fate::Fact(at)
            } else {
                Fate::Duplicate(at)
            };
        }
    }
}

struct Candidate {
    fact: Fact,
    /// Rows in the cell's table: on equal precision the fuller statement's cell is kept.
    table_rows: usize,
    half: Decimal,
    report: usize,
}

/// Half a unit in the last place: the rounding interval's half-width for `decimals`.
pub fn half_unit(decimals: i32) -> Decimal {
    if decimals >= 0 {
        Decimal::new(5, (decimals as u32 + 1).min(28))
    } else {
        let power = (-decimals - 1).min(27) as u32;
        Decimal::from_i128_with_scale(5 * 10i128.pow(power), 0)
    }
}

/// The contexts made so far, by period and dimensions.
type Contexts<'a> = FxHashMap<(Period, &'a [(String, String)]), Context>;

/// What the cells of one row share.
struct RowInfo<'a> {
    rule: &'a RowMapping,
    /// The rule's concept in the concept table (looked up once for the row's cells).
    concept: Option<&'a Concept>,
    /// The row sits in a cash-flow statement, and its label names no balance date.
    flow_only: bool,
    /// The label says "beginning of period": an instant takes the day before the column.
    at_start: bool,
    /// Some cell of the row is shown negative.
    shows_negative: bool,
    /// Decimals for dash cells.
    decimals: i32,
    /// A scale the row's label states, overriding the table's.
    scale: Option<u32>,
    /// The row shows a benefit as the positive amount of an expense-or-benefit concept: its
    /// label says so ("Income tax benefit", "(Provision) benefit for income taxes"), or its
    /// table shows expenses in parentheses.
    benefit_shown_positive: bool,
}

/// Builds the facts of every table, as stage 3 mapped its rows.
pub fn build(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    mapped: &[MappedTable<'_>],
    mapping: &Mapping,
    concepts: &ConceptTable,
) -> Facts {
    build_rows(source, doc, meanings, mapped, mapping, concepts, |_, _| {
        true
    })
}

/// [`build`] for the rows `keep(table, row)` holds only: the others' cells are left out of the
/// account, and their facts with them.
pub(crate) fn build_rows(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    mapped: &[MappedTable<'_>],
    mapping: &Mapping,
    concepts: &ConceptTable,
    keep: impl Fn(usize, usize) -> bool,
) -> Facts {
    let mut out = Facts::default();
    // One report per cell, and at most one candidate: room for all of them at once.
    let cells: usize = doc
        .tables
        .iter()
        .enumerate()
        .flat_map(|(t, table)| {
            table
                .rows
                .iter()
                .enumerate()
                .map(move |(r, row)| (t, r, row))
        })
        .filter(|&(t, r, _)| keep(t, r))
        .map(|(_, _, row)| row.cells.len())
        .sum();
    out.cells.reserve(cells);
    let mut candidates: Vec<Candidate> = Vec::with_capacity(cells);
    // Many cells share a context (a column's period): each is made once, then cloned.
    let mut contexts: Contexts<'_> = FxHashMap::default();
    for (t, ((table, meaning), mapped)) in doc.tables.iter().zip(meanings).zip(mapped).enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            if !keep(t, r) {
                continue;
            }
            let mapped = &mapped.rows[r];
            let outcome = mapped.outcome;
            let part = &mapped.part;
            let row_name = row_name(row);
            // The row's concept, looked up once for its decimals and its cells.
            let concept = match outcome {
                Some(Outcome::Concept(r)) => concepts.get(&r.target.concept),
                _ => None,
            };
            let decimals = row_decimals(row, meaning, concept);
            let mut info: Option<RowInfo<'_>> = None;
            // The length a heading over the row states, looked for once, at its first instant.
            let mut heading_length = None;
            for cell in &row.cells {
                // A heading over the row that states a length ("Fourth Quarter:") makes the
                // column's end date the end of that period.
                let own = &meaning.columns[cell.column];
                let under_heading = own
                    .period()
                    .filter(|p| matches!(p.period, Period::Instant(_)))
                    .and_then(|p| {
                        let length = *heading_length.get_or_insert_with(|| {
                            crate::interpret::heading_length(
                                row.sections.iter().map(|s| s.text.as_str()),
                            )
                        });
                        crate::interpret::period_under_heading(length?, p)
                    })
                    .map(ColumnMeaning::Period);
                let column = under_heading.as_ref().unwrap_or(own);
                let mut report = CellReport {
                    span: cell.span,
                    row: row_name.clone(),
                    period: column.period().map(|p| p.period),
                    fate: Fate::Skipped(String::new()),
                    note: None,
                    derived: cell.number.percent
                        || column.period().is_none()
                        || meaning.skip.is_some(),
                    column: (t, cell.column),
                };
                let skip = |why: &str| Fate::Skipped(why.to_string());
                match (outcome, column) {
                    _ if meaning.skip.is_some() => {
                        report.fate = skip(meaning.skip.as_deref().unwrap_or_default());
                    }
                    (_, ColumnMeaning::Other(why)) => report.fate = skip(why),
                    _ if cell.number.not_available => {
                        report.fate = skip("shown as n/a, n/m, -- or \u{2014}: no amount");
                        report.derived = true;
                    }
                    _ if part.is_some() => {
                        report.fate = Fate::Skipped(format!(
                            "reported for \"{}\", a part of the entity: a subsidiary or segment needs a member \
                             that standard taxonomies do not define",
                            part.as_deref().unwrap_or_default()
                        ));
                    }
                    (None, _) if cell.number.percent => {
                        report.fate = skip("a percentage with no mapping: a ratio of other cells");
                    }
                    (None, _) => report.fate = skip("no mapping for this row label"),
                    (Some(Outcome::Skip(reason)), _) => {
                        // The mapping says what the row is not: a ratio, a non-GAAP measure.
                        report.fate = skip(reason);
                        report.derived = true;
                    }
                    (Some(Outcome::Concept(rule)), ColumnMeaning::Period(period)) => {
                        // What the row's cells share, worked out for its first reported cell.
                        let info = info.get_or_insert_with(|| RowInfo {
                            rule,
                            concept,
                            flow_only: mapped.flow_only,
                            at_start: mapped.at_start,
                            shows_negative: row.cells.iter().any(|c| c.number.negative),
                            decimals,
                            scale: mapped.scale,
                            benefit_shown_positive: mapped.benefit_shown_positive,
                        });
                        match candidate(cell, *period, meaning, info, mapping, &mut contexts) {
                            Ok((fact, half, note)) => {
                                report.note = note;
                                candidates.push(Candidate {
                                    fact,
                                    table_rows: table.rows.len(),
                                    half,
                                    report: out.cells.len(),
                                });
                            }
                            Err(reason) => report.fate = Fate::Skipped(reason),
                        }
                    }
                }
                out.cells.push(report);
            }
        }
    }
    merge(source, candidates, &mut out);
    out
}

fn row_name(row: &Row) -> String {
    let mut parts: Vec<&str> = row.sections.iter().map(|s| s.text.as_str()).collect();
    parts.push(&row.label.text);
    parts.join(" / ")
}

fn exponent(kind: ValueKind, meaning: &TableMeaning, row_scale: Option<u32>) -> u32 {
    match kind {
        ValueKind::Monetary => row_scale.unwrap_or(meaning.scale.amounts),
        ValueKind::Shares => row_scale.unwrap_or(meaning.scale.shares),
        _ => 0,
    }
}

/// The decimals a dash cell gets: those of the row's other numbers, else the scale's.
fn row_decimals(row: &Row, meaning: &TableMeaning, concept: Option<&Concept>) -> i32 {
    let kind = concept.map_or(ValueKind::Monetary, |c| c.kind);
    let exp = exponent(kind, meaning, crate::interpret::row_scale(&row.label.text)) as i32;
    row.cells
        .iter()
        .filter(|c| !c.number.dash && !c.number.not_available)
        .map(|c| c.number.fraction_digits as i32 - exp)
        .max()
        .unwrap_or(-exp)
}

fn candidate<'a>(
    cell: &Cell,
    column: ColumnPeriod,
    meaning: &TableMeaning,
    info: &RowInfo<'a>,
    mapping: &Mapping,
    contexts: &mut Contexts<'a>,
) -> Result<(Fact, Decimal, Option<String>), String> {
    let rule = info.rule;
    let row_shows_negative = info.shows_negative;
    let row_decimals = info.decimals;
    let target = &rule.target;
    let Some(concept) = info.concept else {
        return Err(format!("{} is not in the concept table", target.concept));
    };
    let mut notes = Vec::new();
    if info.flow_only && concept.period_type == PeriodType::Instant {
        return Err(format!(
            "{} is a balance, but this row of a cash-flow statement reports a change",
            target.concept
        ));
    }
    let at = if info.at_start { At::Start } else { rule.at };
    let period = match (concept.period_type, column.period) {
        (PeriodType::Instant, Period::Duration { start, end }) => match at {
            At::End => {
                notes.push(format!("instant {end}, the end of its duration column"));
                Period::Instant(end)
            }
            At::Start => {
                let before = start
                    .pred_opt()
                    .ok_or_else(|| "date out of range".to_string())?;
                notes.push(format!(
                    "instant {before}, the day before its duration column starts"
                ));
                Period::Instant(before)
            }
        },
        (PeriodType::Duration, Period::Instant(d)) => {
            return Err(format!(
                "{} is a duration concept but this column is the instant {d}",
                target.concept
            ));
        }
        (_, p) => p,
    };
    let shown = cell.number;
    if shown.percent && concept.kind != ValueKind::Pure {
        return Err(format!(
            "a percentage cannot be a value of {}",
            target.concept
        ));
    }
    let (unit, exp): (Unit, i32) = match concept.kind {
        ValueKind::Monetary => (
            Unit::Usd,
            exponent(concept.kind, meaning, info.scale) as i32,
        ),
        ValueKind::Shares => (
            Unit::Shares,
            exponent(concept.kind, meaning, info.scale) as i32,
        ),
        ValueKind::PerShare => (Unit::UsdPerShare, 0),
        ValueKind::Pure => (Unit::Pure, if shown.percent { -2 } else { 0 }),
        ValueKind::Decimal => (Unit::Pure, 0),
        _ => return Err(format!("{} is not a numeric concept", target.concept)),
    };
    let decimals = if shown.dash {
        row_decimals
    } else {
        shown.fraction_digits as i32 - exp
    };
    let power = Decimal::from(10u64.pow(exp.unsigned_abs()));
    let magnitude = if exp >= 0 {
        shown.magnitude.checked_mul(power)
    } else {
        shown.magnitude.checked_div(power)
    }
    .ok_or_else(|| "the scaled amount is too large to represent".to_string())?;
    let value = match rule.sign {
        _ if shown.negative && mapping.is_non_negative(&target.concept) => {
            notes.push(format!(
                "shown in parentheses; {} is never negative, stored positive",
                target.concept
            ));
            magnitude
        }
        Sign::Loss if !row_shows_negative => {
            if !magnitude.is_zero() {
                notes.push(
                    "the label names a loss shown as a positive amount: stored negative".into(),
                );
            }
            -magnitude
        }
        _ if info.benefit_shown_positive => {
            if !magnitude.is_zero() {
                notes.push(
                    "a benefit is shown positive here (by the label, or expenses shown in \
                     parentheses); the concept counts an expense as positive: stored with the \
                     opposite sign"
                        .into(),
                );
            }
            if shown.negative {
                magnitude
            } else {
                -magnitude
            }
        }
        Sign::Negate => {
            if !magnitude.is_zero() {
                notes.push("sign rule `negate`: stored with the opposite sign".into());
            }
            if shown.negative {
                magnitude
            } else {
                -magnitude
            }
        }
        _ if shown.negative => -magnitude,
        _ => magnitude,
    };
    let value = value.normalize();
    let lexical = lexical(value, decimals);
    let fact = Fact {
        concept: target.concept.clone(),
        context: contexts
            .entry((period, target.dims.as_slice()))
            .or_insert_with(|| Context::new(period, target.dims.clone()))
            .clone(),
        unit: Some(unit),
        decimals: Some(decimals),
        value: lexical,
        number: Some(value),
        cell: Some(cell.span),
    };
    let note = (!notes.is_empty()).then(|| notes.join("; "));
    Ok((fact, half_unit(decimals), note))
}

/// The canonical lexical form: as many fraction digits as `decimals` says, none below units.
pub fn lexical(value: Decimal, decimals: i32) -> String {
    let mut v = value.normalize();
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    if decimals > 0 {
        v.rescale(decimals as u32);
    }
    if v.is_zero() && decimals <= 0 {
        return "0".into();
    }
    decimal_text(v)
}

/// `value.to_string()` without the formatting machinery: the mantissa's digits (at least
/// `scale` of them, zeros in front), the point before the last `scale`, a `-` for a negative
/// sign, and `0` for no digits at all.
fn decimal_text(value: Decimal) -> String {
    let scale = value.scale() as usize;
    // A mantissa has at most 29 digits (96 bits), a scale at most 28.
    let mut digits = [b'0'; 40];
    let mut n = 0;
    let mantissa = value.mantissa().unsigned_abs();
    // Most mantissas fit 64 bits, whose division is a single instruction.
    match u64::try_from(mantissa) {
        Ok(mut m) => {
            while m > 0 {
                digits[n] = b'0' + (m % 10) as u8;
                m /= 10;
                n += 1;
            }
        }
        Err(_) => {
            let mut m = mantissa;
            while m > 0 {
                digits[n] = b'0' + (m % 10) as u8;
                m /= 10;
                n += 1;
            }
        }
    }
    n = n.max(scale);
    let whole = n - scale;
    let mut text = String::with_capacity(n + 3);
    if value.is_sign_negative() {
        text.push('-');
    }
    for i in 0..n {
        if scale > 0 && i == whole {
            if i == 0 {
                text.push('0');
            }
            text.push('.');
        }
        text.push(char::from(digits[n - 1 - i]));
    }
    if n == 0 {
        text.push('0');
    }
    text
}

fn merge(source: &Source, candidates: Vec<Candidate>, out: &mut Facts) {
    // Group by (concept, context, unit), numbered in order of first appearance. The index
    // borrows its keys from the candidates and is only looked up, never iterated.
    let mut group_of = Vec::with_capacity(candidates.len());
    let mut count = 0;
    {
        let mut index: FxHashMap<(&str, &Context, Option<Unit>), usize> = FxHashMap::default();
        index.reserve(candidates.len());
        for c in &candidates {
            let key = (c.fact.concept.as_str(), &c.fact.context, c.fact.unit);
            let g = *index.entry(key).or_insert_with(|| {
                count += 1;
                count - 1
            });
            group_of.push(g);
        }
    }
    // The candidates' indices, group by group in order of first appearance, each group in
    // source order (the sort is stable): the candidates stay where they are.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| group_of[i]);
    // Keep the most precise of each group (among equals, the one from the fuller table, then
    // the first), when every member's rounding interval overlaps the kept one's: the XBRL
    // duplicate rule. A group whose members disagree is split into readings that agree.
    let mut kept: Vec<(usize, &[usize])> = Vec::with_capacity(count);
    let mut conflicts = Vec::new();
    for group in order.chunk_by(|&a, &b| group_of[a] == group_of[b]) {
        let best = most_precise(&candidates, group);
        let keep = &candidates[best];
        let agrees = |a: &Candidate, b: &Candidate| {
            let (x, y) = (
                a.fact.number.unwrap_or_default(),
                b.fact.number.unwrap_or_default(),
            );
            (x - y).abs() <= a.half + b.half
        };
        if group.iter().all(|&c| agrees(keep, &candidates[c])) {
            kept.push((best, group));
            continue;
        }
        conflicts.push(readings(&candidates, group, agrees));
    }
    kept.sort_by_key(|&(k, _)| candidates[k].fact.cell);
    for (i, &(keep, group)) in kept.iter().enumerate() {
        for &c in group {
            out.cells[candidates[c].report].fate = if c == keep {
                Fate::Fact(i)
            } else {
                Fate::Duplicate(i)
            };
        }
    }
    // The cells of a conflict are held back until evidence decides (`Facts::admit`).
    for conflict in &conflicts {
        let why = disagreement(source, conflict);
        for reading in &conflict.readings {
            for &r in &reading.reports {
                out.cells[r].fate = Fate::Quarantined(why.clone());
            }
        }
    }
    // The kept facts move out of the candidates, in the order of their cells.
    let mut slots: Vec<Option<Fact>> = candidates.into_iter().map(|c| Some(c.fact)).collect();
    out.facts.reserve(kept.len());
    out.facts
        .extend(kept.iter().filter_map(|&(keep, _)| slots[keep].take()));
    out.conflicts = conflicts;
}

/// The member of a group to keep: the most precise, then the one from the fuller table, then
/// the first.
fn most_precise(candidates: &[Candidate], group: &[usize]) -> usize {
    group
        .iter()
        .enumerate()
        .max_by_key(|&(i, &c)| {
            let c = &candidates[c];
            (c.fact.decimals, c.table_rows, std::cmp::Reverse(i))
        })
        .map_or(group[0], |(_, &c)| c)
}

/// Splits a group whose members disagree into readings: each member joins the first reading
/// whose fact (its most precise member) it agrees with, taking members from the most precise
/// down. Readings with more reports come first; among equals, the one met first in the source.
fn readings(
    candidates: &[Candidate],
    group: &[usize],
    agrees: impl Fn(&Candidate, &Candidate) -> bool,
) -> Conflict {
    let mut by_precision: Vec<usize> = group.to_vec();
    by_precision.sort_by_key(|&c| {
        let c = &candidates[c];
        (
            std::cmp::Reverse(c.fact.decimals),
            std::cmp::Reverse(c.table_rows),
            c.fact.cell,
        )
    });
    let mut members: Vec<Vec<usize>> = Vec::new();
    for c in by_precision {
        match members
            .iter_mut()
            .find(|m| agrees(&candidates[m[0]], &candidates[c]))
        {
            Some(m) => m.push(c),
            None => members.push(vec![c]),
        }
    }
    let mut readings: Vec<Reading> = members
        .into_iter()
        .map(|m| {
            let mut reports: Vec<usize> = m.iter().map(|&c| candidates[c].report).collect();
            // The fact's own report first, the others in source order.
            reports[1..].sort_unstable();
            Reading {
                fact: candidates[m[0]].fact.clone(),
                reports,
                table_rows: candidates[m[0]].table_rows,
            }
        })
        .collect();
    readings.sort_by_key(|r| (std::cmp::Reverse(r.reports.len()), r.fact.cell));
    Conflict { readings }
}

/// Why the cells of a conflict are held back: the values reported, and where.
fn disagreement(source: &Source, conflict: &Conflict) -> String {
    let first = &conflict.readings[0].fact;
    let values: Vec<String> = conflict
        .readings
        .iter()
        .map(|r| {
            let at = r
                .fact
                .cell
                .map(|c| source.line_col(c.start).to_string())
                .unwrap_or_default();
            format!(
                "{} (decimals {}, at {at})",
                r.fact.value,
                r.fact.decimals.unwrap_or_default()
            )
        })
        .collect();
    format!(
        "{} for {} is reported with values that disagree: {}",
        first.concept,
        first.context.period,
        values.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_displays() {
        let mut values = vec![Decimal::ZERO, Decimal::MAX, Decimal::MIN, -Decimal::ZERO];
        for mantissa in [
            0i128,
            1,
            4,
            9,
            10,
            16,
            3195,
            5_001_000,
            123_456_789_012_345_678_901_234_567,
        ] {
            for scale in [0, 1, 2, 3, 5, 10, 28] {
                for sign in [1, -1] {
                    values.push(Decimal::from_i128_with_scale(sign * mantissa, scale));
                }
            }
        }
        let mut zero = Decimal::new(0, 2);
        zero.set_sign_negative(true);
        values.push(zero);
        for v in values {
            assert_eq!(decimal_text(v), v.to_string(), "{v:?}");
        }
    }

    #[test]
    fn context_dates() {
        let ymd = |y, m, d| {
            let mut s = String::new();
            push_ymd(&mut s, chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
            s
        };
        assert_eq!(ymd(2003, 9, 30), "20030930");
        assert_eq!(ymd(1998, 12, 1), "19981201");
        assert_eq!(ymd(5, 1, 9), "00050109");
        assert_eq!(ymd(9999, 12, 31), "99991231");
        assert_eq!(ymd(10000, 1, 1), "+100000101");
        assert_eq!(ymd(-1, 1, 1), "-00010101");
    }
}
