//! The line model: each line cut into tokens with byte spans and display columns, and its
//! trailing run of numeric cells, if any.

use crate::document::Shown;
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
}

impl<'a> Line<'a> {
    /// Cuts a line starting at byte `start`.
    pub fn new(start: usize, text: &'a str) -> Line<'a> {
        let tokens = tokenize(start, text);
        let (label_len, cells) = trailing_cells(&tokens);
        Line {
            text,
            tokens,
            label_len,
            cells,
        }
    }

    /// No tokens at all.
    pub fn is_blank(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The label tokens.
    pub fn label_tokens(&self) -> &[Tok<'a>] {
        &self.tokens[..self.label_len]
    }

    /// Column of the first token.
    pub fn indent(&self) -> usize {
        self.tokens.first().map_or(0, |t| t.col)
    }

    /// Whether every cell is a plain year (1900..=2100) and there is no label: a header line.
    pub fn is_year_line(&self) -> bool {
        self.label_len == 0
            && !self.cells.is_empty()
            && self.cells.iter().all(|c| {
                c.number.as_ref().is_ok_and(|n| {
                    !n.currency
                        && !n.percent
                        && !n.negative
                        && !n.dash
                        && n.fraction_digits == 0
                        && is_year_value(n.magnitude)
                })
            })
    }

    /// A row of data: numeric cells that are not a header's years.
    pub fn is_data_row(&self) -> bool {
        !self.cells.is_empty() && !self.is_year_line()
    }

    /// Tokens that are years (`2003`, `2003,`).
    pub fn year_tokens(&self) -> impl Iterator<Item = &Tok<'a>> {
        self.tokens.iter().filter(|t| is_year_token(t.text))
    }

    /// The span of the label text, if any.
    pub fn label_span(&self) -> Option<Span> {
        let toks = self.label_tokens();
        Some(toks.first()?.span.join(toks.last()?.span))
    }
}

/// Whether a token is a year such as `2003`, `2003,` or `2003)`.
pub fn is_year_token(text: &str) -> bool {
    let t = text
        .trim_start_matches('(')
        .trim_end_matches([',', ')', '.', '*']);
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && is_year_value(t.parse().unwrap_or_default())
}

fn is_year_value(v: rust_decimal::Decimal) -> bool {
    v >= rust_decimal::Decimal::from(1900) && v <= rust_decimal::Decimal::from(2100)
}

fn tokenize(start: usize, text: &str) -> Vec<Tok<'_>> {
    let mut tokens = Vec::new();
    let mut col = 0;
    let mut current: Option<(usize, usize)> = None; // (byte offset in line, col)
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some((b, cs)) = current.take() {
                tokens.push(Tok {
                    text: &text[b..i],
                    span: Span::new(start + b, start + i),
                    col: cs,
                    end_col: col,
                });
            }
            col = if c == '\t' {
                (col / 8 + 1) * 8
            } else {
                col + 1
            };
        } else {
            if current.is_none() {
                current = Some((i, col));
            }
            col += 1;
        }
    }
    if let Some((b, cs)) = current {
        tokens.push(Tok {
            text: &text[b..],
            span: Span::new(start + b, start + text.len()),
            col: cs,
            end_col: col,
        });
    }
    tokens
}

fn trailing_cells(tokens: &[Tok<'_>]) -> (usize, Vec<RawCell>) {
    let mut cells: Vec<RawCell> = Vec::new();
    let mut i = tokens.len();
    while i > 0 {
        let tok = &tokens[i - 1];
        match classify(tok.text) {
            Token::Number(n) => cells.push(RawCell {
                span: tok.span,
                col: tok.col,
                end_col: tok.end_col,
                number: Ok(n),
            }),
            Token::Malformed(why) => cells.push(RawCell {
                span: tok.span,
                col: tok.col,
                end_col: tok.end_col,
                number: Err(why),
            }),
            Token::Dollar => match cells.last_mut() {
                // `$ 5,001`: the sign belongs to the number on its right.
                Some(cell) if cell.col <= tok.end_col + 3 => {
                    cell.span = tok.span.join(cell.span);
                    cell.col = tok.col;
                    if let Ok(n) = &mut cell.number {
                        n.currency = true;
                    }
                }
                _ => break,
            },
            Token::Word => break,
        }
        i -= 1;
    }
    cells.reverse();
    if cells.is_empty() || i == 0 {
        return (i, cells);
    }
    // A label must stand clear of the first number by two columns (or by leader dots):
    // "was $5.2" in prose is not a cell.
    let last = &tokens[i - 1];
    let leader = last.text.ends_with("..");
    if cells[0].col >= last.end_col + 2 || leader {
        (i, cells)
    } else {
        (tokens.len(), Vec::new())
    }
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
        let l = Line::new(0, "  Sales     $ 5,001   $ 4,000");
        assert_eq!(l.cells.len(), 2);
        assert_eq!(
            &"  Sales     $ 5,001   $ 4,000"[l.cells[0].span.range()],
            "$ 5,001"
        );
    }
}
