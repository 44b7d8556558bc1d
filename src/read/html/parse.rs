//! HTML tokens → blocks: paragraph lines of text outside tables, table grids (cells placed by
//! `colspan`/`rowspan`, with the styles a layout reads: bold, rules, indentation; tables built
//! of `<div>`s that say they draw one, by `display: table-row` or `role="row"`, read as tables)
//! and `<PRE>` blocks. Built on html5gum's tokenizer, whose tokens carry byte spans into the source; the
//! open elements are kept on explicit, bounded stacks, so nothing recurses on the input's
//! nesting and a tag never closed costs nothing more.

use html5gum::emitters::default::{DefaultEmitter, StartTag, Token};
use html5gum::{Emitter, ForwardingEmitter, Spanned, Tokenizer};

use crate::source::Span;

/// The widest a cell may span (`colspan`, `rowspan`): wider is clamped.
const MAX_SPAN: usize = 100;
/// The widest a table grid may be.
const MAX_GRID: usize = 1024;
/// How many open elements inside a cell are kept for their styles; deeper ones are read as
/// plain text.
const MAX_STYLE_DEPTH: usize = 256;
/// How many tables may be open inside each other; deeper ones are read as cells' text.
const MAX_TABLE_DEPTH: usize = 32;
/// How many `<div>`s are kept open for the parts of a table they draw; deeper ones are read
/// as text.
const MAX_DIV_DEPTH: usize = 4096;

/// A run of text between tags, entities decoded, with the bytes it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The decoded text (no-break spaces kept as `\u{a0}`).
    pub text: String,
    /// Its bytes in the source, entities and all.
    pub span: Span,
    /// Set in bold (`<b>`, `<strong>`, `font-weight: bold/600..900`).
    pub bold: bool,
    /// Left indentation from CSS (padding, margin, text indent), in points.
    pub indent: f32,
}

/// One cell of a table grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridCell {
    /// First grid column.
    pub col: usize,
    /// One past the last grid column.
    pub end: usize,
    /// The cell's lines (`<br>`, `<div>`, `<p>` start a new one), each a run of pieces.
    pub lines: Vec<Vec<Piece>>,
    /// A rule above the cell (`border-top`).
    pub rule_above: bool,
    /// A rule below the cell (`border-bottom`).
    pub rule_below: bool,
    /// The `<td>` tag's bytes.
    pub span: Span,
    /// A raised footnote mark, dropped, came before any text ("⁽¹⁾ Net sales by segment"):
    /// the spaces after it are no indentation.
    pub opens_with_mark: bool,
}

impl GridCell {
    /// Whether the cell shows any text.
    pub fn is_empty(&self) -> bool {
        self.lines
            .iter()
            .all(|l| l.iter().all(|p| p.text.trim_matches(is_space).is_empty()))
    }
}

/// A row of a table grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridRow {
    /// The cells, left to right.
    pub cells: Vec<GridCell>,
}

/// A table, its cells placed in grid columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// The rows, top to bottom.
    pub rows: Vec<GridRow>,
}

/// A piece of the page, in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A line of text outside any table.
    Line(Vec<Piece>),
    /// A table.
    Table(Grid),
    /// The text between `<pre>` and `</pre>`.
    Pre(Span),
    /// An empty line (`<br>` on its own, a paragraph of no-break spaces).
    Blank,
    /// A horizontal rule or page break (`<hr>`): no title reaches across it.
    Break,
}

/// Whether `c` is white space, the no-break space included.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

/// Elements that end a line of text.
fn breaks_line(name: &[u8]) -> bool {
    matches!(
        name,
        b"br"
            | b"p"
            | b"div"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"li"
            | b"ul"
            | b"ol"
            | b"hr"
            | b"center"
            | b"blockquote"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"address"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"nav"
            | b"form"
            | b"body"
            | b"caption"
    )
}

/// Elements whose content is not shown text.
fn hidden(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"head" | b"title" | b"noscript" | b"template" | b"svg" | b"select"
    )
}

/// Elements with no end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"br"
            | b"hr"
            | b"img"
            | b"input"
            | b"meta"
            | b"link"
            | b"col"
            | b"area"
            | b"base"
            | b"wbr"
            | b"source"
            | b"embed"
            | b"param"
            | b"track"
    )
}

/// What an element contributes to the text inside it.
#[derive(Clone, Copy, Debug, Default)]
struct Style {
    bold: bool,
    indent: f32,
    rule_above: bool,
    rule_below: bool,
    /// Set above the line (`<sup>`, `vertical-align: super`, `position: relative; top: -3pt`):
    /// a footnote mark, when that is all the text there is.
    raised: bool,
}

