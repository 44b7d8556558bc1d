//! Finding tables in free text: the dated column header, the title and scale lines above it,
//! and the rows below it, with section headings and wrapped labels.

use crate::document::{Cell, Column, Row, Table, Text};
use crate::error::{Error, ErrorKind};
use crate::read::lines::{Line, Tok, is_year_token};
use crate::source::{Source, Span};

/// How far above a table's first row its dated header may be.
const HEADER_REACH: usize = 8;
/// Label-only lines in a row before the table is taken to have ended.
const MAX_PENDING: usize = 3;

/// Finds the tables among `lines[range]`.
pub fn find_tables(
    source: &Source,
    lines: &[Line<'_>],
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
        match find_header(lines, floor, i) {
            Some(bottom) => {
                let (table, end) = build(source, lines, floor, bottom, i, range.end)?;
                if !table.rows.is_empty() {
                    tables.push(table);
                }
                i = end.max(i + 1);
                floor = i;
            }
            None => {
                if looks_like_table(lines, i, range.end) {
                    let span = lines[i].cells[0].span;
                    return Err(Error::at(
                        ErrorKind::Period,
                        source,
                        lines[i].label_span().unwrap_or(span),
                        "this table has no dated column header: expected a header such as \
                         \"Three Months Ended / Sept. 30, / 2003\" above its first row",
                    ));
                }
                i += 1;
            }
        }
    }
    Ok(tables)
}

