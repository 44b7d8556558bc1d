//! Stage 1, read: release text → [`Document`].
//!
//! The input is either a plain release or a whole EDGAR submission (`.txt` with an SEC header
//! and `<DOCUMENT>` blocks, possibly PEM-wrapped). For a submission, the header gives the filer
//! and the tables are read from the Exhibit 99 documents' text.

mod assemble;
mod cell;
pub mod html;
mod lines;
mod place;
mod raw;
mod spacing;
mod table;

use std::ops::Range;

use crate::document::{Document, EdgarHeader, Filer, Part, Table, Text};
use crate::error::{Diagnostic, DiagnosticCode, Error, ErrorKind, Location};
use crate::source::{Source, Span};

pub use crate::lexicon::dates::{is_year_token, numeric_date};
pub use cell::{Token, classify};
pub use table::collapse;

/// Turns raw bytes into a [`Source`]: rejects empty and binary input; UTF-8 is taken as is,
/// anything else is read as Windows-1252 (what pre-2010 EDGAR text mostly is).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, Error> {
    check_text(name, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Source::new(name, s)),
        Err(e) => Ok(windows_1252_source(name, bytes, e.valid_up_to())),
    }
}

/// [`decode`], taking the bytes: UTF-8 input becomes the source's text as it is, without a
/// copy.
pub fn decode_owned(name: &str, bytes: Vec<u8>) -> Result<Source, Error> {
    check_text(name, &bytes)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Source::new(name, s)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            Ok(windows_1252_source(name, e.as_bytes(), valid))
        }
    }
}

/// Rejects empty and binary input.
fn check_text(name: &str, bytes: &[u8]) -> Result<(), Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(
            ErrorKind::Input,
            "the input is empty: expected the text of an earnings release",
        )
        .with_location(Location::bare(name, 1, 1)));
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    // The bytes below the space, less the line ends, tabs and form feeds among them: one
    // comparison per byte, summed byte-wide in chunks of 255 (which vectorises), and counts by
    // memchr: of line feeds, and of the others only when there are more bytes below the space
    // than line feeds.
    let below_space: usize = sample
        .chunks(255)
        .map(|chunk| chunk.iter().fold(0u8, |n, &b| n + u8::from(b < 0x20)))
        .map(usize::from)
        .sum();
    let count = |b: u8| memchr::memchr_iter(b, sample).count();
    let mut allowed = count(b'\n');
    if below_space > allowed {
        allowed += count(b'\r') + count(b'\t') + count(0x0c);
    }
    let control = below_space - allowed;
    if let Some(pos) = memchr::memchr(0, sample) {
        return Err(binary(name, bytes, pos));
    }
    if control * 100 > sample.len() {
        let pos = sample
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap_or(0);
        return Err(binary(name, bytes, pos));
    }
    Ok(())
}

/// Bytes that are not UTF-8 (the first bad one at `valid`), read as Windows-1252.
fn windows_1252_source(name: &str, bytes: &[u8], valid: usize) -> Source {
    let text = transcode_windows_1252(bytes);
    // Where the first byte that is not UTF-8 went: each high byte before it became a char of
    // one to three bytes.
    let offset = valid
        + bytes[..valid]
            .iter()
            .filter(|b| !b.is_ascii())
            .map(|&b| windows_1252(b).len_utf8() - 1)
            .sum::<usize>();
    Source::new(name, text).with_transcoding(offset)
}

fn binary(name: &str, bytes: &[u8], pos: usize) -> Error {
    let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    Error::new(
        ErrorKind::Input,
        format!(
            "the input is binary, not text (byte 0x{:02x} at offset {pos})",
            bytes[pos]
        ),
    )
    .with_location(Location::bare(name, line, pos - line_start + 1))
}

/// Windows-1252 bytes as text: runs of ASCII are copied as they are, each other byte becomes its
/// char.
fn transcode_windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 16);
    let mut rest = bytes;
    while !rest.is_empty() {
        let ascii = rest
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, high) = rest.split_at(ascii);
        text.push_str(std::str::from_utf8(run).unwrap_or_default());
        let Some((&b, after)) = high.split_first() else {
            break;
        };
        text.push(windows_1252(b));
        rest = after;
    }
    text
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// How many lines above a row of numbers keep their words: more than a header, its title
/// and headings span.
const WORDS_ABOVE_ROW: usize = 64;
/// How many lines below a row of numbers keep their words (headings and wrapped labels
/// before the next row).
const WORDS_BELOW_ROW: usize = 64;

