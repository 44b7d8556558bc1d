//! Table grids → [`Table`]s: the same model the text reader builds. Numbers are read cell by
//! cell with the text reader's [`classify`] (a number spread over cells, `$` | `1,234` | `)`,
//! is joined first); the grid columns the numbers stand in make the table's columns; the rows
//! above the first row of numbers are the column headings (cells over the columns) and the
//! title (cells at the label's place, and the paragraphs just above the table); label-only rows
//! below are section headings, read with the text reader's [`Sections`].

use crate::document::{Cell, Defect, Shown, Table, Text};
use crate::error::ErrorKind;
use crate::lexicon::dates::{is_year_token, numeric_date};
use crate::lexicon::phrases::{is_scale_line, is_statement_title, is_unaudited};
use crate::read::assemble;
use crate::read::cell::{Token, classify};
use crate::read::html::parse::{Grid, GridCell, Piece, is_space};
use crate::read::raw::MAX_COLUMNS;
use crate::read::raw::{
    GridColumn, HeaderCell, HeaderRow, Label, RawRow, RawTable, RowKind, Style,
};
use crate::source::{Source, Span};

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

/// A heading piece holding a year or a date.
fn is_dated(t: &Text) -> bool {
    t.text
        .split(|c: char| is_space(c) || c == ',')
        .any(|w| is_year_token(w.trim_matches(['(', ')', '.'])) || numeric_date(w).is_some())
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
        let Some((mut raw, dated)) = raw_table(&rows, &seg, k, above, &mut grid_title) else {
            continue;
        };
        let first_at = rows[seg.body[0]].at;
        let last_at = rows[*seg.body.last().unwrap_or(&seg.body[0])].at;
        if !dated {
            // Rows with no header continue the table before them, when they fit its columns.
            let target = match out.last_mut() {
                Some(t) => Some(t),
                None => previous.as_deref_mut(),
            };
            if let Some((table, end)) = target
                && raw.continues
                && raw.columns.len() == table.columns.len()
            {
                assemble::append(table, &raw.rows, raw.style);
                *end = last_at;
            }
            continue;
        }
        let prior_end = out
            .last()
            .map(|t| t.1)
            .or_else(|| previous.as_ref().map(|p| p.1));
        raw.gap = Some(prior_end.map_or(usize::MAX, |e| first_at.saturating_sub(e)));
        let table = assemble::table(raw);
        if !table.rows.is_empty() {
            out.push((table, last_at));
        }
    }
    out
}

/// The raw table of one segment of a grid (the `k`th), and whether a heading over its columns
/// is dated; `None` when it has no columns of numbers, or more than a table may have.
/// `grid_title` is the title of the grid's first table, which later ones go by.
fn raw_table(
    rows: &[RowText],
    seg: &Segment,
    k: usize,
    above: &[Option<Text>],
    grid_title: &mut Vec<Text>,
) -> Option<(RawTable, bool)> {
    let columns = number_columns(rows, &seg.body);
    if columns.is_empty() || columns.len() > MAX_COLUMNS {
        return None;
    }
    let label_col = seg
        .body
        .iter()
        .filter_map(|&r| rows[r].cells.first())
        .map(|c| c.col)
        .min()
        .unwrap_or(0);
    let label_end = columns[0].0;
    let mut header: Vec<HeaderRow> = Vec::new();
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
        let mut row = HeaderRow::default();
        for cell in &rows[h].cells {
            let over: Vec<usize> = (0..columns.len())
                .filter(|&i| overlap(columns[i], (cell.col, cell.end)) > 0)
                .collect();
            let heads = cell.col > label_col && !over.is_empty();
            let mut heading = HeaderCell {
                lines: Vec::new(),
                columns: over.first().map_or(0..0, |&a| a..over[over.len() - 1] + 1),
            };
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
                    heading.lines.push(line.clone());
                } else if cell.col < label_end {
                    in_grid_title |= is_statement_title(&line.text);
                    title.push(line.clone());
                }
            }
            if !heading.lines.is_empty() {
                row.cells.push(heading);
            }
        }
        header.push(row);
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
        *grid_title = title.clone();
    } else if !in_grid_title {
        let mut t = grid_title.clone();
        t.append(&mut title);
        title = t;
    }
    // A column goes by its lowest heading piece, else by its first number.
    let grid_columns: Vec<GridColumn> = columns
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| GridColumn {
            extent: (a, b),
            span: header
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| c.columns.contains(&i))
                .filter_map(|c| c.lines.last())
                .next_back()
                .map(|t| t.span)
                .or_else(|| {
                    seg.body
                        .iter()
                        .flat_map(|&r| &rows[r].numbers)
                        .find(|n| overlap((n.col, n.end), (a, b)) > 0)
                        .map(|n| n.span)
                })
                .unwrap_or_default(),
        })
        .collect();
    // Every header cell stands over a column and has a line.
    let mut cells = header.iter().flat_map(|r| &r.cells);
    let dated = cells.clone().any(|c| c.lines.iter().any(is_dated));
    let continues = cells.next().is_none() && title.is_empty();
    let raw = RawTable {
        title,
        scale,
        columns: grid_columns,
        header,
        rows: raw_rows(rows, &body_rows, &columns, label_end),
        gap: None,
        style: Style {
            points: true,
            heading_rows: true,
            drop_empty: true,
            dashed: false,
        },
        continues,
    };
    Some((raw, dated))
}

