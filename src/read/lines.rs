//! The line model: each line cut into tokens with byte spans and display columns, its trailing
//! run of numeric cells, and what EDGAR markup (`<TABLE>`, `<S>`/`<C>`, `<PAGE>`) it is.

use crate::document::Shown;
use crate::lexicon::dates::{is_year_token, is_year_value};
use crate::read::cell::{Token, classify};
use crate::source::Span;

/// A whitespace-delimited token.
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte span in the source.
    pub span: Span,
    /// First display column (0-based, tabs expanded to stops of 8).
    pub col: usize,
    /// One past the last display column.
    pub end_col: usize,
}

/// A trailing numeric cell of a line.
#[derive(Clone, Debug)]
pub struct RawCell {
    /// Byte span.
    pub span: Span,
    /// First display column.
    pub col: usize,
    /// One past the last display column.
    pub end_col: usize,
    /// The number, or why it is malformed.
    pub number: Result<Shown, String>,
}

/// EDGAR's table markup in text documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Markup {
    /// `<TABLE>`.
    TableStart,
    /// `</TABLE>`.
    TableEnd,
    /// `<S> <C> <C>`: the display columns where each `<C>` column starts.
    Columns(Vec<usize>),
    /// `<CAPTION>`, `<PAGE>`, `<FN>` and the like, or a page number ("-5-", "Page 5 of
    /// 8"): no content.
    Other,
}

/// One line of the source.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line's text without its line ending.
    pub text: &'a str,
    /// All tokens.
    pub tokens: Vec<Tok<'a>>,
    /// How many leading tokens form the label (all of them when there are no cells).
    pub label_len: usize,
    /// Trailing numeric cells.
    pub cells: Vec<RawCell>,
    /// EDGAR markup, when the line is a markup line.
    pub markup: Option<Markup>,
    /// A rule: only runs of `-`, `=` or `_` (`------  ======`).
    pub rule: bool,
    /// Whitespace only.
    empty: bool,
    /// [`Line::is_year_line`], worked out once: the reader asks it of a line many times.
    year_line: bool,
}

/// Lines longer than this are prose: they keep their place but are not cut into words (no
/// table line is this long, and a line of millions of words would need memory many times its
/// size).
pub const MAX_LINE_BYTES: usize = 16 * 1024;

impl<'a> Line<'a> {
    /// Cuts a line starting at byte `start`.
    pub fn new(start: usize, text: &'a str) -> Line<'a> {
        if text.len() > MAX_LINE_BYTES {
            return Line {
                text,
                tokens: Vec::new(),
                label_len: 0,
                cells: Vec::new(),
                markup: None,
                rule: false,
                empty: text.chars().all(char::is_whitespace),
                year_line: false,
            };
        }
        let tokens = tokenize(start, text);
        let markup = markup(&tokens);
        let rule = !tokens.is_empty()
            && tokens
                .iter()
                .all(|t| t.text.chars().all(|c| matches!(c, '-' | '=' | '_')))
            && tokens.iter().any(|t| t.text.chars().count() >= 3);
        let (label_len, cells) = if markup.is_some() || rule {
            (tokens.len(), Vec::new())
        } else {
            trailing_cells(&tokens)
        };
        // "(unaudited)   (1)" under a column's date: qualifiers and a footnote mark, no row.
        let (label_len, cells) = if !cells.is_empty()
            && tokens[..label_len]
                .iter()
                .all(|t| t.text.starts_with('(') && t.text.ends_with(')'))
            && cells
                .iter()
                .all(|c| is_marked_footnote(&text[c.span.start - start..c.span.end - start]))
        {
            (tokens.len(), Vec::new())
        } else {
            (label_len, cells)
        };
        let empty = tokens.is_empty();
        let year_line = is_year_line(&tokens, &cells);
        Line {
            text,
            tokens,
            label_len,
            cells,
            markup,
            rule,
            empty,
            year_line,
        }
    }

    /// Drops the words of a line no table reaches (it stays a line of prose, not a blank).
    pub fn forget_words(&mut self) {
        self.tokens = Vec::new();
        self.label_len = 0;
    }

    /// No content: empty, a rule, or markup.
    pub fn is_blank(&self) -> bool {
        self.empty || self.rule || self.markup.is_some()
    }

    /// Truly empty (whitespace only).
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// The label tokens, without EDGAR's escaped leading hyphen (`- -` for `-`).
    pub fn label_tokens(&self) -> &[Tok<'a>] {
        let toks = &self.tokens[..self.label_len];
        match toks {
            [a, b, rest @ ..] if a.text == "-" && b.text.starts_with('-') && a.col == 0 => {
                if rest.is_empty() { &toks[1..] } else { rest }
            }
            _ => toks,
        }
    }

    /// Column of the first token.
    pub fn indent(&self) -> usize {
        self.tokens.first().map_or(0, |t| t.col)
    }

    /// Whether every cell is a plain year (1900..=2100): a header line, whatever its label.
    ///
    /// Decided when the line is cut: forgetting its words later never changes it (only lines
    /// that are not data rows are forgotten, and for those the answer does not depend on the
    /// words).
    pub fn is_year_line(&self) -> bool {
        self.year_line
    }

    /// A row of data: numeric cells that are not a header's years.
    pub fn is_data_row(&self) -> bool {
        !self.cells.is_empty() && !self.year_line
    }

    /// Tokens that are years (`2003`, `2003,`, `2003*`).
    pub fn year_tokens(&self) -> impl Iterator<Item = &Tok<'a>> {
        self.tokens.iter().filter(|t| is_year_token(t.text))
    }
}