pub use lines::MAX_LINE_BYTES;

/// Reads a release.
pub fn read(source: &Source) -> Result<Document, Error> {
    let mut all: Vec<lines::Line<'_>> = Vec::with_capacity(source.line_count());
    // Only lines near a row of numbers can be part of a table (its header, title, headings,
    // wrapped labels): the words of the others are dropped as soon as that is known, so that
    // memory follows the tables, not the prose around them.
    let mut last_row: Option<usize> = None;
    // Lines too long to be table lines (read as prose): their numbers, the first one's length.
    let mut long: Vec<(usize, usize)> = Vec::new();
    let forget = |all: &mut Vec<lines::Line<'_>>, last_row: Option<usize>, j: usize| {
        if last_row.is_none_or(|r| r + WORDS_BELOW_ROW < j) {
            all[j].forget_words();
        }
    };
    for (offset, content) in source.lines() {
        if content.len() > MAX_LINE_BYTES {
            long.push((all.len() + 1, content.len()));
        }
        let line = lines::Line::new(offset, content);
        if line.is_data_row() {
            last_row = Some(all.len());
        }
        all.push(line);
        if let Some(j) = all.len().checked_sub(WORDS_ABOVE_ROW + 1) {
            forget(&mut all, last_row, j);
        }
    }
    for j in all.len().saturating_sub(WORDS_ABOVE_ROW)..all.len() {
        forget(&mut all, last_row, j);
    }
    let (edgar, regions) = edgar(source, &all);
    // A long line matters only where text is read as text: HTML's lines are markup.
    long.retain(|&(n, _)| {
        regions
            .iter()
            .any(|r| matches!(r, Region::Text(lines) if lines.contains(&(n - 1))))
    });
    let blocks = table::Blocks::new(&all);
    let mut tables = Vec::new();
    let mut dropped = Vec::new();
    let parts: Vec<Part> = regions
        .iter()
        .map(|r| match r {
            Region::Text(lines) => {
                let at = |n: usize| {
                    all.get(n)
                        .map_or(source.text().len(), |l| offset_of(source, l.text))
                };
                Part {
                    span: Span::new(at(lines.start), at(lines.end).max(at(lines.start))),
                    html: false,
                }
            }
            Region::Html(bytes) => Part {
                span: Span::new(bytes.start, bytes.end),
                html: true,
            },
        })
        .collect();
    for region in regions {
        match region {
            Region::Text(lines) => {
                let (found, left_out) = table::find_tables(source, &all, &blocks, lines);
                tables.extend(found);
                dropped.extend(left_out);
            }
            Region::Html(bytes) => {
                for part in html::read(source, bytes) {
                    match part {
                        html::Part::Table(t) => tables.push(t),
                        html::Part::Pre(span) => {
                            let lines = lines_within(source, span);
                            let (found, left_out) =
                                table::find_tables(source, &all, &blocks, lines);
                            tables.extend(found);
                            dropped.extend(left_out);
                        }
                    }
                }
            }
        }
    }
    if tables.is_empty() {
        if let Some(d) = dropped.first() {
            // The only tables there are cannot be read: that is what to say.
            return Err(d.error(source));
        }
        return Err(Error::new(
            ErrorKind::Table,
            "no financial table found: expected columns of numbers under a dated header \
             (\"Three Months Ended / Sept. 30, / 2003\")",
        )
        .with_location(Location::of(source, Span::new(0, 0))));
    }
    // How far each table stands from the one before it, where its layout did not measure it
    // (text): the source lines between that table's last row and this one's first.
    for i in 1..tables.len() {
        if tables[i].gap.is_none() {
            tables[i].gap = Some(lines_between(source, &tables[i - 1], &tables[i]));
        }
    }
    // The filer's own tags on an 8-K's Inline XBRL cover page come first.
    let ticker = html::cover::tagged(source, "dei:TradingSymbol").or_else(|| find_ticker(source));
    let mut company = html::cover::tagged(source, "dei:EntityRegistrantName")
        .or_else(|| find_company(source, &tables, ticker.as_ref()));
    let mut edgar = edgar;
    if let Some(header) = &mut edgar {
        header.registrant = registrant(
            &header.filers,
            header.accession.as_deref(),
            company.as_ref(),
        );
        // The registrant is who the instance is about; a release about another company (the
        // statements of an acquired business, say) still reports for the filer.
        if let Some(r) = &header.registrant {
            let matches = company
                .as_ref()
                .is_some_and(|c| similarity(&c.text, &r.name) > 0.0);
            if !matches {
                company = Some(Text {
                    text: r.name.clone(),
                    span: Span::new(0, 0),
                });
            }
        }
    }
    Ok(Document {
        company,
        ticker,
        edgar,
        tables,
        dropped,
        diagnostics: text_diagnostics(source, &long),
        parts,
    })
}

