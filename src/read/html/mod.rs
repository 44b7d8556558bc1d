//! Reading HTML releases: EDGAR's HTML exhibits, whole HTML documents and company web pages.
//!
//! `parse` turns the markup into paragraph lines and table grids (html5gum's tokenizer, with
//! byte spans into the source); `layout` reads each grid into the same [`Table`]s the text
//! reader builds, every span pointing at the original bytes. `<pre>` blocks are plain text and
//! go to the text reader.

pub mod cover;
mod layout;
pub mod parse;

use std::ops::Range;

use crate::document::{Table, Text};
use crate::source::{Source, Span};

use parse::Block;

/// What an HTML document holds, in order.
#[derive(Debug)]
pub enum Part {
    /// A table read from the markup.
    Table(Table),
    /// A `<pre>` block: plain text for the text reader.
    Pre(Span),
}

/// Whether a document's text is HTML: it opens (after white space and comments) with
/// `<!DOCTYPE html`, `<html`, `<head>` or `<body`, or holds `<html` or `<table` early on with
/// its tags in pairs.
pub fn is_html(text: &str) -> bool {
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].trim_start().to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<?xml"]
        .iter()
        .any(|p| head.starts_with(p))
        || (head.starts_with('<') && (head.contains("<html") || head.contains("<body")))
}

/// Reads the HTML in `range` (bytes of the source) into its tables and `<pre>` blocks.
pub fn read(source: &Source, range: Range<usize>) -> Vec<Part> {
    let text = &source.text()[range.clone()];
    let blocks = parse::blocks(text, range.start);
    let mut parts: Vec<Part> = Vec::new();
    let mut above: Vec<Option<Text>> = Vec::new();
    let mut position = 0usize;
    // The last table read, held back so that rows continuing it can join it.
    let mut last: Option<(Table, usize)> = None;
    for block in blocks {
        match block {
            Block::Line(pieces) => {
                position += 1;
                let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
                let first = pieces
                    .iter()
                    .find(|p| !p.text.trim_matches(parse::is_space).is_empty());
                let last_piece = pieces
                    .iter()
                    .rev()
                    .find(|p| !p.text.trim_matches(parse::is_space).is_empty());
                if let (Some(a), Some(b)) = (first, last_piece) {
                    above.push(Some(Text {
                        text: joined
                            .split(parse::is_space)
                            .filter(|w| !w.is_empty())
                            .collect::<Vec<_>>()
                            .join(" "),
                        span: Span::new(a.span.start, b.span.end),
                    }));
                }
            }
            Block::Blank => above.push(None),
            // A page break: an empty text, where the title stops.
            Block::Break => above.push(Some(Text {
                text: String::new(),
                span: Span::default(),
            })),
            Block::Pre(span) => {
                parts.extend(last.take().map(|t| Part::Table(t.0)));
                parts.push(Part::Pre(span));
                above.clear();
            }
            Block::Table(grid) => {
                let rows = grid.rows.len();
                let text = layout::lines(source, &grid);
                let found = layout::tables(source, grid, &above, position, last.as_mut());
                position += rows;
                if found.is_empty() {
                    above.extend(text);
                } else {
                    above.clear();
                }
                for t in found {
                    parts.extend(last.replace(t).map(|t| Part::Table(t.0)));
                }
            }
        }
    }
    parts.extend(last.map(|t| Part::Table(t.0)));
    parts
}