/// A part of a table an element other than `<table>`, `<tr>` and `<td>` can draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Table,
    Row,
    Cell,
}

impl Part {
    /// The part a CSS `display` value draws.
    fn of_display(value: &str) -> Option<Part> {
        match value.to_ascii_lowercase().as_str() {
            "table" | "inline-table" => Some(Part::Table),
            "table-row" => Some(Part::Row),
            "table-cell" => Some(Part::Cell),
            _ => None,
        }
    }

    /// The part an ARIA `role` draws.
    fn of_role(value: &[u8]) -> Option<Part> {
        let is = |r: &[u8]| value.eq_ignore_ascii_case(r);
        if is(b"table") || is(b"grid") || is(b"treegrid") {
            Some(Part::Table)
        } else if is(b"row") {
            Some(Part::Row)
        } else if is(b"cell") || is(b"gridcell") || is(b"columnheader") || is(b"rowheader") {
            Some(Part::Cell)
        } else {
            None
        }
    }
}

/// Text that can only be a footnote mark: one to three letters, digits or `*`, in parentheses
/// or not.
fn is_footnote_mark(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
        .trim_start_matches('(')
        .trim_end_matches(')');
    (1..=3).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '*')
}

fn attr<'t>(tag: &'t StartTag<usize>, name: &[u8]) -> Option<&'t [u8]> {
    tag.attributes.get(name).map(|v| &v.value[..])
}

/// A CSS length in points (`18pt`, `24px`, `1.5em`, `0.25in`); unknown units count as pixels.
fn length(value: &str) -> f32 {
    let v = value.trim();
    let num_end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(v.len());
    let n: f32 = v[..num_end].parse().unwrap_or(0.0);
    let n = if n.is_finite() {
        n.clamp(-1000.0, 1000.0)
    } else {
        0.0
    };
    match v[num_end..].trim() {
        "pt" => n,
        "em" | "rem" => n * 10.0,
        "in" => n * 72.0,
        "cm" => n * 28.35,
        "mm" => n * 2.835,
        "%" => n * 5.0,
        _ => n * 0.75,
    }
}

/// Whether a CSS border value draws a line (`1pt solid #000000`, not `none` or `0`).
fn draws(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    !(v.contains("none") || v.contains("hidden") || v.trim().starts_with('0'))
        && (v.contains("solid")
            || v.contains("double")
            || v.contains("dotted")
            || v.contains("dashed"))
}

/// Whether `hay` holds `needle` (lower case), ASCII letters compared in either case.
fn contains_ignoring_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

fn style_of(tag: &StartTag<usize>) -> Style {
    let name = &tag.name[..];
    let mut s = Style {
        bold: matches!(name, b"b" | b"strong" | b"th"),
        raised: name == b"sup",
        ..Style::default()
    };
    if let Some(class) = attr(tag, b"class") {
        // The words sought are ASCII and hold no space: the class's bytes, compared without
        // case, find them where its lower-cased text would.
        let has = |w: &[u8]| contains_ignoring_case(class, w);
        s.rule_above = has(b"border_top") || has(b"border-top");
        s.rule_below = has(b"border_bottom") || has(b"border-bottom");
        s.bold |= has(b"bold");
    }
    if let Some(style) = attr(tag, b"style") {
        // Declarations split at the bytes of ';' and ':' (ASCII, so where the text's would be);
        // a property with bytes beyond ASCII around it is trimmed as text.
        for (prop, value) in declarations(style) {
            let known = |p: &[u8]| {
                PROPS
                    .iter()
                    .find(|(name, _)| p.eq_ignore_ascii_case(name))
                    .map(|&(_, prop)| prop)
            };
            let prop = if prop.is_ascii() {
                // `str::trim`'s whitespace, within ASCII: space, tab to carriage return.
                let space = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
                let from = prop.iter().position(|b| !space(b)).unwrap_or(prop.len());
                let to = prop.iter().rposition(|b| !space(b)).map_or(from, |i| i + 1);
                known(&prop[from..to])
            } else {
                known(String::from_utf8_lossy(prop).trim().as_bytes())
            };
            let Some(prop) = prop else {
                continue;
            };
            let value = String::from_utf8_lossy(value);
            let value = value.trim();
            match prop {
                Prop::Weight => {
                    let v = value.to_ascii_lowercase();
                    s.bold = v.starts_with("bold") || v.parse::<u32>().is_ok_and(|w| w >= 600);
                }
                Prop::Indent => s.indent += length(value),
                Prop::Shorthand => {
                    // Shorthand: top right bottom left; one or two values give the left as the
                    // second (or only) one.
                    let parts: Vec<&str> = value.split_whitespace().collect();
                    let left = match parts.len() {
                        1 => parts[0],
                        2 | 3 => parts[1],
                        4 => parts[3],
                        _ => "0",
                    };
                    s.indent += length(left);
                }
                Prop::Above => s.rule_above |= draws(value),
                Prop::Below => s.rule_below |= draws(value),
                Prop::Border => {
                    let d = draws(value);
                    s.rule_above |= d;
                    s.rule_below |= d;
                }
                Prop::Align => s.raised |= value.to_ascii_lowercase().starts_with("super"),
                Prop::Top => s.raised |= value.starts_with('-'),
            }
        }
    }
    s
}