/// What the text itself calls for: a `not-utf8` diagnostic where it stopped being UTF-8, and
/// one `long-line` diagnostic for the lines read as prose for their length.
fn text_diagnostics(source: &Source, long: &[(usize, usize)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(offset) = source.transcoded_at() {
        out.push(Diagnostic {
            code: DiagnosticCode::NotUtf8,
            message: "the input is not UTF-8: read as Windows-1252 from here on".into(),
            location: Some(Location::of(source, Span::new(offset, offset))),
            notes: Vec::new(),
        });
    }
    if let Some(&(first, bytes)) = long.first() {
        let more = match long.len() - 1 {
            0 => String::new(),
            1 => " (and 1 more such line)".to_string(),
            n => format!(" (and {n} more such lines)"),
        };
        out.push(Diagnostic {
            code: DiagnosticCode::LongLine,
            message: format!(
                "this line is {bytes} bytes long, more than the {MAX_LINE_BYTES} of any table line: \
                 read as prose{more}"
            ),
            location: Some(Location::bare(source.name(), first, 1)),
            notes: Vec::new(),
        });
    }
    out
}

/// A part of the input whose tables count.
enum Region {
    /// Plain text: a range of lines.
    Text(Range<usize>),
    /// HTML: a range of bytes.
    Html(Range<usize>),
}

/// The source lines from the start of `previous`'s last row to the start of `table`'s first
/// (`usize::MAX` when either has no row or they stand in the other order).
fn lines_between(source: &Source, previous: &Table, table: &Table) -> usize {
    let (Some(last), Some(first)) = (previous.rows.last(), table.rows.first()) else {
        return usize::MAX;
    };
    source
        .line_col(first.label.span.start)
        .line
        .checked_sub(source.line_col(last.label.span.start).line)
        .unwrap_or(usize::MAX)
}

/// The lines that start inside a span (the text of a `<pre>` block).
fn lines_within(source: &Source, span: Span) -> Range<usize> {
    let at = source.line_col(span.start);
    let first = if at.col == 1 { at.line - 1 } else { at.line };
    let last = source.line_col(span.end).line - 1;
    first..last.max(first)
}

/// The byte offset in the source of a line's text.
fn offset_of(source: &Source, text: &str) -> usize {
    (text.as_ptr() as usize).saturating_sub(source.text().as_ptr() as usize)
}

/// Document types that hold no release: XBRL, images, archives, spreadsheets, data files.
fn holds_no_release(doc_type: &str) -> bool {
    let t = doc_type.to_ascii_uppercase();
    t.starts_with("EX-101")
        || t.starts_with("GRAPHIC")
        || ["ZIP", "EXCEL", "XML", "JSON", "PDF", "XLSX", "JPG", "GIF"].contains(&t.as_str())
}

/// Splits an EDGAR submission into its header fields and the parts whose tables count: its
/// Exhibit 99 documents, text or HTML; when there is none, its plain-text documents, else its
/// main HTML document (the 8-K itself). A whole HTML file is read as HTML.
fn edgar(source: &Source, lines: &[lines::Line<'_>]) -> (Option<EdgarHeader>, Vec<Region>) {
    let text = source.text();
    let mut head_end = text.len().min(4096);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    let is_submission = crate::text::contains(head, "<SEC-HEADER>")
        || crate::text::contains(head, "<SEC-DOCUMENT>")
        || crate::text::contains(head, "<IMS-HEADER>")
        || crate::text::contains(head, "-----BEGIN PRIVACY-ENHANCED MESSAGE-----");
    // One EDGAR document on its own: its `<DOCUMENT>` wrapper with no submission header.
    let is_document = head.trim_start().starts_with("<DOCUMENT>");
    if !is_submission && !is_document {
        let whole = if html::is_html(text) {
            Region::Html(0..text.len())
        } else {
            Region::Text(0..lines.len())
        };
        return (None, vec![whole]);
    }
    let mut header = EdgarHeader::default();
    let mut docs: Vec<(String, Range<usize>, bool)> = Vec::new();
    let mut filename = String::new();
    let mut doc_type = String::new();
    let mut text_start: Option<usize> = None;
    let mut html = false;
    let mut in_header = true;
    let mut filer_block = false;
    for (i, line) in lines.iter().enumerate() {
        // Past the header only tags matter: most lines are passed over without trimming.
        if !in_header && !opens_with_tag(line.text) {
            continue;
        }
        let t = line.text.trim();
        if in_header {
            let field = |key: &str| t.strip_prefix(key).map(|v| v.trim().to_string());
            if let Some(v) = field("ACCESSION NUMBER:") {
                header.accession.get_or_insert(v);
            } else if let Some(v) = field("CONFORMED SUBMISSION TYPE:") {
                header.form_type.get_or_insert(v);
            } else if let Some(v) = field("CONFORMED PERIOD OF REPORT:") {
                header.period_of_report.get_or_insert(v);
            } else if let Some(v) = field("FILED AS OF DATE:") {
                header.filed.get_or_insert(v);
            } else if t == "FILER:" || t == "SUBJECT COMPANY:" || t == "FILED BY:" {
                filer_block = t == "FILER:";
            } else if let Some(v) = field("COMPANY CONFORMED NAME:") {
                if filer_block {
                    header.filers.push(Filer {
                        name: v,
                        ..Filer::default()
                    });
                }
            } else if let Some(v) = field("CENTRAL INDEX KEY:") {
                if let Some(f) = header.filers.last_mut().filter(|_| filer_block)
                    && v.chars().all(|c| c.is_ascii_digit())
                    && v.len() <= 10
                    && f.cik.is_empty()
                {
                    f.cik = format!("{v:0>10}");
                }
            } else if let Some(v) = field("FISCAL YEAR END:")
                && let Some(f) = header.filers.last_mut().filter(|_| filer_block)
            {
                f.fiscal_year_end.get_or_insert(v);
            }
        }
        // Every marker below is a tag: only lines starting with `<` need an upper-case copy.
        if !t.starts_with('<') {
            continue;
        }
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("<DOCUMENT>") {
            in_header = false;
            doc_type.clear();
        } else if let Some(v) = upper.strip_prefix("<TYPE>") {
            doc_type = v.trim().to_string();
            filename.clear();
        } else if let Some(v) = upper.strip_prefix("<FILENAME>") {
            filename = v.trim().to_string();
        } else if upper.starts_with("<TEXT>") {
            text_start = Some(i + 1);
            html = false;
        } else if upper.starts_with("</TEXT>") {
            // The viewer's pages of an XBRL filing (`R1.htm` ...) restate the XBRL.
            let viewer_page = filename.strip_prefix('R').is_some_and(|r| {
                r.split('.')
                    .next()
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            });
            if let Some(s) = text_start.take()
                && !holds_no_release(&doc_type)
                && !viewer_page
            {
                docs.push((doc_type.clone(), s..i, html));
            }
        } else if text_start.is_some()
            && (upper.starts_with("<HTML")
                || upper.starts_with("<!DOCTYPE HTML")
                || upper.starts_with("<BODY"))
        {
            html = true;
        }
    }
    let region = |d: &(String, Range<usize>, bool)| {
        if d.2 {
            let start = lines
                .get(d.1.start)
                .map_or(text.len(), |l| offset_of(source, l.text));
            let end = lines
                .get(d.1.end)
                .map_or(text.len(), |l| offset_of(source, l.text));
            Region::Html(start..end.max(start))
        } else {
            Region::Text(d.1.clone())
        }
    };
    let exhibits: Vec<Region> = docs
        .iter()
        .filter(|d| d.0.starts_with("EX-99"))
        .map(region)
        .collect();
    let text_docs: Vec<Region> = docs.iter().filter(|d| !d.2).map(region).collect();
    let regions = if !exhibits.is_empty() {
        exhibits
    } else if !text_docs.is_empty() {
        text_docs
    } else if let Some(main) = docs.first() {
        vec![region(main)]
    } else if html::is_html(text) {
        vec![Region::Html(0..text.len())]
    } else {
        vec![Region::Text(0..lines.len())]
    };
    ((!is_document || is_submission).then_some(header), regions)
}

/// Whether a line's first non-whitespace character is `<`: `text.trim_start().starts_with('<')`,
/// deciding a line that opens with spaces and printable ASCII from its bytes.
fn opens_with_tag(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += lines::count_spaces(&bytes[i..]).max(1);
    }
    match bytes.get(i).copied() {
        None => false,
        Some(b) if b > b' ' && b < 0x80 => b == b'<',
        // Other whitespace, or a char that is not ASCII: the char-by-char answer.
        Some(_) => text.trim_start().starts_with('<'),
    }
}

const NAME_NOISE: &[&str] = &[
    "THE",
    "INC",
    "INCORPORATED",
    "CO",
    "COMPANY",
    "CORP",
    "CORPORATION",
    "LTD",
    "LIMITED",
    "LLC",
    "LP",
    "PLC",
    "AND",
    "&",
    "COM",
    "GROUP",
    "HOLDINGS",
];

fn name_words(name: &str) -> Vec<String> {
    name.to_ascii_uppercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty() && !NAME_NOISE.contains(w))
        .map(str::to_string)
        .collect()
}