/// The rows below a table's header as raw rows: each row's label (the text cells left of the
/// numbers) and its numbers placed in the columns.
fn raw_rows(
    rows: &[RowText],
    indices: &[usize],
    columns: &[(usize, usize)],
    label_end: usize,
) -> Vec<RawRow> {
    let label_of = |row: &RowText| -> Option<Label> {
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
        Some(Label {
            text: Text { text, span },
            indent,
            bold,
        })
    };
    let mut out = Vec::with_capacity(indices.len());
    let mut rule_below = false;
    for &r in indices {
        let row = &rows[r];
        let numeric_area = |c: &&CellText| c.end > label_end;
        let above = row.cells.iter().filter(numeric_area).any(|c| c.rule_above);
        let rule_above = above || rule_below;
        rule_below = row.cells.iter().filter(numeric_area).any(|c| c.rule_below);
        let kind = match row.kind {
            Kind::Empty => continue,
            Kind::Text | Kind::Dated => RowKind::Heading {
                dated: row.kind == Kind::Dated,
            },
            Kind::Data => RowKind::Data {
                cells: cells(row, columns, label_end),
                first: row.numbers.first().map_or(Span::default(), |n| n.span),
            },
        };
        let mut label = label_of(row);
        if let (RowKind::Data { .. }, Some(l)) = (&kind, label.as_mut()) {
            // Leader dots: "Net sales ........".
            let trimmed = l.text.text.trim_end_matches(['.', ' ']);
            if trimmed.len() + 1 < l.text.text.len() {
                l.text.text = trimmed.to_string();
            }
        }
        out.push(RawRow {
            label,
            kind,
            rule_above,
        });
    }
    out
}

/// A row's numbers right of the label, placed in the columns; the first that cannot be read,
/// or that falls in a column already taken, makes the row a defect.
fn cells(row: &RowText, columns: &[(usize, usize)], label_end: usize) -> Result<Vec<Cell>, Defect> {
    let mut cells: Vec<Cell> = Vec::new();
    for num in row.numbers.iter().filter(|n| n.end > label_end) {
        let column = column_of(columns, (num.col, num.end));
        match &num.shown {
            Err(why) => {
                return Err(Defect {
                    kind: ErrorKind::Number,
                    span: num.span,
                    message: why.clone(),
                });
            }
            Ok(shown) => {
                if cells.iter().any(|c| c.column == column) {
                    return Err(Defect {
                        kind: ErrorKind::Table,
                        span: num.span,
                        message: format!(
                            "two numbers under one column of {} columns",
                            columns.len()
                        ),
                    });
                }
                cells.push(Cell {
                    span: num.span,
                    column,
                    number: *shown,
                });
            }
        }
    }
    Ok(cells)
}
