//! Assembly: a [`RawTable`] a layout found → the document's [`Table`].
//!
//! Format-neutral: headings placed over the columns their header cells span, section headings
//! (label-only rows, colon headings, indentation) over the rows under them, wrapped headings
//! and labels joined, unlabelled ruled rows named as the total of their section or, in a
//! balance sheet, as its two totals, and rows that continue a previous table appended to it.
//! Where the readers' rules differ, the raw table's [`Style`] decides.

use crate::document::{Column, Defect, Row, Table, Text};
use crate::read::raw::{Label, RawRow, RawTable, RowKind, Style};
use crate::source::Span;

/// The table a raw table makes: its columns headed, its rows under their sections, its
/// unlabelled balance totals named.
pub(crate) fn table(raw: RawTable) -> Table {
    let body = rows(&raw.rows, raw.style);
    let mut table = head(raw);
    table.rows = body.rows;
    table.defects = body.defects;
    name_balance_totals(&mut table);
    table
}

/// A raw table's title, scale and columns, each column headed by the lines of the header
/// cells over it, top to bottom; no rows (its rows are not looked at).
pub(crate) fn head(raw: RawTable) -> Table {
    let mut columns: Vec<Column> = raw
        .columns
        .iter()
        .map(|c| Column {
            heading: Vec::new(),
            span: c.span,
            extent: c.extent,
        })
        .collect();
    for cell in raw.header.iter().flat_map(|r| &r.cells) {
        for line in &cell.lines {
            for c in &mut columns[cell.columns.clone()] {
                c.heading.push(line.clone());
            }
        }
    }
    Table {
        title: raw.title,
        scale: raw.scale,
        columns,
        rows: Vec::new(),
        defects: Vec::new(),
        gap: raw.gap,
    }
}

/// Appends raw rows to `table`: those of a table that continues it (see
/// [`RawTable::continues`]), or the rows of a table [`head`] made.
pub(crate) fn append(table: &mut Table, raw: &[RawRow], style: Style) {
    let mut body = rows(raw, style);
    table.rows.append(&mut body.rows);
    table.defects.append(&mut body.defects);
}

/// A table's rows and the rows left out.
struct Body {
    rows: Vec<Row>,
    /// The rows that could not be read (quarantined if the table is reported).
    defects: Vec<Defect>,
}

/// The rows of a table: label-only rows are headings, rows of numbers its rows.
fn rows(raw: &[RawRow], style: Style) -> Body {
    // A label's indent as a section depth.
    let width = |indent: f32| {
        if style.points {
            (indent.max(0.0) * 4.0) as usize
        } else {
            indent as usize
        }
    };
    let mut out = Body {
        rows: Vec::new(),
        defects: Vec::new(),
    };
    let mut sections = Sections::default();
    let mut ruled = false;
    // The first row of a heading wrapped over two rows, waiting for the second.
    let mut carried: Option<(Text, f32)> = None;
    for (n, row) in raw.iter().enumerate() {
        if row.rule_above && !out.rows.is_empty() {
            ruled = true;
        }
        match &row.kind {
            RowKind::Heading { .. } => {
                let Some(Label { text, indent, .. }) = row.label.clone() else {
                    continue;
                };
                // A heading wrapped over two rows ("Adjustments to reconcile net income to net
                // cash" / "provided by operating activities:"), the second going on in lower
                // case, is one heading.
                let (text, indent) = match carried.take() {
                    Some((first, first_indent)) => (join_heading(first, text), first_indent),
                    None => (text, indent),
                };
                let goes_on = style.heading_rows
                    && raw.get(n + 1).is_some_and(|next| {
                        matches!(next.kind, RowKind::Heading { dated: false })
                            && next.label.as_ref().is_some_and(|l| {
                                l.text.text.chars().next().is_some_and(|c| c.is_lowercase())
                            })
                    });
                if goes_on && !text.text.trim_end().ends_with(':') {
                    carried = Some((text, indent));
                    continue;
                }
                // A heading not ending in ':' over rows indented deeper opens a section too.
                let next = raw[n + 1..]
                    .iter()
                    .find(|r| matches!(r.kind, RowKind::Data { .. }))
                    .and_then(|r| r.label.as_ref());
                let deeper = style.heading_rows && next.is_some_and(|l| l.indent > indent);
                let text = if deeper && !text.text.trim_end().ends_with(':') {
                    Text {
                        text: format!("{}:", text.text),
                        span: text.span,
                    }
                } else {
                    text
                };
                sections.heading(width(indent), text);
            }
            RowKind::Rest => {
                if let (Some(rest), Some(prev)) = (&row.label, out.rows.last_mut()) {
                    prev.label = join(prev.label.clone(), rest.text.clone());
                }
            }
            RowKind::Data { cells, first } => {
                let Label {
                    text: label,
                    indent,
                    bold,
                } = row.label.clone().unwrap_or_else(|| Label {
                    text: Text {
                        text: String::new(),
                        span: Span::new(first.start, first.start),
                    },
                    indent: 0.0,
                    bold: false,
                });
                if label.text.is_empty() && bold && !out.rows.is_empty() {
                    ruled = true;
                }
                let label = if style.dashed {
                    continue_dashed(label, out.rows.last().map(|r| r.label.text.as_str()))
                } else {
                    label
                };
                let label = total_of_section(&sections, label, ruled);
                let cells = match cells {
                    Ok(cells) => cells,
                    Err(d) => {
                        out.defects.push(d.clone());
                        continue;
                    }
                };
                if cells.is_empty() && style.drop_empty {
                    continue;
                }
                push_row(
                    &mut out.rows,
                    &mut sections,
                    width(indent),
                    label,
                    cells.clone(),
                    std::mem::take(&mut ruled),
                );
            }
        }
    }
    out
}

