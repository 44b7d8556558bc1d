//! What a conversion produces ([`Conversion`]) and the entity its contexts name: the data
//! [`crate::convert`] hands to the writer ([`crate::xbrl`]) and to [`crate::inspect`]. Kept
//! apart from the crate root so that those stages depend on this data, not on the pipeline
//! that makes it. The crate root re-exports everything here.

use crate::check;
use crate::document::{self, Document};
use crate::error::{Diagnostic, Error, ErrorKind, Location, Quarantine};
use crate::evidence::Evidence;
use crate::extend::Extensions;
use crate::facts::{self, Fact, Facts};
use crate::interpret::TableMeaning;
use crate::source::{self, Source};

pub use crate::entity::{CIK_SCHEME, Entity, NAME_SCHEME, TICKER_SCHEME};
pub use crate::options::Options;

/// Everything a conversion produced.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// What was read.
    pub document: Document,
    /// What the tables mean.
    pub meanings: Vec<TableMeaning>,
    /// The entity of every context.
    pub entity: Entity,
    /// Document and entity information facts (dei), written first.
    pub document_facts: Vec<Fact>,
    /// The release's facts and the account of its cells.
    pub facts: Facts,
    /// The footing relationships checked, at every total where one applies.
    pub footing: Vec<check::FootingCheck>,
    /// What supports each fact of `facts.facts` (by index).
    pub evidence: Vec<Evidence>,
    /// The parts of the release left out for a fault of their own (each also among the
    /// diagnostics), in the order found.
    pub quarantines: Vec<Quarantine>,
    /// All findings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The filer's extension concepts for the rows no mapping entry matches, and their facts:
    /// written only in the report package ([`crate::xbrl::package`]).
    pub extensions: Extensions,
}

/// How a conversion ended, for reports and exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every table, column, row and fact read converted (diagnostics such as unmapped rows
    /// may remain).
    Converted,
    /// Converted, with some units quarantined: the instance holds what is sure.
    Quarantined,
}

impl Conversion {
    /// The diagnostics of the report package: all but the `unmapped-row` warnings of the rows
    /// an extension concept reports.
    pub fn package_diagnostics(&self, source: &Source) -> Vec<&Diagnostic> {
        let extended: std::collections::BTreeSet<source::LineCol> = self
            .extensions
            .concepts
            .iter()
            .flat_map(|c| &c.rows)
            .map(|span| source.line_col(span.start))
            .collect();
        self.diagnostics
            .iter()
            .filter(|d| {
                d.code != crate::error::DiagnosticCode::UnmappedRow
                    || !d
                        .location
                        .as_ref()
                        .is_some_and(|l| extended.contains(&l.at))
            })
            .collect()
    }

    /// Whether any unit was quarantined.
    pub fn status(&self) -> Status {
        if self.quarantines.is_empty() {
            Status::Converted
        } else {
            Status::Quarantined
        }
    }

    /// The error that makes this conversion a failure: under `strict`, its first quarantine;
    /// else (or with none) its [`emptiness`](Conversion::emptiness). `None` when it converted.
    pub fn failure(&self, source: &Source, strict: bool) -> Option<Error> {
        match self.quarantines.first() {
            Some(q) if strict => Some(q.error.clone()),
            _ => self.emptiness(source),
        }
    }

    /// The error of a conversion that reports no fact: every table found, and why none of
    /// its cells became a fact. `None` when some fact is reported.
    pub fn emptiness(&self, source: &Source) -> Option<Error> {
        if !self.facts.facts.is_empty() {
            return None;
        }
        let tables = match self.document.tables.len() {
            1 => "the table found".to_string(),
            n => format!("the {n} tables found"),
        };
        let mut error = Error::new(
            ErrorKind::Empty,
            format!("no fact: none of the cells of {tables} became a fact"),
        )
        .with_location(Location::of(source, source::Span::new(0, 0)));
        for (k, (table, meaning)) in self.document.tables.iter().zip(&self.meanings).enumerate() {
            let title = table
                .title
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" / ");
            let title = if title.is_empty() {
                "(untitled)".to_string()
            } else {
                title
            };
            let why = self.why_no_fact(k, table, meaning);
            let at = table
                .rows
                .first()
                .map(|r| Location::of(source, r.label.span));
            error = error.with_note(format!("table {}: {title}: {why}", k + 1), at);
        }
        Some(error)
    }

    /// Why no cell of a table became a fact, in a phrase: the table's reason, or its cells'
    /// most common one.
    fn why_no_fact(&self, k: usize, table: &document::Table, meaning: &TableMeaning) -> String {
        if let Some(why) = &meaning.skip {
            return format!("not reported ({why})");
        }
        if meaning.columns.iter().all(|c| c.period().is_none()) {
            return "no column is dated".to_string();
        }
        let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
        let mut reasons: Vec<&str> = self
            .facts
            .cells
            .iter()
            .filter(|c| c.column.0 == k)
            .filter_map(|c| match &c.fate {
                facts::Fate::Skipped(r) | facts::Fate::Quarantined(r) => Some(r.as_str()),
                _ => None,
            })
            .collect();
        reasons.sort_unstable();
        let most = reasons
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .map(|run| (run[0], run.len()));
        match most {
            Some((reason, n)) => format!("{n} of its {cells} cells: {reason}"),
            None => format!("none of its {cells} cells maps to a fact"),
        }
    }
}