/// Jaccard similarity of two company names' significant words.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (name_words(a), name_words(b));
    let common = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// The filer the release is about: the best name match, then the filer agent whose CIK opens
/// the accession number, then the first filer.
fn registrant(filers: &[Filer], accession: Option<&str>, company: Option<&Text>) -> Option<Filer> {
    let agent = accession.and_then(|a| a.split('-').next()).unwrap_or("");
    let score = |f: &Filer| {
        let name = company.map_or(0.0, |c| similarity(&c.text, &f.name));
        let is_agent = !agent.is_empty() && f.cik.ends_with(agent.trim_start_matches('0'));
        (name, is_agent)
    };
    let mut best: Option<(&Filer, (f64, bool))> = None;
    for f in filers.iter().filter(|f| !f.cik.is_empty()) {
        let s = score(f);
        if best.is_none_or(|(_, b)| s.0 > b.0 || (s.0 == b.0 && s.1 && !b.1)) {
            best = Some((f, s));
        }
    }
    best.map(|(f, _)| f.clone())
}

const EXCHANGES: &[&str] = &[
    "nasdaq",
    "nyse",
    "amex",
    "nasdaqnm",
    "nasdaq/nm",
    "otc",
    "otcbb",
    "nasdaq-nms",
    "nasdaqgs",
    "nasdaqgm",
];