/// A ruled row with no label under an open section is its total ("Costs and expenses:" ...
/// "-------" / "87,823").
pub(in crate::read) fn total_of_section(sections: &Sections, label: Text, ruled: bool) -> Text {
    match sections.stack.last() {
        Some(open) if label.text.is_empty() && ruled => Text {
            text: format!("Total {}", open.text.text),
            span: label.span,
        },
        _ => label,
    }
}

/// Adds a row whose label starts at `indent` under the sections open, then closes the
/// sections it ends: a "Total ..." row the section it names, a cash-flow statement's "Net
/// cash ... activities" the heading of those activities.
pub(in crate::read) fn push_row(
    rows: &mut Vec<Row>,
    sections: &mut Sections,
    indent: usize,
    label: Text,
    cells: Vec<crate::document::Cell>,
    ruled: bool,
) {
    let closes = label.text.to_ascii_lowercase().starts_with("total");
    let left = sections.row(indent);
    let name = label.text.clone();
    rows.push(Row {
        label,
        sections: sections.current(),
        cells,
        ruled,
    });
    if closes && !left {
        sections.close(&name);
    }
    sections.close_activities(&name);
}

/// Two rows of one wrapped heading as one.
fn join_heading(first: Text, second: Text) -> Text {
    Text {
        text: format!("{} {}", first.text.trim_end(), second.text.trim_start()),
        span: first.span.join(second.span),
    }
}

/// A balance sheet's two unlabelled totals: the ruled rows with no label and the same numbers
/// are total assets (the first) and total liabilities and equity (the last).
pub(in crate::read) fn name_balance_totals(table: &mut Table) {
    let balance = table.title.iter().any(|t| {
        let l = t.text.to_ascii_lowercase();
        ["balance sheet", "financial position", "financial condition"]
            .iter()
            .any(|w| crate::text::contains(&l, w))
    });
    if !balance {
        return;
    }
    let unlabelled: Vec<usize> = (0..table.rows.len())
        .filter(|&r| table.rows[r].label.text.is_empty() && table.rows[r].ruled)
        .collect();
    let same = |a: &Row, b: &Row| {
        a.cells.len() == b.cells.len()
            && a.cells
                .iter()
                .zip(&b.cells)
                .all(|(x, y)| x.column == y.column && x.number.signed() == y.number.signed())
    };
    let pair = unlabelled.iter().find_map(|&a| {
        unlabelled
            .iter()
            .rev()
            .find(|&&b| b > a && same(&table.rows[a], &table.rows[b]))
            .map(|&b| (a, b))
    });
    if let Some((a, b)) = pair {
        table.rows[a].label.text = "Total assets".to_string();
        table.rows[b].label.text = "Total liabilities and stockholders' equity".to_string();
    }
}

