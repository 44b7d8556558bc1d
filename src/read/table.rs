//! Finding tables in free text: the dated column header, the title and scale lines above it,
//! and the rows below it, with section headings and wrapped labels. EDGAR's `<TABLE>` markup,
//! when present, bounds a table and its `<S>`/`<C>` line fixes where the columns start.

use crate::document::{Column, Row, Table, Text};
use crate::error::{Error, ErrorKind};
use crate::read::lines::{Line, Markup, RawCell, Tok, is_year_token};
use crate::read::place::{place_cells, place_with_shares};
use crate::source::{Source, Span};

/// How far above a table's first row its dated header may be.
const HEADER_REACH: usize = 12;
/// How many lines (blank, or markup such as `<PAGE>`) may separate a table from the rows that
/// continue it without a header.
const CONTINUED_WITHIN: usize = 12;
/// The most columns a table may have.
pub(super) const MAX_COLUMNS: usize = 64;
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

/// Finds the tables among `lines[range]`; a double-spaced stretch is read as the
/// single-spaced text it doubles (see [`crate::read::spacing`]).
pub fn find_tables(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    range: std::ops::Range<usize>,
) -> Result<Vec<Table>, Error> {
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
) -> Result<Vec<Table>, Error> {
    let mut tables = Vec::new();
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
        let (table, end) = build(source, lines, blocks, floor, bottom, i, range.end, previous)?;
        if !table.rows.is_empty() {
            tables.push(table);
        }
        i = end.max(i + 1);
        floor = i;
    }
    Ok(tables)
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

/// Phrases that make a line a scale line.
const SCALE_PHRASES: &[&str] = &[
    "in thousands",
    "in millions",
    "in billions",
    "000's omitted",
    "000s omitted",
    "(000's)",
    "(000s)",
    "in whole dollars",
    "thousands of dollars",
    "millions of dollars",
    "dollars in thousands",
    "dollars in millions",
    "000 omitted",
    "$000",
    "in 000s",
    "in 000's",
    "(000)",
    "(thousands",
    "(millions",
    "in $ thousands",
    "in $ millions",
    "in $thousands",
    "in $millions",
];

/// Every phrase of [`SCALE_PHRASES`] holds one of these: most lines hold none, and are decided
/// with five searches instead of twelve.
const SCALE_WORDS: &[&str] = &["thousand", "million", "billion", "000", "whole"];

fn is_scale_line(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    crate::text::contains_any(&t, SCALE_WORDS) && crate::text::contains_any(&t, SCALE_PHRASES)
}

/// A statement's title ("Condensed Consolidated Statements of Operations", "Balance Sheets").
fn is_statement_title(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "statement of",
        "statements of",
        "balance sheet",
        "financial highlights",
        "selected financial data",
        "statistics",
        "operating data",
    ]
    .iter()
    .any(|k| crate::text::contains(&t, k))
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