/// Whether every cell is a plain year (1900..=2100) written without a comma.
fn is_year_line(tokens: &[Tok<'_>], cells: &[RawCell]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            c.number.as_ref().is_ok_and(|n| {
                !n.currency
                    && !n.percent
                    && !n.negative
                    && !n.dash
                    && !n.not_available
                    && n.fraction_digits == 0
                    && is_year_value(n.magnitude)
            }) && !cell_token(tokens, c).is_some_and(|t| t.text.contains(','))
        })
}

/// The token that is exactly this cell, found by binary search (tokens are in order): a line
/// may hold millions of both.
fn cell_token<'t, 'a>(tokens: &'t [Tok<'a>], cell: &RawCell) -> Option<&'t Tok<'a>> {
    let i = tokens.partition_point(|t| t.span.start < cell.span.start);
    tokens.get(i).filter(|t| t.span == cell.span)
}

/// A page number standing alone: "-5-", "- 5 -", "Page 5", "Page 5 of 8".
fn is_page_number(tokens: &[Tok<'_>]) -> bool {
    let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    match texts.as_slice() {
        [one] => one
            .strip_prefix('-')
            .and_then(|r| r.strip_suffix('-'))
            .is_some_and(digits),
        ["-", n, "-"] => digits(n),
        [page, n] => page.eq_ignore_ascii_case("page") && digits(n),
        [page, n, of, m] => {
            page.eq_ignore_ascii_case("page")
                && digits(n)
                && of.eq_ignore_ascii_case("of")
                && digits(m)
        }
        _ => false,
    }
}

fn markup(tokens: &[Tok<'_>]) -> Option<Markup> {
    if is_page_number(tokens) {
        return Some(Markup::Other);
    }
    let first = tokens.first()?;
    if !first.text.starts_with('<') {
        return None;
    }
    let tag = first.text.to_ascii_uppercase();
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = name.split(['>', ' ']).next().unwrap_or("");
    match (tag.starts_with("</"), name) {
        (false, "TABLE") => Some(Markup::TableStart),
        (true, "TABLE") => Some(Markup::TableEnd),
        (false, "S") | (false, "C")
            if tokens.iter().all(|t| {
                let u = t.text.to_ascii_uppercase();
                u == "<S>" || u == "<C>"
            }) =>
        {
            Some(Markup::Columns(
                tokens
                    .iter()
                    .filter(|t| t.text.eq_ignore_ascii_case("<C>"))
                    .map(|t| t.col)
                    .collect(),
            ))
        }
        (_, "CAPTION" | "PAGE" | "FN" | "F1" | "F2" | "F3" | "F4" | "F5" | "R" | "/R")
            if tokens.len() <= 2 =>
        {
            Some(Markup::Other)
        }
        _ => None,
    }
}

fn tokenize(start: usize, text: &str) -> Vec<Tok<'_>> {
    if let Some(tokens) = tokenize_plain(start, text) {
        return tokens;
    }
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut col = 0;
    let mut i = 0;
    // Bytes, not chars: releases are nearly all ASCII, and an ASCII byte is its own char. Any
    // other char is decoded and asked whether it is whitespace.
    let space_at = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (is_ascii_space(b), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        }
    };
    while i < bytes.len() {
        // Whitespace between tokens: in a fixed-width table mostly runs of spaces, skipped in
        // a loop of their own.
        let spaces = count_spaces(&bytes[i..]);
        if spaces > 0 {
            i += spaces;
            col += spaces;
            continue;
        }
        if bytes[i] == b'\t' {
            col = (col / 8 + 1) * 8;
            i += 1;
            continue;
        }
        if !(bytes[i] > b' ' && bytes[i] < 0x80) {
            let (white, len) = space_at(i);
            if white {
                col += 1;
                i += len;
                continue;
            }
        }
        // A token: printable ASCII (above the space) is never whitespace.
        let (from, from_col) = (i, col);
        while i < bytes.len() {
            let run = count_printable(&bytes[i..]);
            i += run;
            col += run;
            if i == bytes.len() || bytes[i] == b' ' || bytes[i] == b'\t' {
                break;
            }
            if run > 0 {
                continue;
            }
            let (white, len) = space_at(i);
            if white {
                break;
            }
            i += len;
            col += 1;
        }
        if tokens.capacity() == 0 {
            // Room for a line of short words: one allocation for nearly every line.
            tokens.reserve(bytes.len() / 6 + 1);
        }
        push_word(&mut tokens, start, from, &text[from..i], from_col, col);
    }
    tokens
}

