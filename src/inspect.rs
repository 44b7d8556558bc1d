//! The cell account: one line per numeric cell saying what became of it.
//!
//! ```text
//! 217:31  Revenues / Total Revenues  2003-07-01..2003-09-30  16,009  fact us-gaap:Revenues ...
//! ```
//!
//! Fields are tab-separated: position, section / label, period, the cell as shown, fate.
//! Lines starting with `#` describe tables and the totals.

use std::fmt::Write;

use crate::Conversion;
use crate::facts::Fate;
use crate::source::Source;

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
    let (mut n_fact, mut n_dup, mut n_skip) = (0, 0, 0);
    for cell in &conv.facts.cells {
        let at = source.line_col(cell.span.start);
        let fate = match &cell.fate {
            Fate::Fact(i) => {
                n_fact += 1;
                let f = &facts[*i];
                format!(
                    "fact {} context={} unit={} decimals={} value={}",
                    f.concept,
                    f.context.id,
                    f.unit.map_or("-", |u| u.id()),
                    f.decimals.map_or("-".to_string(), |d| d.to_string()),
                    f.value
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
    let _ = writeln!(
        out,
        "# {} cells: {n_fact} facts, {n_dup} duplicates, {n_skip} skipped; {} document facts; {} diagnostics",
        conv.facts.cells.len(),
        conv.document_facts.len(),
        conv.diagnostics.len()
    );
    out
}
