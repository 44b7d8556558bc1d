//! Finding tables in free text: the dated column header, the title and scale lines above it,
//! and the rows below it, with section headings and wrapped labels. EDGAR's `<TABLE>` markup,
//! when present, bounds a table and its `<S>`/`<C>` line fixes where the columns start.

use crate::document::{Column, Defect, Table, Text};
use crate::error::ErrorKind;
use crate::lexicon::dates::is_year_token;
pub(super) use crate::lexicon::phrases::{is_scale_line, is_statement_title, is_unaudited};
use crate::read::lines::{Line, Markup, RawCell, Tok};
use crate::read::place::{place_cells, place_with_shares};
use crate::read::raw::MAX_COLUMNS;
use crate::source::{Source, Span};

pub(super) mod columns;
mod rows;

use crate::read::assemble;
use crate::read::assemble::{heading_name, join};
use crate::read::raw::{
    GridColumn, HeaderCell, HeaderRow, Label, RawRow, RawTable, RowKind, Style,
};
use columns::*;
use rows::*;

/// How the text layout's rows are assembled: indents in display columns, wrapped headings
/// joined by the layout, rows kept whatever numbers they place, dashed labels going on.
const TEXT: Style = Style {
    points: false,
    heading_rows: false,
    drop_empty: false,
    dashed: true,
};
/// How far above a table's first row its dated header may be.
const HEADER_REACH: usize = 12;
/// How many lines (blank, or markup such as `<PAGE>`) may separate a table from the rows that
/// continue it without a header.
const CONTINUED_WITHIN: usize = 12;
/// Label-only lines in a row before a table outside EDGAR markup is taken to have ended.
const MAX_PENDING: usize = 3;
/// The most label-only lines a row's label may wrap over above the row.
const MAX_WRAP: usize = 4;
/// How many label-only lines that all end clear of the columns may stand between two rows.
const MAX_LABEL_RUN: usize = 12;
/// The same inside an EDGAR `<TABLE>` block, whose end is marked.
const MAX_PENDING_MARKED: usize = 8;

/// Where EDGAR `<TABLE>` blocks are and which `<S>`/`<C>` line governs each line.
#[derive(Default)]
pub struct Blocks {
    block: Vec<Option<usize>>,
    spec: Vec<Option<usize>>,
    specs: Vec<Vec<usize>>,
}