/// The length of the longest name in [`EXCHANGES`].
const LONGEST_EXCHANGE: usize = 10;

/// The first "EXCHANGE: SYMBOL" in the text.
fn find_ticker(source: &Source) -> Option<Text> {
    let text = source.text();
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        // Most colons follow a word no exchange's name ends like: passed over at one byte.
        let last = colon
            .checked_sub(1)
            .map(|p| text.as_bytes()[p].to_ascii_lowercase());
        if !EXCHANGES
            .iter()
            .any(|e| e.as_bytes().last() == last.as_ref())
        {
            continue;
        }
        // The word before the colon is ASCII: the byte after the last one that is not a letter,
        // digit, `/` or `-` starts it (a byte of a multi-byte char is never ASCII, so this is
        // a char boundary). No exchange's name is longer than the look back.
        let from = colon.saturating_sub(LONGEST_EXCHANGE + 1);
        let word_start = text.as_bytes()[from..colon]
            .iter()
            .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'/' || b == b'-'))
            .map_or(from, |p| from + p + 1);
        if colon - word_start > LONGEST_EXCHANGE {
            continue;
        }
        let word = &text[word_start..colon];
        if !EXCHANGES.iter().any(|e| word.eq_ignore_ascii_case(e)) {
            continue;
        }
        let after = &text[colon + 1..];
        let lead = after.len() - after.trim_start_matches([' ', '\t']).len();
        let sym_start = colon + 1 + lead;
        let sym_len = text[sym_start..]
            .find(|c: char| !(c.is_ascii_uppercase() || c == '.'))
            .unwrap_or(text.len() - sym_start);
        let symbol = text[sym_start..sym_start + sym_len].trim_end_matches('.');
        if (1..=6).contains(&symbol.len()) {
            return Some(Text {
                text: symbol.to_string(),
                span: Span::new(sym_start, sym_start + symbol.len()),
            });
        }
    }
    None
}

