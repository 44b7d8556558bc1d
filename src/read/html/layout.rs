//! Table grids → [`Table`]s: the same model the text reader builds. Numbers are read cell by
//! cell with the text reader's [`classify`] (a number spread over cells, `$` | `1,234` | `)`,
//! is joined first); the grid columns the numbers stand in make the table's columns; the rows
//! above the first row of numbers are the column headings (cells over the columns) and the
//! title (cells at the label's place, and the paragraphs just above the table); label-only rows
//! below are section headings, read with the text reader's [`Sections`].

use crate::document::{Cell, Column, Defect, Row, Shown, Table, Text};
use crate::error::ErrorKind;
use crate::lexicon::dates::{is_year_token, numeric_date};
use crate::read::cell::{Token, classify};
use crate::read::html::parse::{Grid, GridCell, Piece, is_space};
use crate::read::table::{Sections, is_scale_line, is_statement_title, is_unaudited};
use crate::source::{Source, Span};

/// The most columns a table may have (as for text).
const MAX_COLUMNS: usize = 64;
/// How many paragraph lines above a table may be its title.
const TITLE_LINES: usize = 6;
/// A paragraph longer than this is prose, not a title.
const TITLE_CHARS: usize = 200;
/// A title line across a blank line from the rest is at most this long.
const TITLE_SHORT: usize = 80;
/// Points of indentation a grid column stands for (labels indented by empty cells).
const COLUMN_INDENT: f32 = 20.0;
/// Points of indentation a leading no-break space stands for.
const SPACE_INDENT: f32 = 3.0;

/// A cell's text, read.
#[derive(Clone, Debug)]
struct CellText {
    col: usize,
    end: usize,
    /// The text with runs of white space as one space.
    text: String,
    span: Span,
    /// Each line of the cell, trimmed.
    lines: Vec<Text>,
    bold: bool,
    indent: f32,
    rule_above: bool,
    rule_below: bool,
}

/// A number read from one or more cells.
#[derive(Clone, Debug)]
struct Number {
    /// The grid columns of the cell holding the digits.
    col: usize,
    end: usize,
    span: Span,
    shown: Result<Shown, String>,
    year: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Empty,
    Text,
    Dated,
    Data,
}

struct RowText {
    cells: Vec<CellText>,
    numbers: Vec<Number>,
    kind: Kind,
    /// Grid position of the row (for the distance between tables).
    at: usize,
}

