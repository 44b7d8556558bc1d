//! The cell account: one line per numeric cell saying what became of it.
//!
//! ```text
//! 217:31  Revenues / Total Revenues  2003-07-01..2003-09-30  16,009  fact us-gaap:Revenues ...
//! ```
//!
//! Fields are tab-separated: position, section / label, period, the cell as shown, fate.
//! Lines starting with `#` describe tables and the totals.

use std::fmt::Write;

use crate::check::Verdict;
use crate::conversion::Conversion;
use crate::error::DiagnosticCode;
use crate::facts::Fate;
use crate::source::Source;

/// Lists the extension concepts a report package declares, one a line, tab-separated:
/// `prefix:Name`, type, period type, balance (`-` when none), the standard label, and the
/// positions of the rows it reports; then a line counting them.
///
/// For instance `hrzb:ServiceFees`, `xbrli:monetaryItemType`, `duration`, `credit`,
/// `Service fees`, `450:4 535:4`.
pub fn extensions(source: &Source, conv: &Conversion) -> String {
    let ext = &conv.extensions;
    let mut out = String::new();
    for c in &ext.concepts {
        let rows: Vec<String> = c
            .rows
            .iter()
            .map(|s| source.line_col(s.start).to_string())
            .collect();
        let _ = writeln!(
            out,
            "{}:{}\t{}\t{}\t{}\t{}\t{}",
            ext.filer.prefix,
            c.name,
            c.type_name(),
            match c.period_type {
                crate::taxonomy::PeriodType::Instant => "instant",
                crate::taxonomy::PeriodType::Duration => "duration",
            },
            match c.balance {
                Some(crate::taxonomy::Balance::Debit) => "debit",
                Some(crate::taxonomy::Balance::Credit) => "credit",
                None => "-",
            },
            c.label,
            rows.join(" ")
        );
    }
    let _ = writeln!(
        out,
        "# {} extension concepts, {} facts, namespace {}",
        ext.concepts.len(),
        ext.facts.facts.len(),
        ext.filer.namespace
    );
    out
}

/// Renders the account of every numeric cell of a conversion.
pub fn render(source: &Source, conv: &Conversion) -> String {
    let mut out = String::new();
    let facts = &conv.facts.facts;
    for (i, (table, meaning)) in conv.document.tables.iter().zip(&conv.meanings).enumerate() {
        let at = table
            .rows
            .first()
            .map(|r| source.line_col(r.label.span.start).line)
            .unwrap_or(0);
        let title: Vec<&str> = table.title.iter().map(|t| t.text.as_str()).collect();
        let _ = writeln!(
            out,
            "# table {}: {} (first row at line {at})",
            i + 1,
            if title.is_empty() {
                "(untitled)".to_string()
            } else {
                title.join(" / ")
            },
        );
        if let Some(why) = &meaning.skip {
            let _ = writeln!(out, "#   not reported: {why}");
        }
        let _ = writeln!(
            out,
            "#   scale: {} (amounts x10^{}, shares x10^{}, per-share x1)",
            table.scale.as_ref().map_or("(none)", |s| s.text.as_str()),
            meaning.scale.amounts,
            meaning.scale.shares
        );
        for (c, (col, p)) in table.columns.iter().zip(&meaning.columns).enumerate() {
            let meaning = match p {
                crate::interpret::ColumnMeaning::Period(p) => p.period.to_string(),
                crate::interpret::ColumnMeaning::Other(why) => format!("not reported: {why}"),
            };
            let _ = writeln!(
                out,
                "#   column {}: \"{}\" = {meaning}",
                c + 1,
                col.heading_text()
            );
        }
    }
    // The parts left out for a fault of their own: rows and columns have no cell report.
    for q in &conv.quarantines {
        let at = q
            .error
            .location()
            .map(|l| l.at.to_string())
            .unwrap_or_default();
        let _ = writeln!(out, "# {} {at}: {}", q.unit.code(), q.error.message());
    }
    let evidence = &conv.evidence;
    let (mut n_fact, mut n_dup, mut n_skip, mut n_held) = (0, 0, 0, 0);
    for cell in &conv.facts.cells {
        let at = source.line_col(cell.span.start);
        let fate = match &cell.fate {
            Fate::Fact(i) => {
                n_fact += 1;
                let f = &facts[*i];
                format!(
                    "fact {} context={} unit={} decimals={} value={} evidence={}",
                    f.concept,
                    f.context.id,
                    f.unit.map_or("-", |u| u.id()),
                    f.decimals.map_or("-".to_string(), |d| d.to_string()),
                    f.value,
                    evidence[*i].describe()
                )
            }
            Fate::Duplicate(i) => {
                n_dup += 1;
                let f = &facts[*i];
                let kept = f
                    .cell
                    .map(|c| source.line_col(c.start).to_string())
                    .unwrap_or_default();
                format!(
                    "duplicate of {} context={} value={} (decimals {}, at {kept}), agrees",
                    f.concept,
                    f.context.id,
                    f.value,
                    f.decimals.unwrap_or_default()
                )
            }
            Fate::Skipped(reason) => {
                n_skip += 1;
                format!("skipped: {reason}")
            }
            Fate::Quarantined(reason) => {
                n_held += 1;
                format!("quarantined: {reason}")
            }
        };
        let note = cell
            .note
            .as_ref()
            .map(|n| format!(" [{n}]"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{at}\t{}\t{}\t{}\t{fate}{note}",
            cell.row,
            cell.period.map_or("-".to_string(), |p| p.to_string()),
            source.slice(cell.span)
        );
    }
    for check in &conv.footing {
        let total = &facts[check.total];
        let at = source.line_col(check.cell.start);
        let verdict = match &check.verdict {
            Verdict::Foots => "foots".to_string(),
            Verdict::DoesNotFoot => "does not foot".to_string(),
            Verdict::Incomplete { reason, span } => {
                format!("not checked: {reason} (at {})", source.line_col(span.start))
            }
        };
        let _ = writeln!(
            out,
            "footing {}\t{at}\t{} context={}\t{verdict}",
            check.rule + 1,
            total.concept,
            total.context.id
        );
    }
    let held = if n_held > 0 {
        format!(", {n_held} quarantined")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "# {} cells: {n_fact} facts, {n_dup} duplicates, {n_skip} skipped{held}; {} document facts; {} diagnostics",
        conv.facts.cells.len(),
        conv.document_facts.len(),
        conv.diagnostics.len()
    );
    out
}

/// Cell counts by fate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Numeric cells.
    pub cells: usize,
    /// Cells that became facts.
    pub facts: usize,
    /// Cells that repeat a fact and agree with it.
    pub duplicates: usize,
    /// Cells skipped with a reason.
    pub skipped: usize,
    /// Cells held back: their fact is reported with values that disagree.
    pub quarantined: usize,
    /// Of the skipped, cells that report no amount of their own: derived from others by
    /// construction (change columns, percentages), not us-gaap amounts, or shown as "n/a", `--`.
    pub derived: usize,
}

