//! A table's rows below its header, the raw table's rows: labels
//! wrapped over lines, section and group headings, the rows' cells, and where the table ends.

use super::*;

pub(super) fn label_text(tokens: &[Tok<'_>]) -> Option<Text> {
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
pub(super) fn without_footnote_tag(word: &str) -> &str {
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

pub(super) struct Start {
    pub(super) first_row: usize,
    pub(super) pending: Vec<usize>,
    pub(super) initial: Option<Text>,
}

/// Whether `next` continues the text of `prev` (a wrapped label or heading).
pub(super) fn continues(lines: &[Line<'_>], prev: usize, next: usize) -> bool {
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
    // "Investment securities -" over "available for sale": a dash, unlike a colon, goes on
    // with a lower-case line at its indent.
    if p.text.trim_end().ends_with(" -")
        && n.indent() >= p.indent()
        && own.text.starts_with(|c: char| c.is_lowercase())
    {
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
    // Inside a wrapped label whose later lines share one indent ("Net interest" / "  income"
    // / "  (loss) after"): the previous line went on from the one above it by its indent.
    let inside = n.indent() == p.indent()
        && prev > 0
        && lines[prev - 1].cells.is_empty()
        && !lines[prev - 1].is_blank()
        && p.indent() > lines[prev - 1].indent()
        && !heading_name(&collapse(lines[prev - 1].text)).1;
    n.indent() > p.indent()
        || own
            .text
            .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == '$')
        || open_ended
        || inside
}

/// Words a wrapped label's line ends on when the label goes on below.
pub(super) const OPEN_ENDINGS: &[&str] = &[
    "and", "of", "for", "from", "in", "on", "to", "the", "before", "after", "&",
];

/// Whether `line` continues the label of the data row just above it (indented `row_indent`):
/// it is indented deeper, starts in lower case, and has no number under a column.
pub(super) fn continues_below(line: &Line<'_>, row_indent: usize, table: &RawTable) -> bool {
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
pub(super) fn is_note_reference(line: &Line<'_>) -> bool {
    line.cells.is_empty() && heading_name(&collapse(line.text)).0.is_empty()
}

/// How many of the last pending lines continue one another (a label wrapped over them).
pub(super) fn wrapped_run(lines: &[Line<'_>], pending: &[usize]) -> usize {
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

pub(super) fn body(
    source: &Source,
    lines: &[Line<'_>],
    blocks: &Blocks,
    start: Start,
    end: usize,
    by_spec: bool,
    table: &mut RawTable,
) -> usize {
    let mut out: Vec<RawRow> = Vec::new();
    // Rows read so far (a row left out as a defect is none).
    let mut placed_rows = 0;
    // A rule line since the last row handed over.
    let mut ruled = false;
    if let Some(t) = start.initial {
        emit(&mut out, &mut ruled, heading(t, 0));
    }
    let block = blocks.block(start.first_row);
    let max_pending = if block.is_some() {
        MAX_PENDING_MARKED
    } else {
        MAX_PENDING
    };
    let mut pending = start.pending;
    let mut empty_run = 0;
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
            ruled |= line.rule;
            k += 1;
            continue;
        }
        empty_run = 0;
        // The rest of the previous row's label, wrapped below it: "Series B: ... issued and"
        // over "outstanding: 1998, 1,949,726; 1997, 1,943,666", whose numbers stand left of
        // the first column and belong to the words.
        if pending.is_empty()
            && placed_rows > 0
            && last_row + 1 == k
            && continues_below(line, lines[last_row].indent(), table)
            && let Some(rest) = text_of_tokens(&line.tokens)
        {
            let rest = RawRow {
                label: Some(Label {
                    text: rest,
                    indent: 0.0,
                    bold: false,
                }),
                kind: RowKind::Rest,
                rule_above: false,
            };
            emit(&mut out, &mut ruled, rest);
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
        // A number standing in the labels' column, clear of every column ("30,000,000" in a
        // stock caption wrapped over many lines), is a word of a label, not a row.
        let first_column = table.columns.first().map_or(0, |c| c.extent.0);
        let numbers_in_label = !by_spec
            && line.is_data_row()
            && line.cells.iter().all(|c| c.end_col + 4 <= first_column);
        if !line.is_data_row() || numbers_in_label {
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
        // In a narrow label column a label may wrap over many lines, all clear of the numbers
        // ("Net interest" / "income" / "(loss) after" / "provision" / "for loan" / "losses").
        let left_edge = table.columns.first().map_or(0, |c| c.extent.0);
        let clear = |p: usize| {
            lines[p]
                .tokens
                .last()
                .is_some_and(|t| t.end_col + 2 <= left_edge)
        };
        while let Some(&last) = pending.last() {
            let limit = if clear(last) { MAX_LABEL_RUN } else { MAX_WRAP };
            if wrap.len() >= limit || !continues(lines, last, next) {
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
                emit(&mut out, &mut ruled, heading(t, lines[first].indent()));
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
        let placed = place_cells(source, &line.cells[in_label..], table, by_spec).or_else(|d| {
            place_with_shares(source, &line.cells[in_label..], table, &mut out, by_spec).ok_or(d)
        });
        // A row left out is quarantined or, in a table that is not reported, only noted once
        // the table's meaning is known (see `Table::defects`).
        placed_rows += usize::from(placed.is_ok());
        let label_indent = first_label_line.map_or(line.indent(), |l| lines[l].indent());
        let row = RawRow {
            label: Some(Label {
                text: label,
                indent: label_indent as f32,
                bold: false,
            }),
            kind: RowKind::Data {
                cells: placed,
                first: line.cells[0].span,
            },
            rule_above: false,
        };
        emit(&mut out, &mut ruled, row);
        last_row = k;
        k += 1;
    }
    table.rows = out;
    last_row + 1
}

/// A heading at `indent` as a raw row.
fn heading(text: Text, indent: usize) -> RawRow {
    RawRow {
        label: Some(Label {
            text,
            indent: indent as f32,
            bold: false,
        }),
        kind: RowKind::Heading { dated: false },
        rule_above: false,
    }
}

/// Hands a row over, with the rule seen since the last one above it.
fn emit(out: &mut Vec<RawRow>, ruled: &mut bool, mut row: RawRow) {
    row.rule_above = std::mem::take(ruled);
    out.push(row);
}