/// The style properties the reader reads, by name.
const PROPS: &[(&[u8], Prop)] = &[
    (b"font-weight", Prop::Weight),
    (b"padding-left", Prop::Indent),
    (b"margin-left", Prop::Indent),
    (b"text-indent", Prop::Indent),
    (b"padding", Prop::Shorthand),
    (b"margin", Prop::Shorthand),
    (b"border-top", Prop::Above),
    (b"border-top-style", Prop::Above),
    (b"border-bottom", Prop::Below),
    (b"border-bottom-style", Prop::Below),
    (b"border", Prop::Border),
    (b"vertical-align", Prop::Align),
    (b"top", Prop::Top),
];

/// A style property the reader reads.
#[derive(Clone, Copy)]
enum Prop {
    Weight,
    Indent,
    Shorthand,
    Above,
    Below,
    Border,
    Align,
    Top,
}

/// The part of a table an element draws, read only from an element that says it draws one
/// (a `role`, or a style naming a table: `display: table-row`).
fn part_of(tag: &StartTag<usize>) -> Option<Part> {
    if tag.attributes.is_empty() {
        return None;
    }
    if let Some(part) = attr(tag, b"role").and_then(|r| Part::of_role(r.trim_ascii())) {
        return Some(part);
    }
    let style = attr(tag, b"style")?;
    if !contains_ignoring_case(style, b"table") {
        return None;
    }
    // The last `display` declared is the one that holds.
    let (_, value) = declarations(style)
        .filter(|(prop, _)| prop.trim_ascii().eq_ignore_ascii_case(b"display"))
        .last()?;
    Part::of_display(String::from_utf8_lossy(value).trim())
}

/// A style attribute's declarations, property and value, split at the bytes of `;` and `:`.
fn declarations(style: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    style.split(|&b| b == b';').filter_map(|decl| {
        let colon = decl.iter().position(|&b| b == b':')?;
        Some((&decl[..colon], &decl[colon + 1..]))
    })
}

