//! Readings chosen by evidence: a fact reported with values that disagree is decided by what
//! else the release says, or written not at all.
//!
//! A release says most things twice (the highlights repeat the statements, net income stands
//! in the income statement and atop the cash flows) and its totals add up. When the reports of
//! one fact disagree, [`facts::build`](crate::facts::build) holds all of them back as a
//! [`Conflict`]; here each conflict is decided, in this order:
//!
//! 1. **Agreement.** A reading made by more reports than any other (two statements against a
//!    highlight) is the fact; the reports that disagree with it are quarantined.
//! 2. **Footing.** Each reading is tried as the fact and the release's footing is checked: a
//!    reading under which fewer totals fail to foot than under any other, and that makes at
//!    least one total foot, is the fact.
//! 3. Otherwise nothing decides, and no reading is written: the fact is quarantined.
//!
//! Each decision is a [`Quarantine`]: of the cells outvoted or outfooted, or of the whole fact.
//!
//! Every fact written also records its [`Evidence`]: whether a total it takes part in foots and
//! whether another table repeats it, so that a reviewer sees how sure each number is.

use rustc_hash::FxHashMap;

use crate::check::{self, FootingCheck, Verdict};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Location, Quarantine, Unit};
use crate::facts::{Conflict, Facts, Fate, Reading};
use crate::map::Mapping;
use crate::source::Source;

/// Decides every conflict of `facts`: admits the reading the evidence supports, and returns
/// the quarantines (cells outvoted, facts undecided) in the order of the conflicts.
pub fn resolve(
    source: &Source,
    document: &Document,
    mapping: &Mapping,
    facts: &mut Facts,
) -> Vec<Quarantine> {
    let conflicts = std::mem::take(&mut facts.conflicts);
    let mut out = Vec::new();
    let (by_column, mut quarantined) = columns(source, document, facts, &conflicts);
    for (conflict, decided) in conflicts.iter().zip(by_column) {
        let error = disagreement(source, conflict);
        if let Some(decided) = decided {
            // Settled with the columns it sets against each other.
            if let Some(winner) = decided {
                facts.admit(&conflict.readings[winner]);
            }
            continue;
        }
        match decide(source, document, mapping, facts, conflict) {
            Some((winner, why)) => {
                facts.admit(&conflict.readings[winner]);
                out.push(Quarantine {
                    unit: Unit::Cell,
                    error,
                    evidence: Some(why),
                });
            }
            None => out.push(Quarantine {
                unit: Unit::Fact,
                error,
                evidence: Some(
                    "no reading is reported more often, and footing confirms none of them alone"
                        .to_string(),
                ),
            }),
        }
    }
    quarantined.append(&mut out);
    quarantined
}

/// A conflict between two columns of one table read as the same period: the reading each
/// column's report belongs to.
struct Collision {
    table: usize,
    columns: (usize, usize),
    readings: (usize, usize),
}

/// Conflicts that set two columns of one table against each other: both columns were read as
/// the same period, and their amounts differ, so one heading at least was misread. Which
/// column has that period is decided for all their conflicts at once, by the other tables: the
/// column whose amounts other tables repeat, when the other's none repeat, keeps the period;
/// the other's reports are quarantined with one column quarantine. When other tables decide
/// nothing, both columns' reports in conflict are quarantined. Returns, for each conflict, the
/// decision made here (`Some(Some(reading))`, `Some(None)` for none) or `None` when it is left to
/// [`decide`]; and the column quarantines.
fn columns(
    source: &Source,
    document: &Document,
    facts: &Facts,
    conflicts: &[Conflict],
) -> (Vec<Option<Option<usize>>>, Vec<Quarantine>) {
    let column_of = |r: usize| facts.cells[r].column;
    let collision = |c: &Conflict| -> Option<Collision> {
        for (i, a) in c.readings.iter().enumerate() {
            for (j, b) in c.readings.iter().enumerate().skip(i + 1) {
                for &ra in &a.reports {
                    for &rb in &b.reports {
                        let (ta, ca) = column_of(ra);
                        let (tb, cb) = column_of(rb);
                        // Both columns headed by the same period (not two durations whose
                        // end both cells' instant is).
                        if ta == tb && ca != cb && facts.cells[ra].period == facts.cells[rb].period
                        {
                            let (columns, readings) = if ca < cb {
                                ((ca, cb), (i, j))
                            } else {
                                ((cb, ca), (j, i))
                            };
                            return Some(Collision {
                                table: ta,
                                columns,
                                readings,
                            });
                        }
                    }
                }
            }
        }
        None
    };
    let found: Vec<Option<Collision>> = conflicts.iter().map(collision).collect();
    // Per pair of columns: the reports other tables make that agree with each column.
    let mut support: std::collections::BTreeMap<(usize, usize, usize), (usize, usize)> =
        std::collections::BTreeMap::new();
    for (conflict, hit) in conflicts.iter().zip(&found) {
        let Some(hit) = hit else { continue };
        let elsewhere = |reading: usize| {
            conflict.readings[reading]
                .reports
                .iter()
                .filter(|&&r| column_of(r).0 != hit.table)
                .count()
        };
        let entry = support
            .entry((hit.table, hit.columns.0, hit.columns.1))
            .or_default();
        entry.0 += elsewhere(hit.readings.0);
        entry.1 += elsewhere(hit.readings.1);
    }
    let mut decisions = Vec::with_capacity(conflicts.len());
    let mut quarantines = Vec::new();
    let mut noted = std::collections::BTreeSet::new();
    for (conflict, hit) in conflicts.iter().zip(&found) {
        let Some(hit) = hit else {
            decisions.push(None);
            continue;
        };
        let key = (hit.table, hit.columns.0, hit.columns.1);
        let (a, b) = support[&key];
        let winner = match (a, b) {
            (a, 0) if a > 0 => Some(0),
            (0, b) if b > 0 => Some(1),
            _ => None,
        };
        decisions.push(Some(winner.map(|w| {
            if w == 0 {
                hit.readings.0
            } else {
                hit.readings.1
            }
        })));
        if noted.insert(key) {
            quarantines.push(column_quarantine(
                source,
                document,
                facts,
                conflict,
                hit,
                winner,
                (a, b),
            ));
        }
    }
    (decisions, quarantines)
}