/// A heading's text with footnote references and the trailing `:` or `-` removed, and
/// whether it ended so (a section heading).
pub(in crate::read) fn heading_name(text: &str) -> (String, bool) {
    let mut t = text.trim().to_string();
    loop {
        let lower = t.to_ascii_lowercase();
        let mut changed = false;
        for suffix in ["(see notes)", "(see note)", "(notes)", "(note)"] {
            if lower.ends_with(suffix) {
                t.truncate(t.len() - suffix.len());
                t = t.trim_end().to_string();
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let trimmed = t.trim_end();
    if let Some(name) = trimmed
        .strip_suffix(':')
        .or_else(|| trimmed.strip_suffix('-'))
    {
        (name.trim_end().to_string(), true)
    } else {
        (trimmed.to_string(), false)
    }
}

/// The section headings open over the rows read so far: a group heading (no colon) and the
/// sections inside it, outermost first.
#[derive(Default)]
pub(in crate::read) struct Sections {
    group: Option<Text>,
    pub(in crate::read) stack: Vec<Open>,
}

/// An open section heading ("Current assets:").
pub(in crate::read) struct Open {
    indent: usize,
    pub(in crate::read) text: Text,
    /// A row indented deeper than the heading has been seen: the section's rows are indented,
    /// so a row back at the heading's indent (or left of it) is outside it.
    deeper: bool,
}

impl Sections {
    pub(in crate::read) fn heading(&mut self, indent: usize, text: Text) {
        let (name, section) = heading_name(&text.text);
        if name.is_empty() {
            return;
        }
        let text = Text {
            text: name,
            span: text.span,
        };
        if section {
            while self.stack.last().is_some_and(|o| o.indent >= indent) {
                self.stack.pop();
            }
            self.stack.push(Open {
                indent,
                text,
                deeper: false,
            });
        } else {
            self.group = Some(text);
            self.stack.clear();
        }
    }

    /// A row whose label starts at `indent`: closes the sections it stands outside of.
    /// Returns whether any was closed.
    pub(in crate::read) fn row(&mut self, indent: usize) -> bool {
        let before = self.stack.len();
        while self
            .stack
            .last()
            .is_some_and(|o| o.deeper && indent <= o.indent)
        {
            self.stack.pop();
        }
        for open in &mut self.stack {
            if indent > open.indent {
                open.deeper = true;
            }
        }
        self.stack.len() != before
    }

    /// A "Total ..." row closes the section it names ("Total stockholders' equity" closes
    /// "Stockholders' equity:" and the sections inside it), else the innermost one.
    pub(in crate::read) fn close(&mut self, label: &str) {
        let named = words(label.get(5..).unwrap_or_default());
        match self
            .stack
            .iter()
            .rposition(|o| words(&o.text.text) == named)
        {
            Some(j) => self.stack.truncate(j),
            None => {
                self.stack.pop();
            }
        }
    }

    /// A cash-flow statement's "Net cash provided by (used in) financing activities" closes the
    /// heading of those activities ("FINANCING ACTIVITIES", "Cash flows from financing
    /// activities:"), whether or not its rows were indented: the rows below it (the change in
    /// cash, the opening and closing balances) are not among them.
    pub(in crate::read) fn close_activities(&mut self, label: &str) {
        // Asked of every row: most are decided by their first bytes.
        if !label
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("net cash"))
        {
            return;
        }
        let label = words(label);
        if label.len() < 4 || label[..2] != ["net", "cash"] {
            return;
        }
        let tail = &label[label.len() - 2..];
        let names = |t: &Text| words(&t.text).ends_with(tail);
        if self.stack.last().is_some_and(|o| names(&o.text)) {
            self.stack.pop();
        } else if self.stack.is_empty() && self.group.as_ref().is_some_and(names) {
            self.group = None;
        }
    }

    pub(in crate::read) fn current(&self) -> Vec<Text> {
        self.group
            .iter()
            .chain(self.stack.iter().map(|o| &o.text))
            .cloned()
            .collect()
    }
}

/// Lower-case words of a heading or label, punctuation dropped: "Stockholders' equity:" and
/// "stockholders equity" compare equal.
pub(in crate::read) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| {
            if w.is_ascii() {
                // One copy, not two: what `replace` and `to_lowercase` give an ASCII word.
                w.bytes()
                    .filter(|&b| b != b'\'')
                    .map(|b| char::from(b.to_ascii_lowercase()))
                    .collect()
            } else {
                w.replace('\'', "").to_lowercase()
            }
        })
        .filter(|w: &String| !w.is_empty())
        .collect()
}