const SUFFIXES: &[&str] = &[
    "Inc.",
    "Inc",
    "Incorporated",
    "Corporation",
    "Corp.",
    "Corp",
    "Company",
    "Co.",
    "Ltd.",
    "Limited",
    "L.P.",
    "LLC",
    "plc",
    "N.V.",
    "S.A.",
];

fn has_corporate_suffix(name: &str) -> bool {
    let name = name.trim().trim_end_matches(',').to_ascii_lowercase();
    SUFFIXES.iter().any(|s| {
        let s = s.to_ascii_lowercase();
        name.len() > s.len() + 1
            && name.ends_with(&s)
            && name[..name.len() - s.len()].ends_with([' ', ','])
    })
}

/// The registrant's name: a table title line that is a company name, else the parenthesis
/// that carries the ticker ("(Art Technology Group, Inc., NASDAQ: ARTG)").
fn find_company(
    source: &Source,
    tables: &[crate::document::Table],
    ticker: Option<&Text>,
) -> Option<Text> {
    for table in tables {
        for line in &table.title {
            if has_corporate_suffix(&line.text) && line.text.len() <= 80 {
                return Some(line.clone());
            }
        }
    }
    let ticker = ticker?;
    let text = source.text();
    let open = text[..ticker.span.start].rfind('(')?;
    if ticker.span.start - open > 200 {
        return None;
    }
    let inside = &text[open + 1..ticker.span.start];
    // Drop the exchange ("..., NASDAQ:") and keep the name before it.
    let name_end = inside.rfind(',')?;
    let name = &inside[..name_end];
    let name = name.rsplit_once(" (").map_or(name, |(_, n)| n);
    let name = collapse(name);
    let start = open + 1;
    (!name.is_empty()).then(|| Text {
        text: name,
        span: Span::new(start, start + name_end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_owned_bytes_is_decoding_borrowed_ones() {
        for bytes in [
            &b"Net sales  $5,001\n"[..],
            b"caf\xc3\xa9 \x93quoted\x94\r\n",
            b"\x96 dash",
            b"  \n ",
            b"bin\0ary",
        ] {
            let borrowed = decode("r.txt", bytes);
            let owned = decode_owned("r.txt", bytes.to_vec());
            match (borrowed, owned) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.text(), b.text());
                    assert_eq!(a.transcoded_at(), b.transcoded_at());
                    assert_eq!(a.line_count(), b.line_count());
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("{bytes:?}: {:?} / {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }

    #[test]
    fn longest_exchange_is_the_longest_name() {
        assert_eq!(
            EXCHANGES.iter().map(|e| e.len()).max(),
            Some(LONGEST_EXCHANGE)
        );
    }

    #[test]
    fn windows_1252_transcoding_is_byte_by_byte() {
        let all: Vec<u8> = (0..=255u8).chain(*b"Net sales \x96 caf\xe9\x80").collect();
        let expected: String = all.iter().map(|&b| windows_1252(b)).collect();
        assert_eq!(transcode_windows_1252(&all), expected);
        assert_eq!(transcode_windows_1252(b""), "");
        assert_eq!(
            transcode_windows_1252(b"\x93quoted\x94"),
            "\u{201c}quoted\u{201d}"
        );
    }
}