fn span_attr(tag: &StartTag<usize>, name: &[u8]) -> usize {
    attr(tag, name)
        .and_then(|v| {
            let digits: String = String::from_utf8_lossy(v)
                .trim()
                .chars()
                .take_while(char::is_ascii_digit)
                .take(6)
                .collect();
            digits.parse::<usize>().ok()
        })
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

/// A table being read.
#[derive(Default)]
struct OpenTable {
    grid: Grid,
    /// The block it will take, reserved when it opened.
    slot: usize,
    /// For each grid column, the last row a `rowspan` above occupies it through.
    taken: Vec<usize>,
    row: Option<OpenRow>,
}

struct OpenRow {
    cells: Vec<GridCell>,
    next_col: usize,
    style: Style,
    cell: Option<OpenCell>,
}

struct OpenCell {
    cell: GridCell,
    /// Open elements inside the cell with their styles (the `<td>`'s first).
    stack: Vec<(Vec<u8>, Style)>,
}

impl OpenCell {
    fn style(&self) -> Style {
        let mut s = Style::default();
        for (_, st) in &self.stack {
            s.bold |= st.bold;
            s.indent += st.indent;
            s.raised |= st.raised;
        }
        s
    }

    fn new_line(&mut self) {
        if self.cell.lines.last().is_some_and(|l| !l.is_empty()) {
            self.cell.lines.push(Vec::new());
        }
    }
}

impl OpenTable {
    fn close_cell(&mut self) {
        let Some(row) = &mut self.row else {
            return;
        };
        if let Some(open) = row.cell.take() {
            let mut cell = open.cell;
            cell.lines.retain(|l| !l.is_empty());
            row.cells.push(cell);
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(row) = self.row.take() {
            self.grid.rows.push(GridRow { cells: row.cells });
        }
    }

    fn open_row(&mut self, style: Style) {
        self.close_row();
        self.row = Some(OpenRow {
            cells: Vec::new(),
            next_col: 0,
            style,
            cell: None,
        });
    }

    fn open_cell(&mut self, tag: &StartTag<usize>) {
        if self.row.is_none() {
            self.open_row(Style::default());
        }
        self.close_cell();
        let index = self.grid.rows.len();
        let Some(row) = &mut self.row else {
            return;
        };
        let mut col = row.next_col;
        while col < self.taken.len() && self.taken[col] >= index && col < MAX_GRID {
            col += 1;
        }
        let colspan = span_attr(tag, b"colspan");
        let rowspan = span_attr(tag, b"rowspan");
        let col = col.min(MAX_GRID);
        let end = (col + colspan).min(MAX_GRID);
        if rowspan > 1 {
            if self.taken.len() < end {
                self.taken.resize(end, 0);
            }
            for t in &mut self.taken[col..end] {
                *t = (*t).max(index + rowspan - 1);
            }
        }
        row.next_col = end;
        let mut style = style_of(tag);
        style.bold |= row.style.bold;
        row.cell = Some(OpenCell {
            cell: GridCell {
                col,
                end,
                lines: vec![Vec::new()],
                rule_above: style.rule_above || row.style.rule_above,
                rule_below: style.rule_below || row.style.rule_below,
                span: tag.span.into_span(),
                opens_with_mark: false,
            },
            stack: vec![(tag.name.to_vec(), style)],
        });
    }
}

trait IntoSpan {
    fn into_span(self) -> Span;
}

impl IntoSpan for html5gum::Span<usize> {
    fn into_span(self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// html5gum's emitter with its parse errors turned off: the reader ignores them, and checking
/// every character for them was a sixth of the tokenizer's work.
struct Quiet(DefaultEmitter<usize>);

impl ForwardingEmitter for Quiet {
    type Token = Token<usize>;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// Reads the HTML in `text`, which starts at byte `base` of the source, into blocks whose spans
/// are the source's.
pub fn blocks(text: &str, base: usize) -> Vec<Block> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let emitter = Quiet(emitter);
    let mut out: Vec<Option<Block>> = Vec::new();
    let mut line: Vec<Piece> = Vec::new();
    let mut tables: Vec<OpenTable> = Vec::new();
    let mut hide: Option<Vec<u8>> = None;
    let mut pre: Option<usize> = None;
    // The open `<div>`s, each with the part of a table it opened (a table of `<div>`s), and how
    // many more are open beyond the bound.
    let mut divs: Vec<Option<Part>> = Vec::new();
    let mut divs_beyond = 0usize;
    let flush = |line: &mut Vec<Piece>, out: &mut Vec<Option<Block>>| {
        if line
            .iter()
            .any(|p| !p.text.trim_matches(is_space).is_empty())
        {
            out.push(Some(Block::Line(std::mem::take(line))));
        } else if line.iter().any(|p| p.text.contains('\u{a0}')) {
            out.push(Some(Block::Blank));
        }
        line.clear();
    };
    let shift = |s: html5gum::Span<usize>| Span::new(s.start + base, s.end + base);
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = &tag.name[..];
                // A `<head>` never closed ends where the body's content starts.
                if hide.as_deref() == Some(b"head")
                    && matches!(name, b"body" | b"table" | b"div" | b"p")
                {
                    hide = None;
                }
                if hide.is_some() {
                    continue;
                }
                if hidden(name) {
                    if !tag.self_closing {
                        hide = Some(name.to_vec());
                    }
                    continue;
                }
                if name == b"pre" && tables.is_empty() {
                    flush(&mut line, &mut out);
                    pre = Some(tag.span.end + base);
                    continue;
                }
                let part = if name == b"div" {
                    let part = part_of(&tag).filter(|p| match p {
                        Part::Table => tables.len() < MAX_TABLE_DEPTH,
                        Part::Row | Part::Cell => !tables.is_empty(),
                    });
                    if tag.self_closing {
                        None
                    } else if divs.len() < MAX_DIV_DEPTH {
                        divs.push(part);
                        part
                    } else {
                        divs_beyond += 1;
                        None
                    }
                } else {
                    None
                };
                match (part, tables.last_mut()) {
                    (Some(Part::Row), Some(table)) => {
                        table.open_row(style_of(&tag));
                        continue;
                    }
                    (Some(Part::Cell), Some(table)) => {
                        table.open_cell(&tag);
                        continue;
                    }
                    _ => {}
                }
                if (name == b"table" && tables.len() < MAX_TABLE_DEPTH) || part == Some(Part::Table)
                {
                    if tables.is_empty() {
                        flush(&mut line, &mut out);
                    }
                    out.push(None);
                    tables.push(OpenTable {
                        slot: out.len() - 1,
                        ..OpenTable::default()
                    });
                    continue;
                }
                let Some(table) = tables.last_mut() else {
                    if name == b"br" && line.is_empty() {
                        out.push(Some(Block::Blank));
                    } else if name == b"hr" {
                        flush(&mut line, &mut out);
                        out.push(Some(Block::Break));
                    } else if breaks_line(name) {
                        flush(&mut line, &mut out);
                    }
                    continue;
                };
                match name {
                    b"tr" => table.open_row(style_of(&tag)),
                    b"td" | b"th" => table.open_cell(&tag),
                    _ => {
                        if let Some(cell) = table.row.as_mut().and_then(|r| r.cell.as_mut()) {
                            if breaks_line(name) {
                                cell.new_line();
                            }
                            if !is_void(name)
                                && !tag.self_closing
                                && cell.stack.len() < MAX_STYLE_DEPTH
                            {
                                cell.stack.push((name.to_vec(), style_of(&tag)));
                            }
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = &tag.name[..];
                if let Some(h) = &hide {
                    if h[..] == *name {
                        hide = None;
                    }
                    continue;
                }
                if name == b"pre" {
                    if let Some(start) = pre.take() {
                        out.push(Some(Block::Pre(Span::new(start, tag.span.start + base))));
                    }
                    continue;
                }
                let part = if name != b"div" {
                    None
                } else if divs_beyond > 0 {
                    divs_beyond -= 1;
                    None
                } else {
                    divs.pop().flatten()
                };
                match (part, tables.last_mut()) {
                    (Some(Part::Row), Some(table)) => {
                        table.close_row();
                        continue;
                    }
                    (Some(Part::Cell), Some(table)) => {
                        table.close_cell();
                        continue;
                    }
                    _ => {}
                }
                if name == b"table" || part == Some(Part::Table) {
                    if let Some(mut table) = tables.pop() {
                        table.close_row();
                        out[table.slot] = Some(Block::Table(table.grid));
                    }
                    continue;
                }
                let Some(table) = tables.last_mut() else {
                    if breaks_line(name) {
                        flush(&mut line, &mut out);
                    }
                    continue;
                };
                match name {
                    b"tr" => table.close_row(),
                    b"td" | b"th" => table.close_cell(),
                    _ => {
                        if let Some(cell) = table.row.as_mut().and_then(|r| r.cell.as_mut()) {
                            if breaks_line(name) {
                                cell.new_line();
                            }
                            // Closes the innermost open element of that name (never the cell).
                            if let Some(i) = cell.stack.iter().rposition(|(n, _)| n[..] == *name)
                                && i > 0
                            {
                                cell.stack.truncate(i);
                            }
                        }
                    }
                }
            }
            Token::String(Spanned { value, span }) => {
                if hide.is_some() || pre.is_some() {
                    continue;
                }
                let text = String::from_utf8_lossy(&value).into_owned();
                let span = shift(span);
                match tables.last_mut() {
                    None => line.push(Piece {
                        text,
                        span,
                        bold: false,
                        indent: 0.0,
                    }),
                    Some(table) => {
                        if let Some(cell) = table.row.as_mut().and_then(|r| r.cell.as_mut()) {
                            let style = cell.style();
                            // A raised footnote mark ("Profit ²", "Net sales ⁽¹⁾") is no word
                            // of the label and no digit of the number.
                            if style.raised && is_footnote_mark(&text) {
                                let c = &mut cell.cell;
                                c.opens_with_mark |= c
                                    .lines
                                    .iter()
                                    .flatten()
                                    .all(|p| p.text.trim_matches(is_space).is_empty());
                                continue;
                            }
                            if let Some(l) = cell.cell.lines.last_mut() {
                                l.push(Piece {
                                    text,
                                    span,
                                    bold: style.bold,
                                    indent: style.indent,
                                });
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Whatever is left open ends with the text.
    while let Some(mut table) = tables.pop() {
        table.close_row();
        out[table.slot] = Some(Block::Table(table.grid));
    }
    if let Some(start) = pre {
        out.push(Some(Block::Pre(Span::new(start, base + text.len()))));
    }
    flush(&mut line, &mut out);
    out.into_iter().flatten().collect()
}
