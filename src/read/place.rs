//! Placing a row's numbers in its table's columns: in order when there are as many as
//! columns, else each under the nearest column; and a row that pairs each amount with its
//! percent of the total ("112,424  13%  117,537  14%") under one date per pair, whose percents
//! get columns of their own.

use crate::document::{Cell, Defect, Text};
use crate::error::ErrorKind;
use crate::read::lines::RawCell;
use crate::read::raw::{GridColumn, HeaderCell, HeaderRow, RawRow, RawTable, RowKind};
use crate::source::Source;

/// The heading of a column of percents of a total that no header names.
const SHARE_HEADING: &str = "% of total";

pub(super) fn place_cells(
    source: &Source,
    raw_cells: &[RawCell],
    table: &RawTable,
    by_spec: bool,
) -> Result<Vec<Cell>, Defect> {
    let mut out = Vec::with_capacity(raw_cells.len());
    let n = table.columns.len();
    let mut next_free = 0;
    for (i, raw) in raw_cells.iter().enumerate() {
        let number = match &raw.number {
            Ok(n) => *n,
            Err(why) => {
                return Err(Defect {
                    kind: ErrorKind::Number,
                    span: raw.span,
                    message: format!("malformed number `{}`: {why}", source.slice(raw.span)),
                });
            }
        };
        let column = if by_spec {
            let right = raw.end_col.saturating_sub(1);
            (0..n)
                .rev()
                .find(|&c| table.columns[c].extent.0 <= right)
                .unwrap_or(0)
        } else if raw_cells.len() == n {
            i
        } else {
            let center = raw.col + raw.end_col;
            (0..n)
                .min_by_key(|&c| center2(table.columns[c].extent).abs_diff(center))
                .unwrap_or(0)
        };
        if column < next_free || column >= n {
            let message = if raw_cells.len() > n {
                format!(
                    "this row has {} numbers but the table has {n} columns",
                    raw_cells.len()
                )
            } else {
                "cannot tell which column this number belongs to".to_string()
            };
            return Err(Defect {
                kind: ErrorKind::Table,
                span: raw.span,
                message,
            });
        }
        next_free = column + 1;
        out.push(Cell {
            span: raw.span,
            column,
            number,
        });
    }
    Ok(out)
}

/// A row with more numbers than columns because each amount is followed by its percent of the
/// total: the amounts are placed as a row of their own, and each percent goes in a column of
/// percents right of its amount's column, made when the table has none there yet (the
/// earlier rows' cells move over). `None` when the row is not such pairs or its amounts do not
/// fit the columns. `earlier` are the rows read before it, whose cells move over too.
pub(super) fn place_with_shares(
    source: &Source,
    raw_cells: &[RawCell],
    table: &mut RawTable,
    earlier: &mut [RawRow],
    by_spec: bool,
) -> Option<Vec<Cell>> {
    let is_percent = |c: &RawCell| c.number.as_ref().is_ok_and(|n| n.percent);
    // Every percent follows an amount; at least one does.
    let pairs_only = raw_cells
        .iter()
        .enumerate()
        .all(|(i, c)| !is_percent(c) || (i > 0 && !is_percent(&raw_cells[i - 1])));
    if !pairs_only || !raw_cells.iter().any(is_percent) {
        return None;
    }
    let amounts: Vec<RawCell> = raw_cells
        .iter()
        .filter(|c| !is_percent(c))
        .cloned()
        .collect();
    let mut placed = place_cells(source, &amounts, table, by_spec).ok()?;
    let mut out = Vec::with_capacity(raw_cells.len());
    let mut next_amount: usize = 0;
    for raw in raw_cells {
        if !is_percent(raw) {
            next_amount += 1;
            continue;
        }
        let Ok(number) = raw.number else {
            return None;
        };
        let after = placed.get(next_amount.checked_sub(1)?)?.column;
        let centre = raw.col + raw.end_col;
        let existing = table.columns.get(after + 1).filter(|c| {
            heading_text(table, after + 1) == SHARE_HEADING
                && center2(c.extent).abs_diff(centre) <= 2 * (raw.end_col - raw.col + 4)
        });
        let column = after + 1;
        if existing.is_none() {
            // A bound on the columns, as for the header's.
            if table.columns.len() >= crate::read::raw::MAX_COLUMNS {
                return None;
            }
            insert_column(
                table,
                column,
                GridColumn {
                    span: raw.span,
                    extent: (raw.col, raw.end_col),
                },
                Text {
                    text: SHARE_HEADING.to_string(),
                    span: raw.span,
                },
            );
            let shift = |cells: &mut [Cell]| {
                for c in cells.iter_mut().filter(|c| c.column >= column) {
                    c.column += 1;
                }
            };
            for row in earlier.iter_mut() {
                if let RowKind::Data {
                    cells: Ok(cells), ..
                } = &mut row.kind
                {
                    shift(cells);
                }
            }
            shift(&mut placed);
            shift(&mut out);
        }
        out.push(Cell {
            span: raw.span,
            column,
            number,
        });
    }
    out.extend(placed);
    out.sort_by_key(|c| c.column);
    Some(out)
}