/// Trims white space and no-break-space entities from both ends of a span of source text.
fn trim_span(source: &Source, span: Span) -> Span {
    let text = source.text();
    let (mut s, mut e) = (span.start.min(text.len()), span.end.min(text.len()));
    const ENTITIES: [&str; 3] = ["&nbsp;", "&#160;", "&#xa0;"];
    loop {
        let rest = &text.as_bytes()[s..e];
        if let Some(&b) = rest.first()
            && b.is_ascii_whitespace()
        {
            s += 1;
            continue;
        }
        if let Some(n) = ENTITIES
            .iter()
            .find(|x| rest.len() >= x.len() && rest[..x.len()].eq_ignore_ascii_case(x.as_bytes()))
        {
            s += n.len();
            continue;
        }
        break;
    }
    loop {
        let rest = &text.as_bytes()[s..e];
        if let Some(&b) = rest.last()
            && b.is_ascii_whitespace()
        {
            e -= 1;
            continue;
        }
        if let Some(n) = ENTITIES.iter().find(|x| {
            rest.len() >= x.len() && rest[rest.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
        }) {
            e -= n.len();
            continue;
        }
        break;
    }
    // A non-breaking space as a character (U+00A0) is two bytes; trim those too.
    while text[s..e].starts_with('\u{a0}') {
        s += 2;
    }
    while text[s..e].ends_with('\u{a0}') {
        e -= 2;
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) || s >= e {
        return span;
    }
    Span::new(s, e)
}

/// Collapses white space (no-break spaces included) to single spaces.
fn collapse(s: &str) -> String {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a run of pieces, with its trimmed span.
fn text_of(source: &Source, pieces: &[Piece]) -> Option<Text> {
    let shown: Vec<&Piece> = pieces
        .iter()
        .filter(|p| !p.text.trim_matches(is_space).is_empty())
        .collect();
    let (first, last) = (shown.first()?, shown.last()?);
    let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
    let start = trim_span(source, first.span).start;
    let end = trim_span(source, last.span).end.max(start);
    Some(Text {
        text: collapse(&joined),
        span: Span::new(start, end),
    })
}

fn read_cell(source: &Source, cell: &GridCell) -> CellText {
    let lines: Vec<Text> = cell
        .lines
        .iter()
        .filter_map(|l| text_of(source, l))
        .collect();
    let text = lines
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let span = match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => a.span.join(b.span),
        _ => cell.span,
    };
    let shown: Vec<&Piece> = cell
        .lines
        .iter()
        .flatten()
        .filter(|p| !p.text.trim_matches(is_space).is_empty())
        .collect();
    let bold = !shown.is_empty() && shown.iter().all(|p| p.bold);
    let lead = cell
        .lines
        .iter()
        .flatten()
        .map(|p| p.text.as_str())
        .collect::<String>();
    let spaces = if cell.opens_with_mark {
        0
    } else {
        lead.chars().take_while(|&c| c == '\u{a0}').count().min(40)
    };
    let indent = shown.first().map_or(0.0, |p| p.indent) + spaces as f32 * SPACE_INDENT;
    CellText {
        col: cell.col,
        end: cell.end,
        text,
        span,
        lines,
        bold,
        indent,
        rule_above: cell.rule_above,
        rule_below: cell.rule_below,
    }
}

/// A cell's text as one number token: "$ 1,234" is "$1,234".
fn compact(text: &str) -> String {
    text.chars().filter(|c| !is_space(*c)).collect()
}

fn is_prefix(t: &str) -> bool {
    matches!(t, "$" | "(" | "$(" | "($" | "-$" | "$-")
}

fn is_suffix(t: &str) -> bool {
    matches!(t, ")" | "%" | ")%" | "%)" | "*") || points(t).is_some()
}

/// A unit of points after a number ("1.5 pts", "(1.5 pts)"): what it leaves of the number's
/// closing parenthesis.
fn points(t: &str) -> Option<&'static str> {
    let unit = t.trim_end_matches(')');
    let closed = t.len() - unit.len();
    (["pts", "pts.", "pt", "pt.", "bps", "bp", "ppts"].contains(&unit) && closed <= 1)
        .then_some(if closed == 1 { ")" } else { "" })
}

fn is_numeric(t: &str) -> bool {
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let numberish = t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"$(),.%-".contains(&b));
    numberish || matches!(classify(t), Token::Number(_))
}

/// The numbers of a row: every numeric cell after the label, with the `$`, `(`, `)` and `%`
/// cells beside it.
fn numbers(cells: &[CellText], from: usize) -> Vec<Number> {
    let mut out = Vec::new();
    let mut prefix: Vec<usize> = Vec::new();
    let mut i = from;
    while i < cells.len() {
        let t = compact(&cells[i].text);
        if t.is_empty() {
            i += 1;
            continue;
        }
        if is_prefix(&t) {
            prefix.push(i);
            i += 1;
            continue;
        }
        if !is_numeric(&t) {
            prefix.clear();
            i += 1;
            continue;
        }
        let mut joined: String = prefix.iter().map(|&p| compact(&cells[p].text)).collect();
        joined.push_str(&t);
        let digits = i;
        i += 1;
        while i < cells.len() {
            let s = compact(&cells[i].text);
            if s.is_empty() {
                i += 1;
                continue;
            }
            if is_suffix(&s) {
                joined.push_str(points(&s).unwrap_or(&s));
                i += 1;
                continue;
            }
            break;
        }
        prefix.clear();
        let year = is_year_token(&joined);
        let shown = match classify(&joined) {
            Token::Number(n) => Ok(n),
            // A dash or "n/a" with a `%` or `)` beside it is still that.
            _ if matches!(classify(&t), Token::Number(n) if n.dash || n.not_available) => {
                match classify(&t) {
                    Token::Number(n) => Ok(n),
                    _ => Err(String::new()),
                }
            }
            Token::Malformed(why) => Err(why),
            Token::Dollar | Token::Word => Err(format!("\"{joined}\" is not a number")),
        };
        // A cell of an HTML statement holding an em dash alone is a nil amount: zero, as the
        // filers' own XBRL reports it (`ixt:fixed-zero`). A double dash stays "no amount".
        let shown = shown.map(|n| {
            if n.not_available && t == "\u{2014}" {
                Shown {
                    dash: true,
                    not_available: false,
                    ..n
                }
            } else {
                n
            }
        });
        // The span is the digits' cell: the `$` and `)` beside it are other cells, with
        // markup between.
        out.push(Number {
            col: cells[digits].col,
            end: cells[digits].end,
            span: cells[digits].span,
            shown,
            year,
        });
    }
    out
}