/// The quarantine of a column whose period is doubtful (or of both).
fn column_quarantine(
    source: &Source,
    document: &Document,
    facts: &Facts,
    conflict: &Conflict,
    hit: &Collision,
    winner: Option<usize>,
    support: (usize, usize),
) -> Quarantine {
    let heading = |c: usize| {
        document.tables[hit.table]
            .columns
            .get(c)
            .map(|col| col.heading_text())
            .unwrap_or_default()
    };
    let (first, second) = hit.columns;
    let period = conflict.readings[0].fact.context.period;
    // Point at the losing column's cell (the second's when neither wins).
    let losing = match winner {
        Some(0) => hit.readings.1,
        _ => hit.readings.0,
    };
    let cell = conflict.readings[losing]
        .reports
        .iter()
        .copied()
        .find(|&r| facts.cells[r].column.0 == hit.table)
        .map(|r| facts.cells[r].span)
        .unwrap_or_default();
    let message = format!(
        "columns {} (\"{}\") and {} (\"{}\") of this table are both read as {period}, and their \
         amounts differ: a heading was misread",
        first + 1,
        heading(first),
        second + 1,
        heading(second)
    );
    let evidence = match winner {
        Some(w) => format!(
            "other tables repeat {} amounts of column {} and none of column {}: column {}'s \
             amounts in conflict are left out",
            if w == 0 { support.0 } else { support.1 },
            if w == 0 { first + 1 } else { second + 1 },
            if w == 0 { second + 1 } else { first + 1 },
            if w == 0 { second + 1 } else { first + 1 },
        ),
        None => "no other table repeats the amounts of one column and not the other: neither \
                 column's amounts in conflict are written"
            .to_string(),
    };
    Quarantine {
        unit: Unit::Column,
        error: Error::at(ErrorKind::Period, source, cell, message),
        evidence: Some(evidence),
    }
}

/// The reading the evidence supports, and what the evidence is.
fn decide(
    source: &Source,
    document: &Document,
    mapping: &Mapping,
    facts: &Facts,
    conflict: &Conflict,
) -> Option<(usize, String)> {
    let readings = &conflict.readings;
    // Independent reports: one row printing the value twice (in two columns dated alike) is
    // one statement of it, not two.
    let reports = |r: &Reading| {
        let mut rows: Vec<(usize, &str)> = r
            .reports
            .iter()
            .map(|&i| (facts.cells[i].column.0, facts.cells[i].row.as_str()))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    };
    if readings.len() >= 2 && reports(&readings[0]) > reports(&readings[1]) {
        return Some((
            0,
            format!(
                "{} reports agree on {}: the others are left out",
                reports(&readings[0]),
                readings[0].fact.value
            ),
        ));
    }
    // Footing under each reading, counting the totals the fact takes part in (as the total
    // or as one of its items): (totals that do not foot, totals that foot).
    let tallies: Vec<(usize, usize)> = readings
        .iter()
        .map(|reading| {
            let mut trial = facts.clone();
            trial.admit(reading);
            let (checks, _) = check::footing(source, document, mapping, &trial);
            let fact = &reading.fact;
            let at = trial.facts.partition_point(|f| f.cell < fact.cell);
            let involved = |c: &&check::FootingCheck| {
                let rule = &mapping.footings()[c.rule];
                c.total == at
                    || (trial.facts[c.total].context.period == fact.context.period
                        && rule.items.iter().any(|i| {
                            i.target.concept == fact.concept && i.target.dims == fact.context.dims
                        }))
            };
            let mine: Vec<&check::FootingCheck> = checks.iter().filter(involved).collect();
            let fails = mine
                .iter()
                .filter(|c| c.verdict == Verdict::DoesNotFoot)
                .count();
            let foots = mine.iter().filter(|c| c.verdict == Verdict::Foots).count();
            (fails, foots)
        })
        .collect();
    // The reading under which fewer of its totals fail than under every other; or, all
    // failing alike, the only one that some total confirms.
    let best =
        (0..readings.len()).min_by_key(|&i| (tallies[i].0, std::cmp::Reverse(tallies[i].1)))?;
    let (fails, foots) = tallies[best];
    let decides = foots > 0
        && tallies
            .iter()
            .enumerate()
            .all(|(i, t)| i == best || t.0 > fails || (t.0 == fails && t.1 == 0));
    decides.then(|| {
        let against = tallies
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != best)
            .map(|(_, t)| t.0)
            .max()
            .unwrap_or(0);
        (
            best,
            format!(
                "of the totals it takes part in, {foots} foot with {} and {fails} do not; with \
                 the other value {against} do not",
                readings[best].fact.value
            ),
        )
    })
}