/// Several rows of two or more numbers close together: a table, dated or not.
fn looks_like_table(lines: &[Line<'_>], first: usize, end: usize) -> bool {
    let mut rows = 0;
    let mut gap = 0;
    for line in &lines[first..end] {
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
    if line.is_year_line() {
        return true;
    }
    line.cells.is_empty() && line.year_tokens().next().is_some() && line.indent() >= 8
}

fn find_header(lines: &[Line<'_>], floor: usize, first_row: usize) -> Option<usize> {
    let mut j = first_row;
    while j > floor && first_row - j < HEADER_REACH {
        j -= 1;
        let line = &lines[j];
        if line.is_data_row() {
            return None;
        }
        if is_dated(line) {
            return Some(j);
        }
    }
    None
}

fn is_scale_line(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "in thousands",
        "in millions",
        "in billions",
        "000's omitted",
        "000s omitted",
        "(000's)",
        "(000s)",
        "in whole dollars",
    ]
    .iter()
    .any(|k| t.contains(k))
}

fn is_unaudited(text: &str) -> bool {
    text.trim()
        .trim_matches(['(', ')'])
        .eq_ignore_ascii_case("unaudited")
}

fn text_of(line: &Line<'_>) -> Option<Text> {
    let first = line.tokens.first()?;
    let last = line.tokens.last()?;
    Some(Text {
        text: collapse(line.text.trim()),
        span: first.span.join(last.span),
    })
}

/// Collapses runs of whitespace to one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn build(
    source: &Source,
    lines: &[Line<'_>],
    floor: usize,
    bottom: usize,
    first_row: usize,
    end: usize,
) -> Result<(Table, usize), Error> {
    // Header block: the non-blank lines ending at the dated line.
    let mut top = bottom;
    while top > floor && !lines[top - 1].is_blank() && !lines[top - 1].is_data_row() {
        top -= 1;
    }
    let mut title = Vec::new();
    let mut scale = None;
    let mut header: Vec<usize> = Vec::new();
    for (k, line) in lines.iter().enumerate().take(bottom + 1).skip(top) {
        if is_scale_line(line.text) {
            scale = text_of(line);
        } else if is_unaudited(line.text) {
        } else {
            header.push(k);
        }
    }
    // Title: the non-blank group just above the header, across at most two blank lines.
    let mut k = top;
    let mut blanks = 0;
    while k > floor && lines[k - 1].is_blank() && blanks < 2 {
        k -= 1;
        blanks += 1;
    }
    let title_end = k;
    while k > floor && !lines[k - 1].is_blank() && !lines[k - 1].is_data_row() && title_end - k < 6
    {
        k -= 1;
    }
    if blanks > 0 || title_end == top {
        for line in &lines[k..title_end] {
            if is_scale_line(line.text) {
                scale = text_of(line);
            } else if !is_unaudited(line.text) {
                title.extend(text_of(line));
            }
        }
    }

    let columns = columns(lines, &header, bottom);
    let mut table = Table {
        title,
        scale,
        columns,
        rows: Vec::new(),
    };
    let end_line = body(source, lines, first_row, end, &mut table)?;
    Ok((table, end_line))
}

#[derive(Clone, Copy)]
struct Extent {
    col: usize,
    end_col: usize,
}

impl Extent {
    fn center2(self) -> usize {
        self.col + self.end_col
    }
}

fn is_month_token(text: &str) -> bool {
    crate::interpret::month_of(text).is_some()
}

fn columns(lines: &[Line<'_>], header: &[usize], bottom: usize) -> Vec<Column> {
    let anchors: Vec<&Tok<'_>> = lines[bottom].year_tokens().collect();
    let extents: Vec<Extent> = anchors
        .iter()
        .map(|t| Extent {
            col: t.col,
            end_col: t.end_col,
        })
        .collect();
    let mut headings: Vec<Vec<Text>> = vec![Vec::new(); anchors.len()];
    for &k in header {
        for phrase in phrases(&lines[k].tokens) {
            let p = Extent {
                col: phrase[0].col,
                end_col: phrase[phrase.len() - 1].end_col,
            };
            let covered: Vec<usize> = (0..extents.len())
                .filter(|&c| {
                    let c2 = extents[c].center2();
                    c2 + 2 >= 2 * p.col && c2 <= 2 * p.end_col + 2
                })
                .collect();
            match covered.len() {
                0 => {
                    // A piece beside its column rather than over its centre.
                    if let Some(c) = (0..extents.len()).find(|&c| {
                        p.end_col + 2 >= extents[c].col && p.col <= extents[c].end_col + 2
                    }) {
                        headings[c].push(phrase_text(phrase));
                    }
                }
                1 => headings[covered[0]].push(phrase_text(phrase)),
                n => {
                    let groups = split_repeated(phrase, n);
                    if groups.len() == n {
                        for group in groups {
                            let g = Extent {
                                col: group[0].col,
                                end_col: group[group.len() - 1].end_col,
                            };
                            let nearest = covered
                                .iter()
                                .copied()
                                .min_by_key(|&c| extents[c].center2().abs_diff(g.center2()))
                                .unwrap_or(covered[0]);
                            headings[nearest].push(phrase_text(group));
                        }
                    } else {
                        for c in covered {
                            headings[c].push(phrase_text(phrase));
                        }
                    }
                }
            }
        }
    }
    anchors
        .iter()
        .zip(headings)
        .map(|(a, heading)| Column {
            heading,
            span: a.span,
        })
        .collect()
}

/// Splits a phrase covering `n` columns into `n` repeated pieces ("Sept. 30, Sept. 30,"), at
/// month names or, failing that, after years.
fn split_repeated<'t, 'a>(phrase: &'t [Tok<'a>], n: usize) -> Vec<&'t [Tok<'a>]> {
    let months: Vec<usize> = (0..phrase.len())
        .filter(|&i| is_month_token(phrase[i].text))
        .collect();
    if months.len() == n {
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
    let words: Vec<String> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if i + 1 == toks.len() {
                t.text
                    .trim_end_matches('.')
                    .trim_end_matches("..")
                    .to_string()
            } else {
                t.text.to_string()
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    Some(Text {
        text: words.join(" "),
        span: first.span.join(last.span),
    })
}

#[derive(Default)]
struct Sections {
    group: Option<Text>,
    section: Option<Text>,
}

impl Sections {
    fn heading(&mut self, text: Text) {
        let trimmed = text.text.trim_end();
        if let Some(name) = trimmed.strip_suffix(':') {
            self.section = Some(Text {
                text: name.trim_end().to_string(),
                span: text.span,
            });
        } else {
            self.group = Some(text);
            self.section = None;
        }
    }

    fn current(&self) -> Vec<Text> {
        self.group
            .iter()
            .chain(self.section.iter())
            .cloned()
            .collect()
    }
}

fn body(
    source: &Source,
    lines: &[Line<'_>],
    first_row: usize,
    end: usize,
    table: &mut Table,
) -> Result<usize, Error> {
    let mut sections = Sections::default();
    // Label-only lines between the header and the first row are headings too.
    let mut pending: Vec<usize> = Vec::new();
    let mut j = first_row;
    while j > 0 && first_row - j < HEADER_REACH {
        let prev = &lines[j - 1];
        if prev.is_blank() || is_dated(prev) || !prev.cells.is_empty() {
            break;
        }
        j -= 1;
    }
    pending.extend((j..first_row).filter(|&k| !lines[k].is_blank()));
    let mut blank_run = 0;
    let mut last_row = first_row;
    let mut k = first_row;
    while k < end {
        let line = &lines[k];
        if line.is_blank() {
            blank_run += 1;
            if blank_run >= 2 {
                break;
            }
            k += 1;
            continue;
        }
        blank_run = 0;
        if line.is_year_line() || (line.cells.is_empty() && line.year_tokens().count() >= 2) {
            break;
        }
        if !line.is_data_row() {
            if pending.len() >= MAX_PENDING {
                break;
            }
            pending.push(k);
            k += 1;
            continue;
        }
        // A data row: settle the pending lines as headings or the start of its label.
        let own = label_text(line.label_tokens());
        let mut wrap: Option<Text> = None;
        if let Some(&last) = pending.last() {
            let prev = &lines[last];
            let continues = last + 1 == k
                && !prev.text.trim_end().ends_with(':')
                && match &own {
                    None => true,
                    Some(t) => {
                        line.indent() > prev.indent()
                            || t.text.starts_with(|c: char| c.is_lowercase())
                    }
                };
            if continues {
                wrap = text_of(prev);
                pending.pop();
            }
        }
        for p in pending.drain(..) {
            if let Some(t) = text_of(&lines[p]) {
                sections.heading(t);
            }
        }
        let label = match (wrap, own) {
            (Some(w), Some(o)) => Text {
                text: format!("{} {}", w.text, o.text),
                span: w.span.join(o.span),
            },
            (Some(w), None) => w,
            (None, Some(o)) => o,
            (None, None) => Text {
                text: String::new(),
                span: Span::new(line.cells[0].span.start, line.cells[0].span.start),
            },
        };
        let cells = place_cells(source, line, table)?;
        let closes = label.text.to_ascii_lowercase().starts_with("total");
        table.rows.push(Row {
            label,
            sections: sections.current(),
            cells,
        });
        if closes {
            sections.section = None;
        }
        last_row = k;
        k += 1;
    }
    Ok(last_row + 1)
}

fn place_cells(source: &Source, line: &Line<'_>, table: &Table) -> Result<Vec<Cell>, Error> {
    for raw in &line.cells {
        if let Err(why) = &raw.number {
            return Err(Error::at(
                ErrorKind::Number,
                source,
                raw.span,
                format!("malformed number `{}`: {why}", source.slice(raw.span)),
            ));
        }
    }
    let n = table.columns.len();
    if line.cells.len() > n {
        let extra = &line.cells[n];
        return Err(Error::at(
            ErrorKind::Table,
            source,
            extra.span,
            format!(
                "this row has {} numbers but the table has {n} dated columns",
                line.cells.len()
            ),
        ));
    }
    let centers: Vec<usize> = table
        .columns
        .iter()
        .map(|c| {
            let lc = source.line_col(c.span.start).col - 1;
            let width = source.slice(c.span).chars().count();
            2 * lc + width
        })
        .collect();
    let mut out = Vec::with_capacity(line.cells.len());
    let mut next_free = 0;
    for (i, raw) in line.cells.iter().enumerate() {
        let column = if line.cells.len() == n {
            i
        } else {
            let center = raw.col + raw.end_col;
            (0..n)
                .min_by_key(|&c| centers[c].abs_diff(center))
                .unwrap_or(0)
        };
        if column < next_free {
            return Err(Error::at(
                ErrorKind::Table,
                source,
                raw.span,
                "cannot tell which column this number belongs to",
            ));
        }
        next_free = column + 1;
        let Ok(number) = raw.number.clone() else {
            unreachable!("malformed cells were rejected above")
        };
        out.push(Cell {
            span: raw.span,
            column,
            number,
        });
    }
    Ok(out)
}