fn read_row(source: &Source, cells: &[GridCell], at: usize) -> RowText {
    let cells: Vec<CellText> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| read_cell(source, c))
        .collect();
    let first_numeric = cells
        .first()
        .is_some_and(|c| is_numeric(&compact(&c.text)) || is_prefix(&compact(&c.text)));
    let numbers = numbers(&cells, usize::from(!first_numeric && !cells.is_empty()));
    let dated_words = cells
        .iter()
        .filter(|c| {
            c.text
                .split(is_space)
                .any(|w| is_year_token(w) || numeric_date(w).is_some())
        })
        .count();
    let kind = if cells.is_empty() {
        Kind::Empty
    } else if numbers.iter().any(|n| !n.year) {
        Kind::Data
    } else if !numbers.is_empty() || dated_words >= 2 {
        Kind::Dated
    } else {
        Kind::Text
    };
    RowText {
        cells,
        numbers,
        kind,
        at,
    }
}

/// Each row of a grid with no numbers as a line of text (`None` for an empty row): a table
/// used for layout, whose rows are the page's lines (a title set in a table beside a logo).
pub fn lines(source: &Source, grid: &Grid) -> Vec<Option<Text>> {
    grid.rows
        .iter()
        .map(|r| {
            let cells: Vec<CellText> = r
                .cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| read_cell(source, c))
                .collect();
            let (first, last) = (cells.first()?, cells.last()?);
            Some(Text {
                text: cells
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                span: first.span.join(last.span),
            })
        })
        .collect()
}

/// Grid columns that hold no cell's start are dropped: a table drawn with spacer columns reads
/// as the columns it shows.
fn collapse_columns(grid: &mut Grid) {
    let width = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.end))
        .max()
        .unwrap_or(0);
    let mut kept = vec![false; width + 1];
    for cell in grid.rows.iter().flat_map(|r| &r.cells) {
        if !cell.is_empty() {
            kept[cell.col] = true;
        }
    }
    // rank[c] = kept columns before c.
    let mut rank = Vec::with_capacity(width + 1);
    let mut n = 0;
    for &k in &kept {
        rank.push(n);
        n += usize::from(k);
    }
    for cell in grid.rows.iter_mut().flat_map(|r| &mut r.cells) {
        let col = rank[cell.col];
        let end = rank[cell.end.min(width)].max(col + 1);
        cell.col = col;
        cell.end = end;
    }
}

/// A table found in a grid: the rows above its first row of numbers and the rows from there.
struct Segment {
    head: Vec<usize>,
    body: Vec<usize>,
}

fn segments(rows: &[RowText]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut head: Vec<usize> = Vec::new();
    let mut body: Vec<usize> = Vec::new();
    let mut since: Vec<usize> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match row.kind {
            Kind::Empty => {}
            Kind::Text => since.push(i),
            Kind::Dated => {
                if !body.is_empty() {
                    out.push(Segment {
                        head: std::mem::take(&mut head),
                        body: std::mem::take(&mut body),
                    });
                }
                since.push(i);
            }
            Kind::Data => {
                if body.is_empty() {
                    head.append(&mut since);
                } else {
                    body.append(&mut since);
                }
                body.push(i);
            }
        }
    }
    if !body.is_empty() {
        out.push(Segment { head, body });
    }
    out
}

/// The grid columns of the numbers: the narrowest ranges first, each kept when it overlaps none
/// kept before (a number in a cell spanning two columns falls in one of them).
fn number_columns(rows: &[RowText], body: &[usize]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = body
        .iter()
        .flat_map(|&r| rows[r].numbers.iter().filter(|n| !n.year))
        .map(|n| (n.col, n.end))
        .collect();
    ranges.sort_by_key(|&(a, b)| (b - a, a));
    ranges.dedup();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        if kept.iter().all(|k| r.1 <= k.0 || r.0 >= k.1) {
            kept.push(r);
        }
        if kept.len() > MAX_COLUMNS {
            break;
        }
    }
    kept.sort_unstable();
    kept
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The column a number in grid columns `range` stands in: the one it overlaps most, else the
/// nearest.
fn column_of(columns: &[(usize, usize)], range: (usize, usize)) -> usize {
    let mut best = 0;
    let mut best_key = (0, usize::MAX);
    for (i, &c) in columns.iter().enumerate() {
        let centre = |r: (usize, usize)| r.0 + r.1;
        let key = (overlap(c, range), centre(c).abs_diff(centre(range)));
        if key.0 > best_key.0 || (key.0 == best_key.0 && key.1 < best_key.1) {
            best = i;
            best_key = key;
        }
    }
    best
}