/// The error a conflict is under `--strict`: it points at a report that disagrees with the
/// most precise one, which a note points at.
fn disagreement(source: &Source, conflict: &Conflict) -> Error {
    let keep = conflict
        .readings
        .iter()
        .enumerate()
        .max_by_key(|&(i, r)| (r.fact.decimals, r.table_rows, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i);
    let other = conflict
        .readings
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != keep)
        .min_by_key(|(_, r)| r.fact.cell)
        .map_or(0, |(i, _)| i);
    let (keep, other) = (
        &conflict.readings[keep].fact,
        &conflict.readings[other].fact,
    );
    let cell = |f: &crate::facts::Fact| Location::of(source, f.cell.unwrap_or_default());
    Error::new(
        ErrorKind::Duplicate,
        format!(
            "{} for {} is reported twice with values that disagree: {} here (decimals {}) \
             but {} elsewhere (decimals {})",
            other.concept,
            other.context.period,
            other.value,
            other.decimals.unwrap_or_default(),
            keep.value,
            keep.decimals.unwrap_or_default(),
        ),
    )
    .with_location(cell(other))
    .with_note(
        format!("the other report: {}", keep.value),
        Some(cell(keep)),
    )
}

/// How sure a fact is: what else in the release says the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// It takes part in a total that foots (as the total or as one of its items).
    pub footed: bool,
    /// Another table reports it too, and agrees.
    pub confirmed: bool,
}

impl Evidence {
    /// `footed`, `confirmed`, `footed+confirmed` or `alone`.
    pub fn describe(self) -> &'static str {
        match (self.footed, self.confirmed) {
            (true, true) => "footed+confirmed",
            (true, false) => "footed",
            (false, true) => "confirmed",
            (false, false) => "alone",
        }
    }
}

/// A fact's concept, dimensions and period.
type FactKey<'a> = (&'a str, &'a [(String, String)], crate::interpret::Period);

/// The evidence for each fact (by index into `facts.facts`): the tables its duplicates stand
/// in, and the totals that foot.
pub fn of_facts(facts: &Facts, footing: &[FootingCheck], mapping: &Mapping) -> Vec<Evidence> {
    let cells = &facts.cells;
    let facts = &facts.facts;
    let mut out = vec![Evidence::default(); facts.len()];
    // Confirmed: a duplicate cell in another table than the fact's own cell.
    let mut own_table = vec![None; facts.len()];
    for cell in cells {
        if let Fate::Fact(i) = cell.fate {
            own_table[i] = Some(cell.column.0);
        }
    }
    for cell in cells {
        if let Fate::Duplicate(i) = cell.fate
            && own_table[i] != Some(cell.column.0)
        {
            out[i].confirmed = true;
        }
    }
    // Footed: the total of a relationship that foots, or one of its items in that period.
    let mut index: FxHashMap<FactKey<'_>, usize> = FxHashMap::default();
    for (i, f) in facts.iter().enumerate() {
        index.insert(
            (
                f.concept.as_str(),
                f.context.dims.as_slice(),
                f.context.period,
            ),
            i,
        );
    }
    for check in footing.iter().filter(|c| c.verdict == Verdict::Foots) {
        out[check.total].footed = true;
        let period = facts[check.total].context.period;
        let Some(rule) = mapping.footings().get(check.rule) else {
            continue;
        };
        for item in &rule.items {
            let key = (
                item.target.concept.as_str(),
                item.target.dims.as_slice(),
                period,
            );
            if let Some(&j) = index.get(&key) {
                out[j].footed = true;
            }
        }
    }
    out
}