/// [`tokenize`] for a line of spaces and printable ASCII only, as most lines of a release
/// are: a token is a run of anything but spaces, and a byte's column is its offset. `None`
/// when the line holds anything else (a tab, a control character, a char beyond ASCII): a run
/// then ends at a byte that starts neither the other kind of run nor the end.
fn tokenize_plain(start: usize, text: &str) -> Option<Vec<Tok<'_>>> {
    let bytes = text.as_bytes();
    let mut i = count_spaces(bytes);
    // Room for a line of short words: one allocation for nearly every line (made directly,
    // not by growing an empty vector).
    let mut tokens = if i < bytes.len() {
        Vec::with_capacity(bytes.len() / 6 + 1)
    } else {
        Vec::new()
    };
    while i < bytes.len() {
        let end = i + count_printable(&bytes[i..]);
        if end == i || bytes.get(end).is_some_and(|&b| b != b' ') {
            return None;
        }
        push_word(&mut tokens, start, i, &text[i..end], i, end);
        i = end + count_spaces(&bytes[end..]);
    }
    Some(tokens)
}

/// Eight bytes as one word, the first byte lowest.
fn word(chunk: &[u8]) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w)
}

/// How many bytes `bytes` opens with that are spaces (`take_while(|&&b| b == b' ').count()`).
///
/// # Design
///
/// Cutting lines into tokens is most of the reader's work, and a fixed-width table is runs of
/// spaces and short words: eight bytes are tested at a time, as one `u64` (SWAR), the first
/// byte that ends the run found from the word's trailing zero bits.
pub(crate) fn count_spaces(bytes: &[u8]) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        // A byte of `other` is zero exactly where `chunk` has a space.
        let other = word(chunk) ^ SPACES;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|&&b| b == b' ').count()
}

/// How many bytes `bytes` opens with that are printable ASCII above the space, `0x21..=0x7f`
/// (`take_while(|&&b| b > b' ' && b < 0x80).count()`), eight at a time as for [`count_spaces`].
fn count_printable(bytes: &[u8]) -> usize {
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // Added to a byte below 0x80, sets its high bit exactly when it is 0x21 or more; the sum is
    // at most 0xde, so no byte carries into the next.
    const TO_HIGH: u64 = u64::from_le_bytes([0x80 - 0x21; 8]);
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = word(chunk);
        // High bit of each byte: set for a byte in 0x21..=0x7f (a byte of 0x80 or more has its
        // own high bit set, cleared by `!w`).
        let printable = ((w & LOW7) + TO_HIGH) & !w & HIGH;
        let other = !printable & HIGH;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|&&b| b > b' ' && b < 0x80)
        .count()
}