fn is_unaudited(text: &str) -> bool {
    text.trim()
        .trim_matches(['(', ')'])
        .eq_ignore_ascii_case("unaudited")
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

#[allow(clippy::too_many_arguments)]
fn build(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    floor: usize,
    bottom: Option<usize>,
    first_row: usize,
    end: usize,
    previous: Option<&Table>,
) -> Result<(Table, usize), Error> {
    let spec = blocks.spec(first_row);
    // Header block: the lines ending at the dated line, across rules, up to an empty line.
    let anchor = bottom.unwrap_or(first_row);
    // Where the numbers begin: a title or scale line may run on into the column words
    // ("CONSOLIDATED STATEMENTS OF INCOME   Quarter Ended   Three Month   Quarter Ended").
    let numbers_from = spec
        .and_then(|s| s.first().copied())
        .or_else(|| lines[first_row].cells.first().map(|c| c.col))
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
    // A title and a scale line set directly on the column headers, with no blank line between
    // ("CONDENSED CONSOLIDATED BALANCE SHEETS" / "(In millions)" / "December 31,"): the lines
    // down to the scale line, or to the last statement title, are the title's.
    let heads_from = (top..header_end)
        .rev()
        .find(|&k| {
            Some(k) != bottom
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
            if is_scale_line(&label.text) {
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
            let label: Vec<Tok<'_>> = line
                .label_tokens()
                .iter()
                .take_while(|t| !is_year_token(t.text))
                .cloned()
                .collect();
            let beside = label_beside_columns(line, label_margin, numbers_from).map(|(t, _)| t);
            if let Some(text) = beside
                .or_else(|| text_of_tokens(&label))
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
        return Err(Error::at(
            ErrorKind::Table,
            source,
            span,
            format!(
                "a table of {} columns: more than the {MAX_COLUMNS} a financial table may have",
                columns.len()
            ),
        ));
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
    attach_headings(lines, &header, &cuts, column_line, &mut columns, &anchors);
    // Rows that go on from the previous table, with no header or title of their own, sit
    // under its columns when they fit them.
    let continued = previous.filter(|p| {
        spec.is_none() && header.is_empty() && table_width(lines, first_row) <= p.columns.len()
    });
    let (title, columns) = match continued {
        Some(p) => {
            // Its headings are the lines between, not a title.
            if bottom.is_none() && pending.is_empty() {
                pending = (floor..first_row)
                    .filter(|&k| !lines[k].is_blank())
                    .collect();
            }
            (p.title.clone(), p.columns.clone())
        }
        None => (title, columns),
    };
    let mut table = Table {
        title,
        scale,
        columns,
        rows: Vec::new(),
        defect: None,
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
    )?;
    Ok((table, end_line))
}

/// How many rows below the first row are read for the most numbers a row of the table has.
const ROWS_FOR_WIDTH: usize = 8;

/// A line of column words between the dated line `bottom` and the first row that has one
/// phrase for each number of the widest of the first rows, when the dated line has fewer: the
/// dated line then heads groups of those columns. The lowest such line is taken.
fn column_line_below(lines: &[Line<'_>], bottom: usize, first_row: usize) -> Option<usize> {
    let width = table_width(lines, first_row);
    if bottom_columns(&lines[bottom]).len() >= width {
        return None;
    }
    let label_end = lines[first_row]
        .label_tokens()
        .last()
        .map_or(0, |t| t.end_col);
    (bottom + 1..first_row).rev().find(|&k| {
        let line = &lines[k];
        !line.is_blank()
            && line.cells.is_empty()
            && line.indent() >= label_end + 2
            && bottom_columns(line).len() == width
    })
}

/// Numbers in a column no header stands over ("20%" right of "2004  2003" under "Three Months
/// Ended"): the widest of the first rows shows where, and each such number gets a column of its
/// own, with no heading, so that it is reported as not a period rather than misplaced. A
/// number only one row has there is a stray, and stays an error.
fn add_unheaded_columns(lines: &[Line<'_>], first_row: usize, columns: &mut Vec<Column>) {
    let width = table_width(lines, first_row);
    if width <= columns.len() || columns.is_empty() {
        return;
    }
    let Some(widest) = lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .find(|l| l.is_data_row() && l.cells.len() == width)
    else {
        return;
    };
    let overlaps =
        |c: &Column, cell: &RawCell| cell.col <= c.extent.1 + 2 && c.extent.0 <= cell.end_col + 2;
    let extra: Vec<Column> = widest
        .cells
        .iter()
        .filter(|cell| !columns.iter().any(|c| overlaps(c, cell)))
        .map(|cell| Column {
            heading: Vec::new(),
            span: Span::default(),
            extent: (cell.col, cell.end_col),
        })
        .collect();
    // A column, not a stray number: at least two of the first rows have a number there.
    let rows: Vec<&Line<'_>> = lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .filter(|l| l.is_data_row())
        .collect();
    let repeated = extra.iter().all(|c| {
        rows.iter()
            .filter(|l| l.cells.iter().any(|cell| overlaps(c, cell)))
            .count()
            >= 2
    });
    if columns.len() + extra.len() != width || !repeated {
        return;
    }
    columns.extend(extra);
    columns.sort_by_key(|c| c.extent.0);
}

/// Numbers that share a `<C>` column with another number of the same row, in two or more of
/// the first rows ("Percent Change" beside the last of two marked columns): a column the
/// markup left out, which starts at those numbers.
fn add_unmarked_columns(lines: &[Line<'_>], first_row: usize, columns: &mut Vec<Column>) {
    let width = table_width(lines, first_row);
    if width <= columns.len() || columns.is_empty() {
        return;
    }
    let rows: Vec<&Line<'_>> = lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .filter(|l| l.is_data_row())
        .collect();
    let Some(widest) = rows.iter().find(|l| l.cells.len() == width) else {
        return;
    };
    let column_of = |cell: &RawCell| {
        let right = cell.end_col.saturating_sub(1);
        (0..columns.len())
            .rev()
            .find(|&c| columns[c].extent.0 <= right)
    };
    // The numbers after the first in a marked column start columns of their own.
    let mut starts: Vec<usize> = Vec::new();
    for pair in widest.cells.windows(2) {
        if column_of(&pair[0]).is_some() && column_of(&pair[0]) == column_of(&pair[1]) {
            starts.push(pair[1].col);
        }
    }
    let repeated = starts.iter().all(|&start| {
        rows.iter()
            .filter(|l| {
                l.cells
                    .iter()
                    .any(|c| c.col <= start + 2 && start <= c.end_col)
            })
            .count()
            >= 2
    });
    if starts.is_empty() || columns.len() + starts.len() != width || !repeated {
        return;
    }
    for start in starts {
        columns.push(Column {
            heading: Vec::new(),
            span: Span::default(),
            extent: (start, usize::MAX / 2),
        });
    }
    columns.sort_by_key(|c| c.extent.0);
    for k in 0..columns.len().saturating_sub(1) {
        columns[k].extent.1 = columns[k + 1].extent.0;
    }
}

/// The most numbers a row has among the first rows of a table.
fn table_width(lines: &[Line<'_>], first_row: usize) -> usize {
    lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .filter(|l| l.is_data_row())
        .map(|l| l.cells.len())
        .max()
        .unwrap_or(0)
}

fn column_of(piece: &[Tok<'_>]) -> Column {
    let text = phrase_text(piece);
    Column {
        span: text.span,
        extent: (piece[0].col, piece[piece.len() - 1].end_col),
        heading: Vec::new(),
    }
}

fn spec_columns(spec: &[usize]) -> Vec<Column> {
    spec.iter()
        .enumerate()
        .map(|(k, &c)| Column {
            heading: Vec::new(),
            span: Span::default(),
            extent: (c, spec.get(k + 1).copied().unwrap_or(usize::MAX / 2)),
        })
        .collect()
}

fn bottom_columns(line: &Line<'_>) -> Vec<Column> {
    let mut out = Vec::new();
    let toks: Vec<Tok<'_>> = line
        .tokens
        .iter()
        .filter(|t| !is_rule_token(t.text))
        .cloned()
        .collect();
    // A year line's label ("ASSETS   1997   1996") stands before its first year; a word after
    // a year ("2004 (Unaudited)   2003") belongs to that year's column.
    let label_end = if line.is_year_line() {
        let first_cell = line.cells.first().map_or(0, |c| c.col);
        line.year_tokens()
            .next()
            .map_or(first_cell, |t| t.col.min(first_cell))
    } else {
        0
    };
    let toks: Vec<Tok<'_>> = toks.into_iter().filter(|t| t.col >= label_end).collect();
    for phrase in phrases(&toks) {
        let years = phrase.iter().filter(|t| is_year_token(t.text)).count();
        let groups = if years > 1 {
            split_repeated(phrase, years)
        } else {
            Vec::new()
        };
        if groups.is_empty() {
            out.push(column_of(phrase));
        } else {
            out.extend(groups.iter().map(|g| column_of(g)));
        }
    }
    out
}

fn cell_columns(line: &Line<'_>) -> Vec<Column> {
    line.cells
        .iter()
        .map(|c| Column {
            heading: Vec::new(),
            span: c.span,
            extent: (c.col, c.end_col),
        })
        .collect()
}

fn is_rule_token(text: &str) -> bool {
    text.chars().count() >= 2 && text.chars().all(|c| matches!(c, '-' | '=' | '_'))
}

fn is_month_token(text: &str) -> bool {
    crate::interpret::month_of(text).is_some()
}

pub(super) fn center2(extent: (usize, usize)) -> usize {
    extent.0 + extent.1.min(extent.0 + 40)
}

/// Where each column's heading sits: its extent, or for `<C>` columns (which mark only where
/// a column starts) the extent of the dated line's words inside it.
fn anchors(
    columns: &[Column],
    bottom: Option<&Line<'_>>,
    by_spec: bool,
    cut: usize,
) -> Vec<(usize, usize)> {
    // `<C>` marks where a column's numbers start; its words may begin left of it ("March 31,
    // 2006" over a column marked at "2006"): each phrase of the dated line, clear of its
    // label, goes to the column that holds its last character.
    if by_spec && let Some(line) = bottom {
        let toks: Vec<Tok<'_>> = line
            .tokens
            .iter()
            .filter(|t| !is_rule_token(t.text) && t.col >= cut)
            .cloned()
            .collect();
        let mut out: Vec<Option<(usize, usize)>> = vec![None; columns.len()];
        for phrase in phrases(&toks) {
            let (from, to) = (phrase[0].col, phrase[phrase.len() - 1].end_col);
            if let Some(c) = (0..columns.len()).rev().find(|&c| columns[c].extent.0 < to) {
                out[c] = Some(out[c].map_or((from, to), |(a, b)| (a.min(from), b.max(to))));
            }
        }
        return out
            .iter()
            .zip(columns)
            .map(|(a, c)| a.unwrap_or((c.extent.0, c.extent.1.min(c.extent.0 + 12))))
            .collect();
    }
    columns
        .iter()
        .map(|c| {
            let (start, end) = c.extent;
            let inside: Vec<&Tok<'_>> = bottom
                .map(|l| {
                    l.tokens
                        .iter()
                        .filter(|t| {
                            let center = (t.col + t.end_col) / 2;
                            !is_rule_token(t.text) && center >= start && center < end
                        })
                        .collect()
                })
                .unwrap_or_default();
            match (inside.first(), inside.last()) {
                (Some(f), Some(l)) => (f.col, l.end_col),
                _ => (start, end.min(start + 12)),
            }
        })
        .collect()
}

/// Places every header phrase over the columns it spans.
fn attach_headings(
    lines: &[Line<'_>],
    header: &[usize],
    cuts: &[(usize, usize)],
    bottom: Option<usize>,
    columns: &mut [Column],
    anchors: &[(usize, usize)],
) {
    // The phrases of the header line above and the columns each was placed over.
    let mut placed_above: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &k in header {
        // A line that begins with a title's words heads the columns from where they end.
        let cut = cuts.iter().find(|&&(l, _)| l == k).map_or(0, |&(_, c)| c);
        let toks: Vec<Tok<'_>> = lines[k]
            .tokens
            .iter()
            .filter(|t| !is_rule_token(t.text) && t.col >= cut)
            .cloned()
            .collect();
        if Some(k) == bottom {
            // The dated line fixed the anchors: each of its words goes to the column whose
            // anchor holds the word's centre ("2003 Change" with one space is two columns).
            let mut pieces: Vec<Vec<Tok<'_>>> = vec![Vec::new(); columns.len()];
            for t in &toks {
                let center = (t.col + t.end_col) / 2;
                if let Some(c) = (0..columns.len()).find(|&c| {
                    anchors[c].0 <= center && center < anchors[c].1.max(anchors[c].0 + 1)
                }) {
                    pieces[c].push(t.clone());
                }
            }
            for (c, piece) in pieces.iter().enumerate() {
                if !piece.is_empty() {
                    push_heading(&mut columns[c], phrase_text(piece));
                }
            }
            placed_above.clear();
            continue;
        }
        let line_phrases = phrases(&toks);
        // Each phrase's columns: those whose centres it covers, else those it touches; then
        // any wider span the layout shows; then the columns left between two phrases' spans.
        let mut placed: Vec<((usize, usize), Vec<usize>)> = Vec::new();
        let mut split: Vec<bool> = Vec::new();
        for phrase in &line_phrases {
            let p = (phrase[0].col, phrase[phrase.len() - 1].end_col);
            let mut covered: Vec<usize> = (0..columns.len())
                .filter(|&c| {
                    let c2 = center2(anchors[c]);
                    c2 + 2 >= 2 * p.0 && c2 <= 2 * p.1 + 2
                })
                .collect();
            if covered.len() > 1 && split_repeated(phrase, covered.len()).len() == covered.len() {
                placed.push((p, covered));
                split.push(true);
                continue;
            }
            // A date with no year standing alone on its line ("December 31," over "2004
            // 2003") is the date of every column under it, however it is centred.
            if line_phrases.len() == 1
                && !covered.is_empty()
                && phrase
                    .iter()
                    .filter(|t| is_month_token(t.text) && t.text.len() >= 3)
                    .count()
                    == 1
                && !phrase.iter().any(|t| is_year_token(t.text))
            {
                covered = (0..columns.len()).collect();
            }
            let centred_over_some = !covered.is_empty();
            if covered.is_empty() {
                // A phrase centred between two columns ("June 30," over "2004    2003")
                // heads both.
                covered = (0..columns.len())
                    .filter(|&c| {
                        let e = anchors[c];
                        p.1 + 2 >= e.0 && p.0 <= e.1 + 2
                    })
                    .collect();
            }
            // The dashes under the phrase, or the phrase it is centred under on the header
            // line above ("Three Months Ended" / "September 30," over "2003  2002  % Change").
            let alone = |q: (usize, usize)| {
                line_phrases
                    .iter()
                    .filter(|o| o[0].col < q.1 && o[o.len() - 1].end_col > q.0)
                    .count()
                    == 1
            };
            let wider = rule_span(lines, k, p, anchors)
                .filter(|&(r, _)| alone(r))
                .map(|(_, cols)| cols)
                .or_else(|| {
                    placed_above
                        .iter()
                        .find(|(q, cols)| {
                            // Alone over the columns the phrase above heads: a line of one
                            // date per column is not a shared date.
                            let span = match (cols.first(), cols.last()) {
                                (Some(&a), Some(&b)) => {
                                    (anchors[a].0.min(q.0), anchors[b].1.max(q.1))
                                }
                                _ => *q,
                            };
                            // Centred under it; a date ("March 31,") need only sit within
                            // it, since nothing but the shared date stands there.
                            let centred = (q.0 + q.1).abs_diff(p.0 + p.1) <= 4
                                || (phrase.iter().any(|t| is_month_token(t.text))
                                    && q.0 <= p.0 + 2
                                    && p.1 <= q.1 + 2);
                            cols.len() > 1 && centred && alone(span)
                        })
                        .map(|(_, cols)| cols.clone())
                });
            if let Some(wider) = wider
                && centred_over_some
                && wider.len() > covered.len()
                && covered.iter().all(|c| wider.contains(c))
            {
                covered = wider;
            }
            // A period's length alone on its line, centred over a run of columns ("Three
            // Months Ended" over "Sep 30, Jun 30, Sep 30,"): it heads the whole run.
            if line_phrases.len() == 1
                && crate::interpret::states_length(&phrase_text(phrase).text)
                && let Some(run) = centred_run(p, &covered, anchors)
            {
                covered = run;
            }
            placed.push((p, covered));
            split.push(false);
        }
        fill_slots(&mut placed, &split, anchors);
        fill_gaps(&mut placed, &split, anchors);
        for ((phrase, (_, covered)), &split) in line_phrases.iter().zip(&placed).zip(&split) {
            if split {
                let groups = split_repeated(phrase, covered.len());
                for (group, &c) in groups.iter().zip(covered) {
                    push_heading(&mut columns[c], phrase_text(group));
                }
            } else {
                for &c in covered {
                    push_heading(&mut columns[c], phrase_text(phrase));
                }
            }
        }
        placed_above = placed;
    }
}

/// The widest run of columns holding `covered` whose span is centred (within two columns)
/// under the phrase at `p`, when it is wider than `covered`.
fn centred_run(
    p: (usize, usize),
    covered: &[usize],
    anchors: &[(usize, usize)],
) -> Option<Vec<usize>> {
    let (&lo, &hi) = (covered.first()?, covered.last()?);
    let centre2 = p.0 + p.1;
    let mut best: Option<(usize, usize)> = None;
    for a in 0..=lo {
        for b in hi..anchors.len() {
            let span2 = anchors[a].0 + anchors[b].1;
            if span2.abs_diff(centre2) <= 4 && best.is_none_or(|(x, y)| b - a > y - x) {
                best = Some((a, b));
            }
        }
    }
    best.filter(|&(a, b)| b - a + 1 > covered.len())
        .map(|(a, b)| (a..=b).collect())
}

/// A header line of k group phrases over k equal groups of columns ("Three Months Ended
/// Year Ended" over four dates): each phrase heads the group it is centred over, however
/// short it is beside the group's width.
fn fill_slots(
    placed: &mut [((usize, usize), Vec<usize>)],
    split: &[bool],
    anchors: &[(usize, usize)],
) {
    let (k, n) = (placed.len(), anchors.len());
    if k < 2 || n % k != 0 || split.iter().any(|&s| s) {
        return;
    }
    let m = n / k;
    let fits = placed.iter().enumerate().all(|(i, (p, cols))| {
        let slot = i * m..(i + 1) * m;
        let (from, to) = (anchors[slot.start].0, anchors[slot.end - 1].1);
        let centre2 = p.0 + p.1;
        cols.iter().all(|c| slot.contains(c)) && 2 * from <= centre2 + 4 && centre2 <= 2 * to + 4
    });
    if fits {
        for (i, (_, cols)) in placed.iter_mut().enumerate() {
            *cols = (i * m..(i + 1) * m).collect();
        }
    }
}

/// Columns left between the spans of a header line's phrases go to the nearer neighbouring
/// phrase: "Three Months Ended      Nine Months Ended" centred over "2003  2002  % Change
/// 2003  2002  % Change" reaches neither group's outer columns' centres.
fn fill_gaps(
    placed: &mut [((usize, usize), Vec<usize>)],
    split: &[bool],
    anchors: &[(usize, usize)],
) {
    let all: Vec<usize> = placed.iter().flat_map(|(_, c)| c.iter().copied()).collect();
    let (Some(&lo), Some(&hi)) = (all.iter().min(), all.iter().max()) else {
        return;
    };
    for (c, &anchor) in anchors.iter().enumerate().take(hi + 1).skip(lo) {
        if placed.iter().any(|(_, cols)| cols.contains(&c)) {
            continue;
        }
        let centre2 = center2(anchor);
        let distance = |p: (usize, usize)| {
            if centre2 < 2 * p.0 {
                2 * p.0 - centre2
            } else {
                centre2.saturating_sub(2 * p.1)
            }
        };
        let nearest = placed
            .iter()
            .enumerate()
            .filter(|(i, (_, cols))| !split[*i] && cols.iter().any(|&d| d + 1 == c || d == c + 1))
            .min_by_key(|(_, (p, _))| distance(*p))
            .map(|(i, _)| i);
        if let Some(i) = nearest {
            placed[i].1.push(c);
            placed[i].1.sort_unstable();
        }
    }
}

/// The columns a rule under a header phrase spans ("Three Months Ended" over
/// "------------------"): the rule token on the line below that holds the phrase's centre, with
/// the columns whose centres it covers.
fn rule_span(
    lines: &[Line<'_>],
    k: usize,
    p: (usize, usize),
    anchors: &[(usize, usize)],
) -> Option<((usize, usize), Vec<usize>)> {
    let below = lines.get(k + 1).filter(|l| l.rule)?;
    let centre2 = p.0 + p.1;
    // Centred under the phrase: a rule across the whole table is not a phrase's span.
    let rule = below
        .tokens
        .iter()
        .find(|t| is_rule_token(t.text) && (t.col + t.end_col).abs_diff(centre2) <= 6)?;
    let r = (rule.col, rule.end_col);
    let cols: Vec<usize> = (0..anchors.len())
        .filter(|&c| {
            let c2 = center2(anchors[c]);
            2 * r.0 <= c2 && c2 <= 2 * r.1
        })
        .collect();
    Some((r, cols))
}

fn push_heading(column: &mut Column, text: Text) {
    if column.span == Span::default() || column.heading.is_empty() {
        column.span = text.span;
    }
    column.heading.push(text);
}

/// Splits a phrase covering `n` columns into `n` repeated pieces ("Sept. 30, Sept. 30,"), at
/// month names or, failing that, after years.
fn split_repeated<'t, 'a>(phrase: &'t [Tok<'a>], n: usize) -> Vec<&'t [Tok<'a>]> {
    let months: Vec<usize> = (0..phrase.len())
        .filter(|&i| is_month_token(phrase[i].text) && phrase[i].text.len() >= 3)
        .collect();
    // Repeated dates are short: a month, a day, perhaps a year ("Sept. 30, 2003"). A longer
    // run after a month is prose ("Fiscal year ends June 30; three months ended March 31").
    let short = months.iter().enumerate().all(|(k, &m)| {
        let end = months.get(k + 1).copied().unwrap_or(phrase.len());
        end - m <= 3
    });
    if months.len() == n && short {
        let mut out = Vec::new();
        for (k, &m) in months.iter().enumerate() {
            let start = if k == 0 { 0 } else { m };
            let end = months.get(k + 1).copied().unwrap_or(phrase.len());
            out.push(&phrase[start..end]);
        }
        return out;
    }
    let years: Vec<usize> = (0..phrase.len())
        .filter(|&i| is_year_token(phrase[i].text))
        .collect();
    if years.len() == n {
        let mut out = Vec::new();
        let mut start = 0;
        for (k, &y) in years.iter().enumerate() {
            let end = if k + 1 == n { phrase.len() } else { y + 1 };
            out.push(&phrase[start..end]);
            start = end;
        }
        return out;
    }
    Vec::new()
}

fn phrases<'t, 'a>(tokens: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].col >= tokens[i - 1].end_col + 2 {
            if start < i {
                out.push(&tokens[start..i]);
            }
            start = i;
        }
    }
    out
}

fn phrase_text(phrase: &[Tok<'_>]) -> Text {
    let words: Vec<&str> = phrase.iter().map(|t| t.text).collect();
    Text {
        text: words.join(" "),
        span: phrase[0].span.join(phrase[phrase.len() - 1].span),
    }
}

fn label_text(tokens: &[Tok<'_>]) -> Option<Text> {
    let mut toks = tokens;
    // Leader dots: "Net sales .........  $5,001".
    while let Some(last) = toks.last() {
        if last.text.chars().all(|c| c == '.' || c == '_') {
            toks = &toks[..toks.len() - 1];
        } else {
            break;
        }
    }
    let first = toks.first()?;
    let last = toks.last()?;
    let n = toks.len();
    // The words joined by single spaces, written straight into one string.
    let mut text = String::with_capacity(last.span.end.saturating_sub(first.span.start));
    for (i, t) in toks.iter().enumerate() {
        let mut w = without_footnote_tag(t.text);
        if i + 1 == n {
            let trimmed = w.trim_end_matches('.');
            // Keep an abbreviation's own dot ("Inc."), drop leader dots ("net......").
            if w.len() - trimmed.len() > 1 {
                w = trimmed;
            }
        }
        if w.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
    }
    Some(Text {
        text,
        span: first.span.join(last.span),
    })
}

/// A word without an EDGAR footnote tag at its end (`taxes<F1>` is "taxes"; `<F2>` is
/// nothing).
fn without_footnote_tag(word: &str) -> &str {
    if !word.as_bytes().contains(&b'<') {
        return word;
    }
    let Some(open) = word.rfind("<F").or_else(|| word.rfind("<f")) else {
        return word;
    };
    let tag = &word[open + 2..];
    match tag.strip_suffix('>') {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => &word[..open],
        _ => word,
    }
}

/// A heading's text with footnote references and the trailing `:` or `-` removed, and
/// whether it ended so (a section heading).
fn heading_name(text: &str) -> (String, bool) {
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

#[derive(Default)]
struct Sections {
    group: Option<Text>,
    stack: Vec<Open>,
}

/// An open section heading ("Current assets:").
struct Open {
    indent: usize,
    text: Text,
    /// A row indented deeper than the heading has been seen: the section's rows are indented,
    /// so a row back at the heading's indent (or left of it) is outside it.
    deeper: bool,
}

impl Sections {
    fn heading(&mut self, indent: usize, text: Text) {
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
    fn row(&mut self, indent: usize) -> bool {
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
    fn close(&mut self, label: &str) {
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
    fn close_activities(&mut self, label: &str) {
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

    fn current(&self) -> Vec<Text> {
        self.group
            .iter()
            .chain(self.stack.iter().map(|o| &o.text))
            .cloned()
            .collect()
    }
}

/// Lower-case words of a heading or label, punctuation dropped: "Stockholders' equity:" and
/// "stockholders equity" compare equal.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.replace('\'', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

struct Start {
    first_row: usize,
    pending: Vec<usize>,
    initial: Option<Text>,
}

/// Whether `next` continues the text of `prev` (a wrapped label or heading).
fn continues(lines: &[Line<'_>], prev: usize, next: usize) -> bool {
    let p = &lines[prev];
    let n = &lines[next];
    if prev + 1 != next {
        return false;
    }
    let Some(own) = n.label_tokens().first() else {
        return !heading_name(&collapse(p.text)).1;
    };
    // "Selling, general and admin-" over "istrative": a word broken at the line's end, not a
    // heading ending in a dash ("Consolidated Earnings-").
    let broken = p
        .text
        .trim_end()
        .strip_suffix('-')
        .is_some_and(|t| t.ends_with(char::is_alphabetic));
    if broken && own.text.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    if heading_name(&collapse(p.text)).1 {
        // "Series B: 2,000,000 shares designated; shares issued and outstanding:" over
        // "1997, 1,943,666; 1996, 1,191,666": a colon ends a heading unless the next line,
        // indented under it, goes on with a number or in lower case, as no row label starts.
        return n.indent() > p.indent()
            && own
                .text
                .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    }
    // A line that opens with a number ("$30,870, respectively") or follows a line left open
    // ("Income before income taxes and" / "Cumulative Effect of Accounting Change") goes on
    // with the same label.
    let open_ended = p.label_tokens().last().is_some_and(|t| {
        t.text.ends_with(',') || OPEN_ENDINGS.contains(&t.text.to_ascii_lowercase().as_str())
    });
    n.indent() > p.indent()
        || own
            .text
            .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == '$')
        || open_ended
}

/// Words a wrapped label's line ends on when the label goes on below.
const OPEN_ENDINGS: &[&str] = &[
    "and", "of", "for", "from", "in", "on", "to", "the", "before", "after", "&",
];

/// Whether `line` continues the label of the data row just above it (indented `row_indent`):
/// it is indented deeper, starts in lower case, and has no number under a column.
fn continues_below(line: &Line<'_>, row_indent: usize, table: &Table) -> bool {
    let left_edge = table.columns.first().map_or(0, |c| c.extent.0);
    // Indented under the row, or a few words at its margin ("Shares used in computing basic
    // earnings (loss)   26,207" over "per share").
    let short = line.tokens.len() <= 3;
    (line.indent() > row_indent || (short && line.indent() == row_indent))
        && line
            .tokens
            .first()
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_lowercase()))
        && line.cells.iter().all(|c| c.end_col <= left_edge)
}

/// A line that only refers to notes: "(See Notes)".
fn is_note_reference(line: &Line<'_>) -> bool {
    line.cells.is_empty() && heading_name(&collapse(line.text)).0.is_empty()
}

/// How many of the last pending lines continue one another (a label wrapped over them).
fn wrapped_run(lines: &[Line<'_>], pending: &[usize]) -> usize {
    let mut n = usize::from(!pending.is_empty());
    while n < pending.len()
        && continues(
            lines,
            pending[pending.len() - n - 1],
            pending[pending.len() - n],
        )
    {
        n += 1;
    }
    n
}

/// Joins wrapped text with a space; a word broken at the line's end ("admin-" / "istrative")
/// is joined whole.
fn join(a: Text, b: Text) -> Text {
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

fn body(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    start: Start,
    end: usize,
    by_spec: bool,
    table: &mut Table,
) -> Result<usize, Error> {
    let mut sections = Sections::default();
    if let Some(t) = start.initial {
        sections.heading(0, t);
    }
    let block = blocks.block(start.first_row);
    let max_pending = if block.is_some() {
        MAX_PENDING_MARKED
    } else {
        MAX_PENDING
    };
    let mut pending = start.pending;
    let mut empty_run = 0;
    let mut ruled = false;
    let mut last_row = start.first_row;
    let mut k = start.first_row;
    while k < end {
        let line = &lines[k];
        if block.is_some() && blocks.block(k) != block {
            break;
        }
        if line.is_blank() {
            if line.is_empty() {
                empty_run += 1;
                if empty_run >= 2 && block.is_none() {
                    break;
                }
            }
            ruled |= line.rule && !table.rows.is_empty();
            k += 1;
            continue;
        }
        empty_run = 0;
        // The rest of the previous row's label, wrapped below it: "Series B: ... issued and"
        // over "outstanding: 1998, 1,949,726; 1997, 1,943,666", whose numbers stand left of
        // the first column and belong to the words.
        if pending.is_empty()
            && !table.rows.is_empty()
            && last_row + 1 == k
            && continues_below(line, lines[last_row].indent(), table)
            && let Some(rest) = text_of_tokens(&line.tokens)
            && let Some(prev) = table.rows.last_mut()
        {
            prev.label = join(prev.label.clone(), rest);
            last_row = k;
            k += 1;
            continue;
        }
        if line.is_year_line() || (line.cells.is_empty() && line.year_tokens().count() >= 2) {
            break;
        }
        if is_note_reference(line) {
            k += 1;
            continue;
        }
        if !line.is_data_row() {
            // A label wrapped over up to five lines is read whole, however many label-only
            // lines stand before it.
            let wrapping = pending.last().is_some_and(|&p| continues(lines, p, k))
                && wrapped_run(lines, &pending) < MAX_WRAP;
            // Lines that end clear of the columns are labels and headings, not prose: an
            // equity caption may run over many ("Serial preferred stock, $1.00 par value;
            // 10,000,000" / "shares authorized; none" / ...).
            let left_edge = table.columns.first().map_or(0, |c| c.extent.0);
            let in_labels = |p: usize| {
                lines[p]
                    .tokens
                    .last()
                    .is_some_and(|t| t.end_col + 2 <= left_edge)
            };
            let labels_only = in_labels(k)
                && pending.len() < MAX_LABEL_RUN
                && pending.iter().all(|&p| in_labels(p));
            if pending.len() >= max_pending && !wrapping && !labels_only {
                break;
            }
            pending.push(k);
            k += 1;
            continue;
        }
        // A data row: settle the pending lines as headings or the start of its label.
        let mut wrap: Vec<usize> = Vec::new();
        let mut next = k;
        while let Some(&last) = pending.last() {
            if wrap.len() >= MAX_WRAP || !continues(lines, last, next) {
                break;
            }
            wrap.push(last);
            pending.pop();
            next = last;
        }
        wrap.reverse();
        // The remaining pending lines are headings; a heading wrapped over lines is one.
        let mut idx = 0;
        while idx < pending.len() {
            let first = pending[idx];
            let mut text = text_of(&lines[first]);
            while idx + 1 < pending.len() && continues(lines, pending[idx], pending[idx + 1]) {
                idx += 1;
                if let (Some(t), Some(more)) = (text.take(), text_of(&lines[pending[idx]])) {
                    text = Some(join(t, more));
                }
            }
            // An equity caption with no amounts ("Serial preferred stock, $1.00 par value;
            // 10,000,000 shares authorized; none issued or outstanding") that opens no section
            // (no colon) is a row left blank, not a heading over the rows below it.
            let blank_row = |t: &Text| is_blank_caption(&t.text) && !t.text.ends_with(':');
            if let Some(t) = text.filter(|t| !blank_row(t)) {
                sections.heading(lines[first].indent(), t);
            }
            idx += 1;
        }
        pending.clear();
        let first_label_line = wrap.first().copied();
        let mut label: Option<Text> = None;
        for w in wrap {
            if let Some(t) = text_of(&lines[w]) {
                label = Some(match label {
                    Some(l) => join(l, t),
                    None => t,
                });
            }
        }
        // Under `<C>` columns, numbers left of the first column are part of the label
        // ("$0.30 - $0.50" as a row label).
        let left_edge = table.columns.first().map_or(0, |c| c.extent.0);
        let in_label = if by_spec {
            line.cells
                .iter()
                .take_while(|c| c.end_col <= left_edge)
                .count()
        } else {
            0
        };
        let own = if in_label > 0 {
            let last = line.cells[in_label - 1].span;
            let toks: Vec<Tok<'_>> = line
                .tokens
                .iter()
                .filter(|t| t.span.end <= last.end)
                .cloned()
                .collect();
            label_text(&toks)
        } else {
            label_text(line.label_tokens())
        };
        let label = match (label, own) {
            (Some(w), Some(o)) => join(w, o),
            (Some(w), None) => w,
            (None, Some(o)) => o,
            (None, None) => Text {
                text: String::new(),
                span: Span::new(line.cells[0].span.start, line.cells[0].span.start),
            },
        };
        let label = continue_dashed(label, table.rows.last().map(|r| r.label.text.as_str()));
        // A ruled row with no label under an open section is its total ("Costs and
        // expenses:" ... "-------" / "87,823").
        let label = match sections.stack.last() {
            Some(open) if label.text.is_empty() && ruled => Text {
                text: format!("Total {}", open.text.text),
                span: label.span,
            },
            _ => label,
        };
        let placed = place_cells(source, &line.cells[in_label..], table, by_spec).or_else(|d| {
            place_with_shares(source, &line.cells[in_label..], table, by_spec).ok_or(d)
        });
        let cells = match placed {
            Ok(cells) => cells,
            Err(defect) => {
                // The row is left out; the table's first such row decides, once its meaning
                // is known, whether the release stops (see `Table::defect`).
                table.defect.get_or_insert(defect);
                last_row = k;
                k += 1;
                continue;
            }
        };
        let closes = label.text.to_ascii_lowercase().starts_with("total");
        let label_indent = first_label_line.map_or(line.indent(), |l| lines[l].indent());
        let left_section = sections.row(label_indent);
        let name = label.text.clone();
        table.rows.push(Row {
            label,
            sections: sections.current(),
            cells,
            ruled: std::mem::take(&mut ruled),
        });
        if closes && !left_section {
            sections.close(&name);
        }
        sections.close_activities(&name);
        last_row = k;
        k += 1;
    }
    name_balance_totals(table);
    Ok(last_row + 1)
}

/// A balance sheet's two unlabelled totals: the ruled rows with no label and the same numbers
/// are total assets (the first) and total liabilities and equity (the last).
fn name_balance_totals(table: &mut Table) {
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
    use super::*;

    #[test]
    fn every_scale_phrase_holds_a_scale_word() {
        for phrase in SCALE_PHRASES {
            assert!(crate::text::contains_any(phrase, SCALE_WORDS), "{phrase}");
        }
    }
}