impl Counts {
    fn add(&mut self, cell: &crate::facts::CellReport) {
        let fate = &cell.fate;
        self.cells += 1;
        if cell.derived && matches!(fate, Fate::Skipped(_)) {
            self.derived += 1;
        }
        match fate {
            Fate::Fact(_) => self.facts += 1,
            Fate::Duplicate(_) => self.duplicates += 1,
            Fate::Skipped(_) => self.skipped += 1,
            Fate::Quarantined(_) => self.quarantined += 1,
        }
    }

    /// Adds another count.
    pub fn merge(&mut self, other: Counts) {
        self.cells += other.cells;
        self.facts += other.facts;
        self.duplicates += other.duplicates;
        self.skipped += other.skipped;
        self.quarantined += other.quarantined;
        self.derived += other.derived;
    }

    /// Facts and duplicates as a share of all cells, in percent.
    pub fn reported_percent(&self) -> f64 {
        percent(self.facts + self.duplicates, self.cells)
    }

    /// Facts and duplicates as a share of the cells that report an amount of their own (all
    /// but the derived ones), in percent.
    pub fn reportable_percent(&self) -> f64 {
        percent(self.facts + self.duplicates, self.cells - self.derived)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Coverage of a conversion: all cells, and the cells of the primary statements.
pub fn coverage(conv: &Conversion) -> (Counts, Counts) {
    let mut all = Counts::default();
    let mut primary = Counts::default();
    let mut cells = conv.facts.cells.iter();
    for (table, meaning) in conv.document.tables.iter().zip(&conv.meanings) {
        let n: usize = table.rows.iter().map(|r| r.cells.len()).sum();
        for cell in cells.by_ref().take(n) {
            all.add(cell);
            if meaning.statement.is_primary() && meaning.skip.is_none() {
                primary.add(cell);
            }
        }
    }
    (all, primary)
}

/// The coverage report of one release: cells by fate, the primary statements' share, and
/// every row no mapping entry matched.
pub fn summary(source: &Source, conv: &Conversion) -> String {
    let mut out = String::new();
    let (all, primary) = coverage(conv);
    let _ = writeln!(out, "{}", source.name());
    let _ = writeln!(
        out,
        "  cells: {} ({} facts, {} duplicates, {} skipped, of which {} derived)",
        all.cells, all.facts, all.duplicates, all.skipped, all.derived
    );
    let _ = writeln!(
        out,
        "  primary statements: {} cells ({} derived); {} facts + {} duplicates = {:.1}% of all, {:.1}% of non-derived",
        primary.cells,
        primary.derived,
        primary.facts,
        primary.duplicates,
        primary.reported_percent(),
        primary.reportable_percent()
    );
    for (i, (table, meaning)) in conv.document.tables.iter().zip(&conv.meanings).enumerate() {
        let title = table.title.last().map_or("(untitled)", |t| t.text.as_str());
        let _ = writeln!(out, "  table {}: {:?}: {title}", i + 1, meaning.statement);
    }
    for d in conv
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::UnmappedRow)
    {
        if let Some(loc) = &d.location {
            let _ = writeln!(out, "  unmapped {}: {}", loc.at, d.message);
        }
    }
    out
}