/// Pushes the word at byte `from` of the line, in display columns `col..end_col`. Leader dots
/// that run into the number they lead to ("income.........$4,713") end the word, and what
/// follows them is a token of its own; its columns are counted as bytes, which they are for
/// the ASCII of a leader and a number.
#[inline(always)]
fn push_word<'a>(
    tokens: &mut Vec<Tok<'a>>,
    start: usize,
    from: usize,
    word: &'a str,
    col: usize,
    end_col: usize,
) {
    let to = from + word.len();
    match leader_end(word).filter(|&at| word[at..].is_ascii()) {
        Some(at) => {
            let tail_col = end_col - (word.len() - at);
            tokens.push(Tok {
                text: &word[..at],
                span: Span::new(start + from, start + from + at),
                col,
                end_col: tail_col,
            });
            tokens.push(Tok {
                text: &word[at..],
                span: Span::new(start + from + at, start + to),
                col: tail_col,
                end_col,
            });
        }
        None => tokens.push(Tok {
            text: word,
            span: Span::new(start + from, start + to),
            col,
            end_col,
        }),
    }
}

/// Where the text after a run of three or more leader dots starts inside a word, when
/// something follows them that opens a number (`$`, `(` or a digit).
fn leader_end(word: &str) -> Option<usize> {
    // A byte loop, not a substring search: this is asked of every word of every line, and
    // words are short.
    let b = word.as_bytes();
    let at = (0..b.len().saturating_sub(2))
        .find(|&i| b[i] == b'.' && b[i + 1] == b'.' && b[i + 2] == b'.')?;
    let after = at + b[at..].iter().take_while(|&&c| c == b'.').count();
    let next = *b.get(after)?;
    (next == b'$' || next == b'(' || next.is_ascii_digit()).then_some(after)
}

/// `char::is_whitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage
/// return and space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// "(1)", "(a)": a footnote's mark in parentheses.
fn is_marked_footnote(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|t| (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_footnote_mark(text: &str) -> bool {
    if text.chars().all(|c| c == '*') {
        return true;
    }
    let t = text.as_bytes();
    if t.len() > 3 && t[0] == b'<' && t[1].eq_ignore_ascii_case(&b'f') && t[t.len() - 1] == b'>' {
        return t[2..t.len() - 1].iter().all(u8::is_ascii_digit);
    }
    if let Some(inner) = text.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return inner.len() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic());
    }
    false
}

/// Adds a cell found at token `i` (counting from 1), reading right to left: there is at most one
/// cell per token left, so the first cell reserves room for them all and a row of numbers
/// takes one allocation.
fn push_cell(cells: &mut Vec<RawCell>, i: usize, cell: RawCell) {
    if cells.capacity() == 0 {
        *cells = Vec::with_capacity(i);
    }
    cells.push(cell);
}