impl Blocks {
    /// Scans the lines' markup.
    pub fn new(lines: &[Line<'_>]) -> Blocks {
        let mut b = Blocks {
            block: Vec::with_capacity(lines.len()),
            spec: Vec::with_capacity(lines.len()),
            specs: Vec::new(),
        };
        let mut current: Option<usize> = None;
        let mut spec: Option<usize> = None;
        let mut count = 0;
        for line in lines {
            match &line.markup {
                Some(Markup::TableStart) => {
                    current = Some(count);
                    count += 1;
                    spec = None;
                }
                Some(Markup::TableEnd) => {
                    current = None;
                    spec = None;
                }
                Some(Markup::Columns(cols)) if current.is_some() => {
                    b.specs.push(cols.clone());
                    spec = Some(b.specs.len() - 1);
                }
                _ => {}
            }
            b.block.push(current);
            b.spec.push(spec);
        }
        b
    }

    fn block(&self, line: usize) -> Option<usize> {
        self.block.get(line).copied().flatten()
    }

    fn spec(&self, line: usize) -> Option<&[usize]> {
        self.spec
            .get(line)
            .copied()
            .flatten()
            .map(|i| self.specs[i].as_slice())
    }
}

/// Finds the tables among `lines[range]`: those read, and those left out whole because their
/// shape cannot be read. A double-spaced stretch is read as the single-spaced text it doubles
/// (see [`crate::read::spacing`]).
pub fn find_tables(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    range: std::ops::Range<usize>,
) -> (Vec<Table>, Vec<Defect>) {
    if let Some(single) = crate::read::spacing::undouble(&lines[range.clone()]) {
        let blocks = Blocks::new(&single);
        return find_in(source, &single, &blocks, 0..single.len());
    }
    find_in(source, lines, blocks, range)
}

fn find_in(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    range: std::ops::Range<usize>,
) -> (Vec<Table>, Vec<Defect>) {
    let mut tables = Vec::new();
    let mut dropped = Vec::new();
    let mut i = range.start;
    let mut floor = range.start;
    while i < range.end {
        if !lines[i].is_data_row() {
            i += 1;
            continue;
        }
        let bottom = find_header(lines, floor, i);
        if bottom.is_none() && !looks_like_table(lines, blocks, i, range.end) {
            i += 1;
            continue;
        }
        // A statement continued after a page break with no header repeated: only blank lines
        // and markup since the previous table's last row, or headings over rows that stand
        // under its columns ("Liabilities and Shareholders' Equity" / "Current liabilities:").
        let previous = tables.last().filter(|p| {
            bottom.is_none()
                && i - floor <= CONTINUED_WITHIN
                && (lines[floor..i].iter().all(|l| l.is_blank())
                    || headings_under(lines, floor, i, p))
        });
        let found = Found {
            floor,
            bottom,
            first_row: i,
            end: range.end,
            previous,
        };
        match build(source, lines, blocks, found) {
            Ok((table, end)) => {
                if !table.rows.is_empty() {
                    tables.push(table);
                }
                i = end.max(i + 1);
            }
            Err(defect) => {
                // The table is left out: its rows of numbers are passed over.
                dropped.push(defect);
                i += 1;
                while i < range.end && (lines[i].is_data_row() || lines[i].is_blank()) {
                    i += 1;
                }
            }
        }
        floor = i;
    }
    (tables, dropped)
}

/// Whether the lines between a table's last row and the data row `first` are at most a few
/// headings (label-only lines, no title, scale or date) and that row's numbers stand under the
/// table's columns: the statement goes on under a heading of its own.
fn headings_under(lines: &[Line<'_>], floor: usize, first: usize, previous: &Table) -> bool {
    let mut headings = 0;
    for line in &lines[floor..first] {
        if line.is_blank() {
            continue;
        }
        if !line.cells.is_empty()
            || is_scale_line(line.text)
            || is_table_title(line.text)
            || is_unaudited(line.text)
            || line.year_tokens().next().is_some()
        {
            return false;
        }
        headings += 1;
    }
    let columns = &previous.columns;
    let under = |c: &RawCell| {
        columns
            .iter()
            .any(|col| c.col <= col.extent.1 + 2 && col.extent.0 <= c.end_col + 2)
    };
    headings <= MAX_PENDING
        && !lines[first].cells.is_empty()
        && lines[first].cells.len() <= columns.len()
        && lines[first].cells.iter().all(under)
}

/// A header line that opens at the labels' margin with a title, scale or "(unaudited)" and goes
/// on with column words over the numbers: the opening phrase, and the display column where the
/// column words begin. `None` for a line of column words alone.
fn label_beside_columns(
    line: &Line<'_>,
    label_margin: usize,
    numbers_from: usize,
) -> Option<(Text, usize)> {
    if !line.cells.is_empty() || line.markup.is_some() {
        return None;
    }
    let all = phrases(&line.tokens);
    let first = all.first()?;
    // The first phrase that reaches over the numbers begins the column words.
    let j = all
        .iter()
        .position(|p| p[p.len() - 1].end_col > numbers_from)?;
    if j == 0 || first[0].col > label_margin {
        return None;
    }
    let label: Vec<Tok<'_>> = all[..j].iter().flat_map(|p| p.iter().cloned()).collect();
    Some((text_of_tokens(&label)?, all[j][0].col))
}

/// A stock caption's terms: a par value or shares authorized.
fn is_blank_caption(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    crate::text::contains_any(&lower, &["par value", "shares authorized"])
}

/// Whether a line holds two or more phrases over the numbers, after a title's opening words
/// or none: a line of column words.
fn column_words(line: &Line<'_>, label_margin: usize, numbers_from: usize) -> bool {
    let all = phrases(&line.tokens);
    let over = all
        .iter()
        .filter(|p| p[p.len() - 1].end_col > numbers_from && p[0].col + 8 >= numbers_from)
        .count();
    over >= 2
        && (over == all.len() || label_beside_columns(line, label_margin, numbers_from).is_some())
}

/// Text that closes a parenthesis it did not open, or begins in lower case: the rest of the
/// line above ("per share data)").
fn continues_parenthesis(text: &str) -> bool {
    let opens = text.matches('(').count();
    let closes = text.matches(')').count();
    closes > opens || text.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Several rows of two or more numbers close together (or a row inside EDGAR table markup):
/// a table, dated or not.
fn looks_like_table(lines: &[Line<'_>], blocks: &Blocks, first: usize, end: usize) -> bool {
    if blocks.block(first).is_some() && lines[first].cells.len() >= 2 {
        return true;
    }
    let mut rows = 0;
    let mut gap = 0;
    // A bounded look: the decision must not rescan the rest of the text for every row.
    for line in lines[first..end].iter().take(12) {
        if line.is_data_row() && line.cells.len() >= 2 {
            rows += 1;
            gap = 0;
            if rows >= 2 {
                return true;
            }
        } else {
            gap += 1;
            if gap > 2 {
                return false;
            }
        }
    }
    false
}

/// Whether a line is (the bottom of) a dated column header.
fn is_dated(line: &Line<'_>) -> bool {
    if line.markup.is_some() || line.rule {
        return false;
    }
    if line.is_year_line() {
        return true;
    }
    let years = line.year_tokens().count();
    line.cells.is_empty() && (years >= 2 || (years == 1 && line.indent() >= 8))
}

fn find_header(lines: &[Line<'_>], floor: usize, first_row: usize) -> Option<usize> {
    let mut j = first_row;
    while j > floor && first_row - j < HEADER_REACH {
        j -= 1;
        let line = &lines[j];
        if line.is_data_row() || line.markup == Some(Markup::TableEnd) {
            return None;
        }
        if is_dated(line) {
            return Some(j);
        }
    }
    None
}

/// A table's title: a statement's, or a table of per-share data ("PER SHARE DATA" over
/// "Three Months Ended"), which is not a header word.
fn is_table_title(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    is_statement_title(text)
        || (!t.starts_with('(')
            && (crate::text::contains(&t, "per share data")
                || crate::text::contains(&t, "per common share")))
}

fn text_of(line: &Line<'_>) -> Option<Text> {
    text_of_tokens(line.label_tokens())
}

fn text_of_tokens(toks: &[Tok<'_>]) -> Option<Text> {
    // Rules set beside a label ("Net interest income after provision   ---------") are not
    // words of it.
    let toks: Vec<&Tok<'_>> = toks.iter().filter(|t| !is_rule_token(t.text)).collect();
    let first = toks.first()?;
    let last = toks.last()?;
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    Some(Text {
        text: words.join(" "),
        span: first.span.join(last.span),
    })
}

/// Collapses runs of whitespace to one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a table is found among the lines: what it may read, where its rows start, what it
/// may continue.
struct Found<'t> {
    /// The first line it may take (the previous table ends above).
    floor: usize,
    /// Its dated header line, when it has one.
    bottom: Option<usize>,
    /// Its first row of numbers.
    first_row: usize,
    /// One past the last line of the region it is in.
    end: usize,
    /// The table just before it, which rows with no header of their own continue.
    previous: Option<&'t Table>,
}

fn build(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    found: Found<'_>,
) -> Result<(Table, usize), Defect> {
    let Found {
        floor,
        bottom,
        first_row,
        end,
        previous,
    } = found;
    let spec = blocks.spec(first_row);
    // Header block: the lines ending at the dated line, across rules, up to an empty line.
    let anchor = bottom.unwrap_or(first_row);
    // Where the numbers begin: a title or scale line may run on into the column words
    // ("CONSOLIDATED STATEMENTS OF INCOME   Quarter Ended   Three Month   Quarter Ended").
    // The widest of the first rows shows it (a lone number in a caption wrapped over lines,
    // "30,000,000", stands in the labels' column).
    let width = table_width(lines, first_row);
    let widest = lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .find(|l| l.is_data_row() && l.cells.len() == width)
        .unwrap_or(&lines[first_row]);
    let numbers_from = spec
        .and_then(|s| s.first().copied())
        .or_else(|| widest.cells.first().map(|c| c.col))
        .unwrap_or(0);
    let label_margin = lines[first_row].indent() + 2;
    let mut top = anchor;
    while top > floor {
        let above = &lines[top - 1];
        // A header set off from its dates by a blank line ("INCOME (unaudited)   Ended
        // Month   Ended" / "" / "(in 000s, except   June 30,   Change   March 31,"): the
        // block goes on over one empty line to column words.
        let spaced_header = bottom.is_some()
            && above.is_empty()
            && top - 1 > floor
            && lines[top - 2].cells.is_empty()
            && lines[top - 2].markup.is_none()
            && !lines[top - 2].is_empty()
            && column_words(&lines[top - 2], label_margin, numbers_from);
        if spaced_header {
            top -= 1;
            continue;
        }
        if above.is_empty() || above.markup.is_some() || above.is_data_row() {
            break;
        }
        top -= 1;
    }
    let mut title = Vec::new();
    let mut scale = None;
    let mut header: Vec<usize> = Vec::new();
    let header_end = if bottom.is_some() { anchor + 1 } else { anchor };
    // The dated line's label, before its years ("common share)" of "common share)   2004").
    let bottom_label = bottom.and_then(|b| {
        let label: Vec<Tok<'_>> = lines[b]
            .label_tokens()
            .iter()
            .take_while(|t| !is_year_token(t.text))
            .cloned()
            .collect();
        text_of_tokens(&label)
    });
    // A scale line alone the dated line's label goes on ("(millions, except earnings per" over
    // "common share)   2004   2003") is that label, under the column words, not above them.
    let scale_into_bottom = |k: usize| {
        Some(k + 1) == bottom
            && is_scale_line(lines[k].text)
            && label_beside_columns(&lines[k], label_margin, numbers_from).is_none()
            && bottom_label
                .as_ref()
                .is_some_and(|l| continues_parenthesis(&l.text))
    };
    // A title and a scale line set directly on the column headers, with no blank line between
    // ("CONDENSED CONSOLIDATED BALANCE SHEETS" / "(In millions)" / "December 31,"): the lines
    // down to the scale line, or to the last statement title, are the title's.
    let heads_from = (top..header_end)
        .rev()
        .find(|&k| {
            Some(k) != bottom
                && !scale_into_bottom(k)
                && (is_scale_line(lines[k].text)
                    || is_table_title(lines[k].text)
                    || label_beside_columns(&lines[k], label_margin, numbers_from).is_some())
        })
        .map_or(top, |k| k + 1);
    // Column words above a line that opens with the title ("Quarter  Quarter  Six Months"
    // over "RESERVE FOR LOAN   Ended  Ended  Ended") are the header's, not the title's.
    let last_beside = (top..header_end).rev().find(|&k| {
        Some(k) != bottom && label_beside_columns(&lines[k], label_margin, numbers_from).is_some()
    });
    let column_words_only = |k: usize| {
        last_beside.is_some_and(|b| k < b)
            && lines[k].indent() + 8 >= numbers_from
            && !is_table_title(lines[k].text)
    };
    let mut title_in_block = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (k, line) in lines.iter().enumerate().take(header_end).skip(top) {
        if line.rule {
            continue;
        }
        if Some(k) != bottom
            && let Some((label, cut)) = label_beside_columns(line, label_margin, numbers_from)
        {
            let open_scale = scale
                .as_ref()
                .is_some_and(|s: &Text| s.text.matches('(').count() > s.text.matches(')').count());
            if open_scale {
                // "(in 000s," over "except share": the scale goes on.
                scale = scale.map(|s| join(s, label));
            } else if is_scale_line(&label.text) {
                if is_statement_title(&label.text) {
                    title_in_block.push(label.clone());
                }
                scale = Some(label);
            } else if !is_unaudited(&label.text) {
                title_in_block.push(label);
            }
            cuts.push((k, cut));
            header.push(k);
            continue;
        }
        // "(In thousands)   2004   2003": the scale stands in the dated line's label.
        if Some(k) == bottom {
            let beside = label_beside_columns(line, label_margin, numbers_from).map(|(t, _)| t);
            if let Some(text) = beside
                .or_else(|| bottom_label.clone())
                .filter(|t| is_scale_line(&t.text))
            {
                scale = Some(text);
            }
            header.push(k);
            continue;
        }
        if is_scale_line(line.text) {
            scale = text_of(line);
            // "CONSOLIDATED STATEMENTS OF CASH FLOWS (In thousands)": a title too.
            if is_statement_title(line.text) {
                title_in_block.extend(text_of(line));
            }
        } else if is_unaudited(line.text) {
        } else if k < heads_from && !column_words_only(k) {
            title_in_block.extend(text_of(line));
        } else {
            header.push(k);
        }
    }
    // Title: the group of lines just above the header, across blank lines and markup.
    let mut k = top;
    let mut blanks = 0;
    let mut crossed_markup = false;
    while k > floor && lines[k - 1].is_blank() && blanks < 4 {
        if lines[k - 1].markup == Some(Markup::TableEnd) {
            break;
        }
        k -= 1;
        crossed_markup |= lines[k].markup.is_some();
        if lines[k].is_empty() {
            blanks += 1;
        }
    }
    let title_end = k;
    // A statement's title on the header's own lines: the lines above it, across a page break
    // or table markup, are the page's running head ("HRZB-EPS Up 29% YTD" / "January 19,
    // 2006"), not the table's title.
    let running_head = crossed_markup && !title_in_block.is_empty();
    while !running_head
        && k > floor
        && !lines[k - 1].is_empty()
        && !lines[k - 1].is_data_row()
        && lines[k - 1].markup.is_none()
        && title_end - k < 6
    {
        k -= 1;
    }
    for line in &lines[k..title_end] {
        if line.rule {
            continue;
        }
        if is_scale_line(line.text) {
            scale = text_of(line);
            if is_statement_title(line.text) {
                title.extend(text_of(line));
            }
        } else if !is_unaudited(line.text) {
            title.extend(text_of(line));
        }
    }
    title.extend(title_in_block);

    // The line that fixes the columns: the dated line, unless a line of column words below it
    // has as many phrases as the rows have numbers ("2000" / "Q1  Six Months  Q1  Six Months",
    // "June 30, 2004" / "GAAP  Adjustments  Non-GAAP").
    let column_line = bottom.map(|b| column_line_below(lines, b, first_row).unwrap_or(b));
    let mut columns = match (spec, column_line) {
        (Some(spec), _) => spec_columns(spec),
        (None, Some(b)) => bottom_columns(&lines[b]),
        // No dated header: the words over the numbers, when there is one per number;
        // otherwise the numbers themselves (a statement continued after a break, whose
        // nearest label-only lines are wrapped labels, not column words).
        (None, None) => header
            .last()
            .map(|&h| bottom_columns(&lines[h]))
            .filter(|c| c.len() == table_width(lines, first_row))
            .unwrap_or_else(|| cell_columns(&lines[first_row])),
    };
    // The dated line's label ("(unaudited)   December 31, 2005   Change   December 31,
    // 2004") stands at the labels' margin, clear of the numbers: it is no column.
    if spec.is_none()
        && bottom.is_some()
        && columns.len() > 1
        && columns[0].extent.0 <= label_margin
        && columns[0].extent.1 <= numbers_from
    {
        columns.remove(0);
    }
    if spec.is_none() && bottom.is_some() {
        add_unheaded_columns(lines, first_row, &mut columns);
    } else if spec.is_some() {
        add_unmarked_columns(lines, first_row, &mut columns);
    }
    // Placing headings and cells compares them with every column: a bound on the columns
    // keeps that linear in the length of the lines, however many numbers a line holds.
    if columns.len() > MAX_COLUMNS {
        let at = bottom.unwrap_or(first_row);
        let line = &lines[at];
        let span = match (line.tokens.first(), line.tokens.last()) {
            (Some(a), Some(b)) => a.span.join(b.span),
            _ => Span::default(),
        };
        return Err(Defect {
            kind: ErrorKind::Table,
            span,
            message: format!(
                "a table of {} columns: more than the {MAX_COLUMNS} a financial table may have",
                columns.len()
            ),
        });
    }
    // Label-only lines between the dated line and the first row that sit over the columns
    // ("(Notes)" under the years) belong to the header; the rest are headings.
    let left = columns.first().map_or(0, |c| c.extent.0);
    let first_label_end = lines[first_row]
        .label_tokens()
        .last()
        .map_or(0, |t| t.end_col);
    let mut pending: Vec<usize> = Vec::new();
    let mut after_header = bottom.map_or(first_row, |b| b + 1);
    if bottom.is_none() {
        after_header = first_row;
    }
    for (k, line) in lines.iter().enumerate().take(first_row).skip(after_header) {
        if line.is_blank() {
            continue;
        }
        // "(In thousands)" under the years is the scale line, not a heading.
        if is_scale_line(line.text) && line.cells.is_empty() {
            scale = text_of(line);
            continue;
        }
        // A column's words centred over it may start a little left of it ("As Previously"
        // over "Reported"), still clear of the first row's label.
        let over_columns = line.indent() + 1 >= left
            || (line.indent() + 4 >= left && line.indent() >= first_label_end + 2);
        if Some(k) == column_line || (line.cells.is_empty() && over_columns && left > 0) {
            header.push(k);
        } else {
            pending.push(k);
        }
    }
    // The dated line's own label ("ASSETS   1997   1996") is the first heading.
    let mut initial = None;
    if let Some(b) = bottom {
        let toks: Vec<Tok<'_>> = lines[b]
            .label_tokens()
            .iter()
            .filter(|t| t.end_col + 1 < left && !is_year_token(t.text))
            .cloned()
            .collect();
        initial =
            text_of_tokens(&toks).filter(|t| !is_scale_line(&t.text) && !is_unaudited(&t.text));
        // "(in 000s, except" over "per share data)   2006   2006": the dated line's label
        // goes on with the scale line above it, and is no heading.
        if let Some(t) = initial.take_if(|t| continues_parenthesis(&t.text)) {
            scale = scale.map(|s| join(s, t));
        }
    }
    let bottom_cut = bottom
        .and_then(|b| label_beside_columns(&lines[b], label_margin, numbers_from))
        .map_or(0, |(_, cut)| cut);
    let anchors = anchors(
        &columns,
        column_line.map(|b| &lines[b]),
        spec.is_some() && column_line == bottom,
        bottom_cut,
    );
    let heads = attach_headings(lines, &header, &cuts, column_line, columns.len(), &anchors);
    // Rows that go on from the previous table, with no header or title of their own, sit
    // under its columns when they fit them.
    let continued = previous.filter(|p| {
        spec.is_none() && header.is_empty() && table_width(lines, first_row) <= p.columns.len()
    });
    let mut table = match continued {
        Some(p) => {
            // Its headings are the lines between, not a title.
            if bottom.is_none() && pending.is_empty() {
                pending = (floor..first_row)
                    .filter(|&k| !lines[k].is_blank())
                    .collect();
            }
            RawTable {
                title: p.title.clone(),
                scale,
                ..headed_as(&p.columns)
            }
        }
        None => RawTable {
            title,
            scale,
            columns: column_spans(&columns, &heads),
            header: heads,
            style: TEXT,
            ..RawTable::default()
        },
    };
    let end_line = body(
        source,
        lines,
        blocks,
        Start {
            first_row,
            pending,
            initial,
        },
        end,
        spec.is_some(),
        &mut table,
    );
    let table = assemble::table(table);
    Ok((table, end_line))
}

/// A raw table with the columns of a table already read, each headed as it is.
fn headed_as(columns: &[Column]) -> RawTable {
    let cells = columns
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.heading.iter().map(move |t| HeaderCell {
                lines: vec![t.clone()],
                columns: i..i + 1,
            })
        })
        .collect();
    RawTable {
        columns: columns
            .iter()
            .map(|c| GridColumn {
                extent: c.extent,
                span: c.span,
            })
            .collect(),
        header: vec![HeaderRow { cells }],
        style: TEXT,
        ..RawTable::default()
    }
}