/// Joins wrapped text with a space; a word broken at the line's end ("admin-" / "istrative")
/// is joined whole.
pub(in crate::read) fn join(a: Text, b: Text) -> Text {
    let broken = a
        .text
        .strip_suffix('-')
        .filter(|w| w.ends_with(|c: char| c.is_alphabetic()))
        .filter(|_| b.text.starts_with(|c: char| c.is_lowercase()));
    let text = match broken {
        Some(stem) => format!("{stem}{}", b.text),
        None => format!("{} {}", a.text, b.text),
    };
    Text {
        text,
        span: a.span.join(b.span),
    }
}

/// "Net Income - Excluding One-Time Items" then "  - As Reported": a label that opens with a
/// dash continues the row above it, replacing what follows that row's last " - " ("Net
/// Income - As Reported").
fn continue_dashed(label: Text, above: Option<&str>) -> Text {
    let (Some(rest), Some(above)) = (label.text.strip_prefix("- "), above) else {
        return label;
    };
    match above.rsplit_once(" - ") {
        Some((stem, _)) if !stem.trim().is_empty() && !rest.trim().is_empty() => Text {
            text: format!("{} - {}", stem.trim_end(), rest.trim_start()),
            span: label.span,
        },
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::document::{Cell, Shown};
    use crate::error::ErrorKind;
    use crate::read::raw::{GridColumn, HeaderCell, HeaderRow};

    const HTML: Style = Style {
        points: true,
        heading_rows: true,
        drop_empty: true,
        dashed: false,
    };
    const TEXT: Style = Style {
        points: false,
        heading_rows: false,
        drop_empty: false,
        dashed: true,
    };

    fn text(s: &str, at: usize) -> Text {
        Text {
            text: s.to_string(),
            span: Span::new(at, at + s.len()),
        }
    }

    fn label(s: &str, indent: f32) -> Option<Label> {
        Some(Label {
            text: text(s, 0),
            indent,
            bold: false,
        })
    }

    fn heading(s: &str, indent: f32) -> RawRow {
        RawRow {
            label: label(s, indent),
            kind: RowKind::Heading { dated: false },
            rule_above: false,
        }
    }

    fn cell(column: usize, n: i64) -> Cell {
        Cell {
            span: Span::new(100 + column, 101 + column),
            column,
            number: Shown {
                magnitude: Decimal::from(n),
                negative: false,
                fraction_digits: 0,
                currency: false,
                percent: false,
                dash: false,
                not_available: false,
            },
        }
    }

    fn data(s: Option<&str>, indent: f32, numbers: &[i64], rule_above: bool) -> RawRow {
        RawRow {
            label: s.and_then(|s| label(s, indent)),
            kind: RowKind::Data {
                cells: Ok(numbers
                    .iter()
                    .enumerate()
                    .map(|(c, &n)| cell(c, n))
                    .collect()),
                first: Span::new(100, 101),
            },
            rule_above,
        }
    }

    fn raw(title: &str, rows: Vec<RawRow>, style: Style) -> RawTable {
        RawTable {
            title: vec![text(title, 0)],
            columns: vec![GridColumn::default(); 2],
            rows,
            style,
            ..RawTable::default()
        }
    }

    fn sections(row: &Row) -> Vec<&str> {
        row.sections.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn header_cells_head_the_columns_they_span() {
        let mut t = raw("Income", Vec::new(), HTML);
        t.columns[1].span = Span::new(7, 8);
        t.header = vec![
            HeaderRow {
                cells: vec![HeaderCell {
                    lines: vec![text("Three Months Ended", 10)],
                    columns: 0..2,
                }],
            },
            HeaderRow {
                cells: vec![HeaderCell {
                    lines: vec![text("2024", 40)],
                    columns: 0..1,
                }],
            },
        ];
        let table = head(t);
        assert_eq!(table.columns[0].heading_text(), "Three Months Ended 2024");
        assert_eq!(table.columns[1].heading_text(), "Three Months Ended");
        assert_eq!(table.columns[1].span, Span::new(7, 8));
        assert!(table.rows.is_empty());
    }

    #[test]
    fn sections_and_section_totals() {
        let rows = vec![
            heading("Current assets:", 0.0),
            data(Some("Cash"), 10.0, &[1, 2], false),
            data(Some("Receivables"), 10.0, &[3, 4], false),
            data(None, 0.0, &[4, 6], true),
            data(Some("Goodwill"), 0.0, &[5, 5], false),
        ];
        let table = table(raw("Statement of income", rows, HTML));
        let labels: Vec<&str> = table.rows.iter().map(|r| r.label.text.as_str()).collect();
        assert_eq!(
            labels,
            ["Cash", "Receivables", "Total Current assets", "Goodwill"]
        );
        assert_eq!(sections(&table.rows[0]), ["Current assets"]);
        assert!(table.rows[2].ruled);
        assert!(sections(&table.rows[3]).is_empty());
    }

    #[test]
    fn wrapped_headings_join_only_when_set_one_row_per_line() {
        let rows = || {
            vec![
                heading("Adjustments to reconcile net income to net cash", 0.0),
                heading("provided by operating activities:", 0.0),
                data(Some("Depreciation"), 10.0, &[1, 2], false),
            ]
        };
        let html = table(raw("Cash flows", rows(), HTML));
        assert_eq!(
            sections(&html.rows[0]),
            ["Adjustments to reconcile net income to net cash provided by operating activities"]
        );
        let text = table(raw("Cash flows", rows(), TEXT));
        assert_eq!(
            sections(&text.rows[0]),
            [
                "Adjustments to reconcile net income to net cash",
                "provided by operating activities"
            ]
        );
    }

    #[test]
    fn rest_of_a_label_and_dashed_labels_go_on_from_the_row_above() {
        let rows = vec![
            data(Some("Net Income - Excluding One-Time"), 0.0, &[1, 2], false),
            RawRow {
                label: label("Items", 0.0),
                kind: RowKind::Rest,
                rule_above: false,
            },
            data(Some("- As Reported"), 0.0, &[3, 4], false),
        ];
        let table = table(raw("Income", rows, TEXT));
        assert_eq!(
            table.rows[0].label.text,
            "Net Income - Excluding One-Time Items"
        );
        assert_eq!(table.rows[1].label.text, "Net Income - As Reported");
    }

    #[test]
    fn defects_are_left_out_and_balance_totals_named() {
        let mut bad = data(Some("Bad"), 0.0, &[], false);
        bad.kind = RowKind::Data {
            cells: Err(Defect {
                kind: ErrorKind::Number,
                span: Span::new(5, 6),
                message: "not a number".to_string(),
            }),
            first: Span::new(5, 6),
        };
        let rows = vec![
            data(Some("Cash"), 0.0, &[1, 2], false),
            data(None, 0.0, &[9, 9], true),
            bad,
            data(Some("Debt"), 0.0, &[3, 4], false),
            data(None, 0.0, &[9, 9], true),
        ];
        let table = table(raw("Consolidated Balance Sheets", rows, HTML));
        assert_eq!(table.defects.len(), 1);
        let labels: Vec<&str> = table.rows.iter().map(|r| r.label.text.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Cash",
                "Total assets",
                "Debt",
                "Total liabilities and stockholders' equity"
            ]
        );
    }
}