fn trailing_cells(tokens: &[Tok<'_>]) -> (usize, Vec<RawCell>) {
    // Most lines end in a word: a last token opening with a letter other than `n` (as in
    // "n/a") is neither a footnote mark nor a number, so the line has no cells.
    if tokens.last().is_none_or(|t| {
        t.text
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() && b != b'n' && b != b'N')
    }) {
        return (tokens.len(), Vec::new());
    }
    let mut cells: Vec<RawCell> = Vec::new();
    let mut i = tokens.len();
    // `(32 )`: a lone closing parenthesis belongs to the number before it.
    let mut close: Option<&Tok<'_>> = None;
    while i > 0 {
        let tok = &tokens[i - 1];
        if tok.text == ")" && close.is_none() {
            close = Some(tok);
            i -= 1;
            continue;
        }
        // A footnote mark between or after the numbers ("1,234 <F1>", "1,234 (a)", "*").
        if (close.is_none() && !cells.is_empty() || i == tokens.len()) && is_footnote_mark(tok.text)
        {
            i -= 1;
            continue;
        }
        let token = match close.take() {
            Some(c) => {
                let joined = format!("{}{}", tok.text, c.text);
                match classify(&joined) {
                    Token::Number(n) => {
                        push_cell(
                            &mut cells,
                            i,
                            RawCell {
                                span: tok.span.join(c.span),
                                col: tok.col,
                                end_col: c.end_col,
                                number: Ok(n),
                            },
                        );
                        i -= 1;
                        continue;
                    }
                    _ => {
                        i += 1; // give the `)` back to the label
                        break;
                    }
                }
            }
            None => {
                // `( 212)`: an opening parenthesis set apart from its number.
                if let Some(open) = i.checked_sub(2).map(|j| &tokens[j])
                    && matches!(open.text, "(" | "$(" | "($")
                    && tok.text.ends_with(')')
                    && !tok.text.contains('(')
                    && let Token::Number(n) = classify(&format!("{}{}", open.text, tok.text))
                {
                    push_cell(
                        &mut cells,
                        i,
                        RawCell {
                            span: open.span.join(tok.span),
                            col: open.col,
                            end_col: tok.end_col,
                            number: Ok(n),
                        },
                    );
                    i -= 2;
                    continue;
                }
                classify(tok.text)
            }
        };
        match token {
            Token::Number(n) => push_cell(
                &mut cells,
                i,
                RawCell {
                    span: tok.span,
                    col: tok.col,
                    end_col: tok.end_col,
                    number: Ok(n),
                },
            ),
            Token::Malformed(why) => push_cell(
                &mut cells,
                i,
                RawCell {
                    span: tok.span,
                    col: tok.col,
                    end_col: tok.end_col,
                    number: Err(why),
                },
            ),
            Token::Dollar => match cells.last_mut() {
                // `$ 5,001`, `$        --`: the sign belongs to the number on its right.
                Some(cell) => {
                    if let Ok(n) = &mut cell.number {
                        n.currency = true;
                    }
                }
                None => break,
            },
            Token::Word => break,
        }
        i -= 1;
    }
    if close.is_some() {
        i += 1;
    }
    cells.reverse();
    // A label must stand clear of the first number by two columns (or by leader dots):
    // "was $5.2" in prose is not a cell, and "shares outstanding: 1997, 1,943,666" keeps its
    // numbers in the label.
    let mut keep_from = 0;
    while keep_from < cells.len() && i > 0 {
        let last = &tokens[i - 1];
        let leader = last.text.ends_with("..");
        if cells[keep_from].col >= last.end_col + 2 || leader {
            break;
        }
        let moved = &cells[keep_from];
        while i < tokens.len() && tokens[i].span.start < moved.span.end {
            i += 1;
        }
        keep_from += 1;
    }
    cells.drain(..keep_from);
    if cells.is_empty() {
        return (tokens.len(), cells);
    }
    (i, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_labels() {
        let l = Line::new(
            0,
            "  Product license             $5,001    $11,825    $21,971    $36,573",
        );
        assert_eq!(l.label_len, 2);
        assert_eq!(l.cells.len(), 4);
        assert_eq!(l.cells[0].span, Span::new(30, 36));
        let l = Line::new(
            0,
            "   expense/(benefit)               -          -     (5,273)       (89)",
        );
        assert_eq!(l.cells.len(), 4);
        let l = Line::new(
            0,
            "the company's net loss (non-GAAP) for the period would have been $5.2",
        );
        assert!(l.cells.is_empty());
        let l = Line::new(
            0,
            "                                   2003      2002      2003      2002",
        );
        assert!(l.is_year_line());
        let l = Line::new(
            0,
            "ASSETS                                      1997              1996",
        );
        assert!(l.is_year_line());
        let l = Line::new(0, "  Sales     $ 5,001   $        --");
        assert_eq!(l.cells.len(), 2);
        assert!(l.cells[1].number.as_ref().unwrap().not_available);
        let l = Line::new(0, "  Sales     $ 5,001   $         -");
        assert_eq!(l.cells.len(), 2);
        assert!(l.cells[1].number.as_ref().unwrap().dash);
        assert_eq!(l.label_len, 1);
        let l = Line::new(0, "  Other      ( 212)    $( 15)   (  7)");
        assert_eq!(l.cells.len(), 3);
        assert_eq!(l.label_len, 1);
        assert!(l.cells.iter().all(|c| c.number.as_ref().unwrap().negative));
        let l = Line::new(0, "  Other      (32 )    15");
        assert_eq!(l.cells.len(), 2);
        assert!(l.cells[0].number.as_ref().unwrap().negative);
        let l = Line::new(
            0,
            "      1997, 1,943,666; 1996, 1,191,666                     5,915,572         3,564,238",
        );
        assert_eq!(l.cells.len(), 2);
        let l = Line::new(0, "  - -----------   ======");
        assert!(l.rule);
        let l = Line::new(0, "<S>                    <C>        <C>");
        assert_eq!(l.markup, Some(Markup::Columns(vec![23, 34])));
        let l = Line::new(0, "Net income.........$4,713    $ (870)");
        assert_eq!(l.cells.len(), 2);
        assert_eq!(l.label_tokens().len(), 2);
        assert_eq!(l.cells[0].col, 19);
        let l = Line::new(0, "                       2003(1)      2002(a)");
        assert!(l.is_year_line());
        assert_eq!(l.year_tokens().count(), 2);
        for page in [
            "                -5-",
            "   - 12 -",
            "Page 3",
            "  PAGE 3 OF 8",
        ] {
            assert_eq!(Line::new(0, page).markup, Some(Markup::Other), "{page}");
        }
        assert!(Line::new(0, "Net income   5").markup.is_none());
        let l = Line::new(0, "- - As Reported          $ 0.27");
        assert_eq!(l.label_tokens().len(), 2);
    }

    #[test]
    fn runs_counted_eight_bytes_at_a_time_are_the_byte_loops() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        assert_eq!(count_spaces(b""), 0);
        assert_eq!(count_printable(b""), 0);
        for len in [0, 1, 2, 7, 8, 9, 15, 16, 17, 23] {
            for b in 0..=255u8 {
                // A run of `len` bytes of each value, then every other byte after it.
                for &after in &bytes {
                    let mut text = vec![b; len];
                    text.push(after);
                    text.extend_from_slice(b"tail of the line");
                    let spaces = text.iter().take_while(|&&b| b == b' ').count();
                    let printable = text.iter().take_while(|&&b| b > b' ' && b < 0x80).count();
                    assert_eq!(count_spaces(&text), spaces, "{b:#x} x{len} then {after:#x}");
                    assert_eq!(
                        count_printable(&text),
                        printable,
                        "{b:#x} x{len} then {after:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_lines_are_spaces_and_printable_ascii() {
        for b in 0..=255u8 {
            let plain = (0x20..0x80).contains(&b);
            for len in [1, 7, 8, 9, 16, 17] {
                for at in [0, len / 2, len - 1] {
                    let mut line = vec![b'a'; len];
                    if len / 3 != at {
                        line[len / 3] = b' ';
                    }
                    line[at] = b;
                    let Ok(text) = std::str::from_utf8(&line) else {
                        continue;
                    };
                    assert_eq!(
                        tokenize_plain(0, text).is_some(),
                        plain,
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
        assert_eq!(tokenize_plain(0, "").map(|t| t.len()), Some(0));
        assert!(tokenize_plain(0, "a\u{e9}").is_none());
        // A plain line is cut as the general loop cuts it.
        for text in [
            "  Product license     $5,001   $(3,195)  ",
            "a",
            " ",
            "x  y",
            "   2003      2002",
        ] {
            let with_nbsp = format!("{text}\u{a0}");
            let line = Line::new(7, &with_nbsp);
            let general: Vec<(usize, usize, usize, usize)> = line
                .tokens
                .iter()
                .map(|t| (t.span.start, t.span.end, t.col, t.end_col))
                .collect();
            let plain: Vec<(usize, usize, usize, usize)> = tokenize_plain(7, text)
                .unwrap_or_default()
                .iter()
                .map(|t| (t.span.start, t.span.end, t.col, t.end_col))
                .collect();
            // The no-break space ends the general line without a token of its own.
            assert_eq!(plain, general, "{text:?}");
        }
    }

    #[test]
    fn ascii_whitespace_is_chars_whitespace() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#04x}");
        }
        // Non-ASCII whitespace separates tokens too; columns count characters.
        let l = Line::new(10, "Net\u{a0}income\u{2003}\u{e9}t\u{e9}\t$5");
        let toks: Vec<(&str, usize, usize, Span)> = l
            .tokens
            .iter()
            .map(|t| (t.text, t.col, t.end_col, t.span))
            .collect();
        assert_eq!(
            toks,
            [
                ("Net", 0, 3, Span::new(10, 13)),
                ("income", 4, 10, Span::new(15, 21)),
                ("\u{e9}t\u{e9}", 11, 14, Span::new(24, 29)),
                ("$5", 16, 18, Span::new(30, 32)),
            ]
        );
    }
}