/// The heading of column `c`: the lines of the header cells over it, as one line of text.
fn heading_text(table: &RawTable, c: usize) -> String {
    let lines: Vec<&str> = table
        .header
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|cell| cell.columns.contains(&c))
        .flat_map(|cell| cell.lines.iter().map(|t| t.text.as_str()))
        .collect();
    lines.join(" ")
}

/// Inserts a column at `at`, headed by `heading` alone: the header cells right of it move over,
/// and one spanning it is split around it.
fn insert_column(table: &mut RawTable, at: usize, column: GridColumn, heading: Text) {
    table.columns.insert(at, column);
    for row in &mut table.header {
        let mut cells = Vec::with_capacity(row.cells.len());
        for mut cell in row.cells.drain(..) {
            let (a, b) = (cell.columns.start, cell.columns.end);
            if a >= at {
                cell.columns = a + 1..b + 1;
            } else if b > at {
                cells.push(HeaderCell {
                    lines: cell.lines.clone(),
                    columns: a..at,
                });
                cell.columns = at + 1..b + 1;
            }
            cells.push(cell);
        }
        row.cells = cells;
    }
    table.header.push(HeaderRow {
        cells: vec![HeaderCell {
            lines: vec![heading],
            columns: at..at + 1,
        }],
    });
}

/// Twice the centre of a column's extent (a wide phrase counts as at most 40 columns wide).
pub(in crate::read) fn center2(extent: (usize, usize)) -> usize {
    extent.0 + extent.1.min(extent.0 + 40)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::assemble;
    use crate::source::Span;

    fn text(s: &str) -> Text {
        Text {
            text: s.to_string(),
            span: Span::new(0, s.len()),
        }
    }

    #[test]
    fn an_inserted_column_has_its_own_heading_only() {
        let mut table = RawTable {
            columns: vec![GridColumn::default(); 3],
            header: vec![HeaderRow {
                cells: vec![
                    HeaderCell {
                        lines: vec![text("Year Ended")],
                        columns: 0..2,
                    },
                    HeaderCell {
                        lines: vec![text("Change")],
                        columns: 2..3,
                    },
                ],
            }],
            ..RawTable::default()
        };
        insert_column(&mut table, 1, GridColumn::default(), text(SHARE_HEADING));
        assert_eq!(heading_text(&table, 1), SHARE_HEADING);
        let headings: Vec<String> = assemble::head(table)
            .columns
            .iter()
            .map(|c| c.heading_text())
            .collect();
        assert_eq!(
            headings,
            ["Year Ended", SHARE_HEADING, "Year Ended", "Change"]
        );
    }
}