fn is_dated(column: &Column) -> bool {
    column.heading.iter().any(|t| {
        t.text
            .split(|c: char| is_space(c) || c == ',')
            .any(|w| is_year_token(w.trim_matches(['(', ')', '.'])) || numeric_date(w).is_some())
    })
}

/// Reads the tables of one grid. `above` are the paragraph lines between the previous table
/// and this one (nearest last; `None` for a blank line); `previous` the last table read from
/// this page, which rows with no header of their own continue.
pub fn tables(
    source: &Source,
    mut grid: Grid,
    above: &[Option<Text>],
    position: usize,
    previous: Option<&mut (Table, usize)>,
) -> Vec<(Table, usize)> {
    collapse_columns(&mut grid);
    let rows: Vec<RowText> = grid
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| read_row(source, &r.cells, position + i))
        .collect();
    let mut out: Vec<(Table, usize)> = Vec::new();
    let mut previous = previous;
    let mut grid_title: Vec<Text> = Vec::new();
    for (k, seg) in segments(&rows).into_iter().enumerate() {
        let columns = number_columns(&rows, &seg.body);
        if columns.is_empty() || columns.len() > MAX_COLUMNS {
            continue;
        }
        let label_col = seg
            .body
            .iter()
            .filter_map(|&r| rows[r].cells.first())
            .map(|c| c.col)
            .min()
            .unwrap_or(0);
        let label_end = columns[0].0;
        let mut cols: Vec<Column> = columns
            .iter()
            .map(|&(a, b)| Column {
                heading: Vec::new(),
                span: Span::default(),
                extent: (a, b),
            })
            .collect();
        let mut title: Vec<Text> = Vec::new();
        let mut scale: Option<Text> = None;
        let mut in_grid_title = false;
        // The rows below the last one that heads columns are the first rows' headings
        // ("Net sales:" under the dates).
        let heads_columns = |h: usize| {
            rows[h].kind == Kind::Dated
                || rows[h].cells.iter().any(|c| {
                    c.col > label_col
                        && columns.iter().any(|&k| overlap(k, (c.col, c.end)) > 0)
                        && !is_scale_line(&c.text)
                        && !is_unaudited(&c.text)
                })
        };
        let split = seg
            .head
            .iter()
            .rposition(|&h| heads_columns(h))
            .map_or(0, |p| p + 1);
        let (head, first_headings) = seg.head.split_at(split);
        let body_rows: Vec<usize> = first_headings.iter().chain(&seg.body).copied().collect();
        for &h in head {
            for cell in &rows[h].cells {
                let over: Vec<usize> = (0..cols.len())
                    .filter(|&i| overlap(columns[i], (cell.col, cell.end)) > 0)
                    .collect();
                let heads = cell.col > label_col && !over.is_empty();
                for line in &cell.lines {
                    if is_unaudited(&line.text) {
                        continue;
                    }
                    if is_scale_line(&line.text) {
                        scale = Some(line.clone());
                        if is_statement_title(&line.text) {
                            title.push(line.clone());
                        }
                    } else if heads {
                        for &i in &over {
                            cols[i].heading.push(line.clone());
                        }
                    } else if cell.col < label_end {
                        in_grid_title |= is_statement_title(&line.text);
                        title.push(line.clone());
                    }
                }
            }
        }
        // The paragraphs just above the table: its title and scale, unless the table carries
        // its own title in its first rows.
        if k == 0 && !in_grid_title {
            let mut lines: Vec<Text> = Vec::new();
            let mut i = above.len();
            while i > 0 && above[i - 1].is_none() && above.len() - i < 2 {
                i -= 1;
            }
            while i > 0 && lines.len() < TITLE_LINES {
                match &above[i - 1] {
                    Some(t) if !t.text.is_empty() && t.text.chars().count() <= TITLE_CHARS => {
                        lines.push(t.clone());
                    }
                    // One blank line between title lines ("THE BUCKLE, INC." / "" /
                    // "CONSOLIDATED STATEMENTS OF INCOME"), not before a sentence.
                    None if i >= 2
                        && !lines.is_empty()
                        && above[i - 2].as_ref().is_some_and(|t| {
                            !t.text.is_empty()
                                && t.text.chars().count() <= TITLE_SHORT
                                && !(t.text.ends_with('.') && t.text.split_whitespace().count() > 5)
                        }) => {}
                    _ => break,
                }
                i -= 1;
            }
            lines.reverse();
            let mut own: Vec<Text> = Vec::new();
            for line in lines {
                if is_scale_line(&line.text) {
                    if scale.is_none() {
                        scale = Some(line.clone());
                    }
                    if is_statement_title(&line.text) {
                        own.push(line);
                    }
                } else if !is_unaudited(&line.text) {
                    own.push(line);
                }
            }
            own.append(&mut title);
            title = own;
        }
        // A later table of the same grid with no statement title of its own goes by the
        // first one's ("RECONCILIATION OF GAAP TO NON-GAAP" over its footnotes' tables).
        if k == 0 {
            grid_title = title.clone();
        } else if !in_grid_title {
            let mut t = grid_title.clone();
            t.append(&mut title);
            title = t;
        }
        for (c, &(a, b)) in cols.iter_mut().zip(&columns) {
            c.span = match c.heading.last() {
                Some(t) => t.span,
                None => seg
                    .body
                    .iter()
                    .flat_map(|&r| &rows[r].numbers)
                    .find(|n| overlap((n.col, n.end), (a, b)) > 0)
                    .map_or(Span::default(), |n| n.span),
            };
        }
        let first_at = rows[seg.body[0]].at;
        let last_at = rows[*seg.body.last().unwrap_or(&seg.body[0])].at;
        if !cols.iter().any(is_dated) {
            // Rows with no header continue the table before them, when they fit its columns.
            let continues = cols.iter().all(|c| c.heading.is_empty()) && title.is_empty();
            let target = match out.last_mut() {
                Some(t) => Some(t),
                None => previous.as_deref_mut(),
            };
            if let Some((table, end)) = target
                && continues
                && cols.len() == table.columns.len()
            {
                let mut rows_out = body(source, &rows, &body_rows, &columns, label_end, table);
                table.rows.append(&mut rows_out.rows);
                table.defects.append(&mut rows_out.defects);
                *end = last_at;
            }
            continue;
        }
        let mut table = Table {
            title,
            scale,
            columns: cols,
            rows: Vec::new(),
            defects: Vec::new(),
            gap: None,
        };
        let built = body(source, &rows, &body_rows, &columns, label_end, &table);
        table.rows = built.rows;
        table.defects = built.defects;
        let prior_end = out
            .last()
            .map(|t| t.1)
            .or_else(|| previous.as_ref().map(|p| p.1));
        table.gap = Some(prior_end.map_or(usize::MAX, |e| first_at.saturating_sub(e)));
        crate::read::table::name_balance_totals(&mut table);
        if !table.rows.is_empty() {
            out.push((table, last_at));
        }
    }
    out
}

