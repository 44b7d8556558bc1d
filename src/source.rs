//! The release text and positions in it.
//!
//! Every later stage refers back to the text by byte [`Span`]s; line and column numbers are
//! computed only when something is shown to a person.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// A half-open byte range into a [`Source`]'s text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a byte range.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A named text with a line index.
#[derive(Clone, Debug)]
pub struct Source {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    transcoded_at: Option<usize>,
    /// The UTF-8 continuation bytes before every [`BLOCK`]-th byte, counted the first time a
    /// column is wanted on a line longer than two blocks (an HTML submission can be one line
    /// of megabytes): a column then costs at most two blocks' counting.
    blocks: OnceLock<Vec<usize>>,
}

/// The bytes between two counts of [`Source::blocks`].
const BLOCK: usize = 16 * 1024;

/// The UTF-8 continuation bytes (`10xxxxxx`) in `bytes`, eight at a time.
fn continuations(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Bit 7 set and bit 6 clear, in each byte.
        n += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count()
}

impl Source {
    /// Wraps `text`, known to the user as `name` (a path, or `<stdin>`).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Source {
            name: name.into(),
            text,
            line_starts,
            transcoded_at: None,
            blocks: OnceLock::new(),
        }
    }

    /// Marks the text as decoded from Windows-1252, the first non-UTF-8 byte being at `offset`
    /// of the decoded text.
    pub fn with_transcoding(mut self, offset: usize) -> Source {
        self.transcoded_at = Some(offset);
        self
    }

    /// Where the first byte that was not UTF-8 is, when the input was read as Windows-1252.
    pub fn transcoded_at(&self) -> Option<usize> {
        self.transcoded_at
    }

    /// The name shown in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let end = floor_char(&self.text, offset);
        let col = if end - start > 2 * BLOCK {
            self.chars_before(end) - self.chars_before(start) + 1
        } else {
            self.text[start..end].chars().count() + 1
        };
        LineCol {
            line: line + 1,
            col,
        }
    }

    /// The characters before byte `at`, a character boundary: the bytes less the UTF-8
    /// continuation bytes among them.
    fn chars_before(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let blocks = self.blocks.get_or_init(|| {
            let mut counts = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut total = 0;
            counts.push(0);
            for block in bytes.chunks_exact(BLOCK) {
                total += continuations(block);
                counts.push(total);
            }
            counts
        });
        let k = at / BLOCK;
        at - blocks[k] - continuations(&bytes[k * BLOCK..at])
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The length in bytes of a 1-based line with its line ending: at least that of
    /// [`Source::line_text`], and found without looking at the text.
    pub fn line_bytes_with_ending(&self, line: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return 0;
        };
        self.line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next)
            - start
    }

    /// Every line with the byte offset where it starts, without its line ending (`\n`, and any
    /// `\r` before it); a final line ending starts no further line.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        let len = self.text.len();
        self.line_starts
            .iter()
            .enumerate()
            .filter(move |&(_, &start)| start < len)
            .map(move |(i, &start)| {
                let mut end = self.line_starts.get(i + 1).map_or(len, |&next| next - 1);
                // `trim_end_matches('\r')`, by bytes.
                while end > start && self.text.as_bytes()[end - 1] == b'\r' {
                    end -= 1;
                }
                (start, &self.text[start..end])
            })
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns on a line of many blocks, with multi-byte characters across block boundaries,
    /// are those counted character by character.
    #[test]
    fn columns_on_a_long_line_are_counted_in_characters() {
        let line: String = (0..40_000).map(|i| ["a", "é", "—", "𝄞"][i % 4]).collect();
        let text = format!("first\n{line}\nlast");
        let source = Source::new("t", text.clone());
        let start = text.find('\n').unwrap() + 1;
        for at in [
            start,
            start + 1,
            start + 3,
            start + 50_000,
            start + 99_999,
            text.len() - 6,
        ] {
            let at = floor_char(&text, at);
            let col = text[start..at].chars().count() + 1;
            assert_eq!(source.line_col(at), LineCol { line: 2, col }, "at {at}");
        }
    }
}
