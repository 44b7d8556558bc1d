//! A table's columns and their headings: the dated line's phrases (or `<C>` marks) fix the
//! columns, numbers no header stands over get columns of their own, and every header phrase is
//! placed over the columns it spans.

use super::*;
use crate::read::place::center2;

/// How many rows below the first row are read for the most numbers a row of the table has.
pub(super) const ROWS_FOR_WIDTH: usize = 8;

/// A line of column words between the dated line `bottom` and the first row that has one
/// phrase for each number of the widest of the first rows, when the dated line has fewer: the
/// dated line then heads groups of those columns. The lowest such line is taken.
pub(super) fn column_line_below(
    lines: &[Line<'_>],
    bottom: usize,
    first_row: usize,
) -> Option<usize> {
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
pub(super) fn add_unheaded_columns(
    lines: &[Line<'_>],
    first_row: usize,
    columns: &mut Vec<Column>,
) {
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
pub(super) fn add_unmarked_columns(
    lines: &[Line<'_>],
    first_row: usize,
    columns: &mut Vec<Column>,
) {
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
pub(super) fn table_width(lines: &[Line<'_>], first_row: usize) -> usize {
    lines[first_row..]
        .iter()
        .take(ROWS_FOR_WIDTH)
        .filter(|l| l.is_data_row())
        .map(|l| l.cells.len())
        .max()
        .unwrap_or(0)
}

pub(super) fn column_of(piece: &[Tok<'_>]) -> Column {
    let text = phrase_text(piece);
    Column {
        span: text.span,
        extent: (piece[0].col, piece[piece.len() - 1].end_col),
        heading: Vec::new(),
    }
}

pub(super) fn spec_columns(spec: &[usize]) -> Vec<Column> {
    spec.iter()
        .enumerate()
        .map(|(k, &c)| Column {
            heading: Vec::new(),
            span: Span::default(),
            extent: (c, spec.get(k + 1).copied().unwrap_or(usize::MAX / 2)),
        })
        .collect()
}

pub(super) fn bottom_columns(line: &Line<'_>) -> Vec<Column> {
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

pub(super) fn cell_columns(line: &Line<'_>) -> Vec<Column> {
    line.cells
        .iter()
        .map(|c| Column {
            heading: Vec::new(),
            span: c.span,
            extent: (c.col, c.end_col),
        })
        .collect()
}

pub(super) fn is_rule_token(text: &str) -> bool {
    text.chars().count() >= 2 && text.chars().all(|c| matches!(c, '-' | '=' | '_'))
}

pub(super) fn is_month_token(text: &str) -> bool {
    crate::lexicon::dates::month_of(text).is_some()
}

/// Where each column's heading sits: its extent, or for `<C>` columns (which mark only where
/// a column starts) the extent of the dated line's words inside it.
pub(super) fn anchors(
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

/// Places every header phrase over the columns it spans (of `n_columns`, headed at
/// `anchors`): one header row per header line, each phrase a cell over the columns it heads.
pub(super) fn attach_headings(
    lines: &[Line<'_>],
    header: &[usize],
    cuts: &[(usize, usize)],
    bottom: Option<usize>,
    n_columns: usize,
    anchors: &[(usize, usize)],
) -> Vec<HeaderRow> {
    let mut rows: Vec<HeaderRow> = Vec::new();
    // The phrases of the header line above and the columns each was placed over.
    let mut placed_above: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &k in header {
        let mut row = HeaderRow::default();
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
            let mut pieces: Vec<Vec<Tok<'_>>> = vec![Vec::new(); n_columns];
            for t in &toks {
                let center = (t.col + t.end_col) / 2;
                if let Some(c) = (0..n_columns).find(|&c| {
                    anchors[c].0 <= center && center < anchors[c].1.max(anchors[c].0 + 1)
                }) {
                    pieces[c].push(t.clone());
                }
            }
            for (c, piece) in pieces.iter().enumerate() {
                if !piece.is_empty() {
                    push_heading(&mut row, phrase_text(piece), &[c]);
                }
            }
            rows.push(row);
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
            let mut covered: Vec<usize> = (0..n_columns)
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
                covered = (0..n_columns).collect();
            }
            let centred_over_some = !covered.is_empty();
            if covered.is_empty() {
                // A phrase centred between two columns ("June 30," over "2004    2003")
                // heads both.
                covered = (0..n_columns)
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
                && crate::lexicon::dates::states_length(&phrase_text(phrase).text)
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
                    push_heading(&mut row, phrase_text(group), &[c]);
                }
            } else {
                push_heading(&mut row, phrase_text(phrase), covered);
            }
        }
        rows.push(row);
        placed_above = placed;
    }
    rows
}

/// The widest run of columns holding `covered` whose span is centred (within two columns)
/// under the phrase at `p`, when it is wider than `covered`.
pub(super) fn centred_run(
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
pub(super) fn fill_slots(
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
pub(super) fn fill_gaps(
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
pub(super) fn rule_span(
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

/// A header cell of `text` over each run of consecutive columns among `columns`.
pub(super) fn push_heading(row: &mut HeaderRow, text: Text, columns: &[usize]) {
    let mut i = 0;
    while i < columns.len() {
        let start = columns[i];
        let mut end = start + 1;
        while i + 1 < columns.len() && columns[i + 1] == end {
            end += 1;
            i += 1;
        }
        row.cells.push(HeaderCell {
            lines: vec![text.clone()],
            columns: start..end,
        });
        i += 1;
    }
}

/// The span each column goes by: its first heading piece's, else the one it was found with.
pub(super) fn column_spans(columns: &[Column], header: &[HeaderRow]) -> Vec<GridColumn> {
    let mut out: Vec<(GridColumn, bool)> = columns
        .iter()
        .map(|c| {
            let column = GridColumn {
                extent: c.extent,
                span: c.span,
            };
            (column, false)
        })
        .collect();
    for cell in header.iter().flat_map(|r| &r.cells) {
        for (column, headed) in &mut out[cell.columns.clone()] {
            for line in &cell.lines {
                if column.span == Span::default() || !*headed {
                    column.span = line.span;
                }
                *headed = true;
            }
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// Splits a phrase covering `n` columns into `n` repeated pieces ("Sept. 30, Sept. 30,"), at
/// month names or, failing that, after years.
pub(super) fn split_repeated<'t, 'a>(phrase: &'t [Tok<'a>], n: usize) -> Vec<&'t [Tok<'a>]> {
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

pub(super) fn phrases<'t, 'a>(tokens: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
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

pub(super) fn phrase_text(phrase: &[Tok<'_>]) -> Text {
    let words: Vec<&str> = phrase.iter().map(|t| t.text).collect();
    Text {
        text: words.join(" "),
        span: phrase[0].span.join(phrase[phrase.len() - 1].span),
    }
}