struct Body {
    rows: Vec<Row>,
    /// The rows that could not be read (quarantined if the table is reported).
    defects: Vec<Defect>,
}

/// The rows of a table: label-only rows are headings, rows of numbers its rows.
fn body(
    source: &Source,
    rows: &[RowText],
    indices: &[usize],
    columns: &[(usize, usize)],
    label_end: usize,
    table: &Table,
) -> Body {
    let _ = source;
    let mut out = Body {
        rows: Vec::new(),
        defects: Vec::new(),
    };
    let mut sections = Sections::default();
    let mut ruled = false;
    let mut rule_below = false;
    let label_of = |row: &RowText| -> Option<(Text, f32, bool)> {
        let cells: Vec<&CellText> = row
            .cells
            .iter()
            .filter(|c| {
                let t = compact(&c.text);
                c.col < label_end && !is_numeric(&t) && !is_prefix(&t) && !is_suffix(&t)
            })
            .collect();
        let first = cells.first()?;
        let text = cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let span = first.span.join(cells[cells.len() - 1].span);
        let indent = first.col as f32 * COLUMN_INDENT + first.indent;
        let bold = cells.iter().all(|c| c.bold);
        Some((Text { text, span }, indent, bold))
    };
    let width = |i: f32| (i.max(0.0) * 4.0) as usize;
    // The first row of a heading wrapped over two rows, waiting for the second.
    let mut carried: Option<(Text, f32)> = None;
    for (n, &r) in indices.iter().enumerate() {
        let row = &rows[r];
        let numeric_area = |c: &&CellText| c.end > label_end;
        let above = row.cells.iter().filter(numeric_area).any(|c| c.rule_above);
        if (above || rule_below) && !out.rows.is_empty() {
            ruled = true;
        }
        rule_below = row.cells.iter().filter(numeric_area).any(|c| c.rule_below);
        match row.kind {
            Kind::Empty => continue,
            Kind::Text | Kind::Dated => {
                let Some((text, indent, _)) = label_of(row) else {
                    continue;
                };
                // A heading wrapped over two rows ("Adjustments to reconcile net income to net
                // cash" / "provided by operating activities:"), the second going on in lower
                // case, is one heading.
                let (text, indent) = match carried.take() {
                    Some((first, first_indent)) => (join_heading(first, text), first_indent),
                    None => (text, indent),
                };
                let goes_on = indices.get(n + 1).is_some_and(|&j| {
                    matches!(rows[j].kind, Kind::Text)
                        && label_of(&rows[j]).is_some_and(|(t, _, _)| {
                            t.text.chars().next().is_some_and(|c| c.is_lowercase())
                        })
                });
                if goes_on && !text.text.trim_end().ends_with(':') {
                    carried = Some((text, indent));
                    continue;
                }
                // A heading not ending in ':' over rows indented deeper opens a section too.
                let next = indices[n + 1..]
                    .iter()
                    .find(|&&j| rows[j].kind == Kind::Data)
                    .and_then(|&j| label_of(&rows[j]));
                let deeper = next.is_some_and(|(_, i, _)| i > indent);
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
            Kind::Data => {
                let (label, indent, bold) = label_of(row).unwrap_or_else(|| {
                    let at = row.numbers.first().map_or(Span::default(), |n| n.span);
                    (
                        Text {
                            text: String::new(),
                            span: Span::new(at.start, at.start),
                        },
                        0.0,
                        false,
                    )
                });
                let label_text = label.text.trim_end_matches(['.', ' ']).to_string();
                let label = Text {
                    text: if label_text.len() + 1 < label.text.len() {
                        label_text
                    } else {
                        label.text
                    },
                    span: label.span,
                };
                if label.text.is_empty() && bold && !out.rows.is_empty() {
                    ruled = true;
                }
                let label = match sections.stack.last() {
                    Some(open) if label.text.is_empty() && ruled => Text {
                        text: format!("Total {}", open.text.text),
                        span: label.span,
                    },
                    _ => label,
                };
                let mut cells: Vec<Cell> = Vec::new();
                let mut defect = None;
                for num in row.numbers.iter().filter(|n| n.end > label_end) {
                    let column = column_of(columns, (num.col, num.end));
                    match &num.shown {
                        Err(why) => {
                            defect = Some(Defect {
                                kind: ErrorKind::Number,
                                span: num.span,
                                message: why.clone(),
                            });
                            break;
                        }
                        Ok(shown) => {
                            if cells.iter().any(|c| c.column == column) {
                                defect = Some(Defect {
                                    kind: ErrorKind::Table,
                                    span: num.span,
                                    message: format!(
                                        "two numbers under one column of {} columns",
                                        table.columns.len()
                                    ),
                                });
                                break;
                            }
                            cells.push(Cell {
                                span: num.span,
                                column,
                                number: *shown,
                            });
                        }
                    }
                }
                if let Some(d) = defect {
                    out.defects.push(d);
                    continue;
                }
                if cells.is_empty() {
                    continue;
                }
                let closes = label.text.to_ascii_lowercase().starts_with("total");
                let left = sections.row(width(indent));
                let name = label.text.clone();
                out.rows.push(Row {
                    label,
                    sections: sections.current(),
                    cells,
                    ruled: std::mem::take(&mut ruled),
                });
                if closes && !left {
                    sections.close(&name);
                }
                sections.close_activities(&name);
            }
        }
    }
    out
}

/// Two rows of one wrapped heading as one.
fn join_heading(first: Text, second: Text) -> Text {
    Text {
        text: format!("{} {}", first.text.trim_end(), second.text.trim_start()),
        span: first.span.join(second.span),
    }
}
