//! An HTML document rewritten as XHTML 1.1 body content, in one pass over html5gum's tokens,
//! with chosen byte ranges of its text wrapped by the caller (the Inline XBRL writer wraps
//! the numbers that are facts).
//!
//! The rewrite keeps the document's own markup and makes it what an Inline XBRL processor
//! accepts: well-formed XML that the XHTML 1.1 schema validates.
//!
//! * **Names and attributes.** Tag names are lower case; elements XHTML 1.1 lacks become a
//!   `span` or `div` with CSS for what they showed, presentational attributes become CSS, and
//!   attributes are deduplicated (the first wins, as in HTML), escaped, and kept only where the
//!   schema allows them with a value of its type ([`names`]). Ids are kept once each.
//! * **Balance.** Open elements are on a bounded stack: end tags HTML implies are implied
//!   (a `<td>` ends the cell before it, a block ends an open paragraph), an end tag closes the
//!   elements opened inside its element, an end tag matching nothing is ignored, and everything
//!   is closed at the end. Void elements are written self-closed.
//! * **Content models.** XHTML 1.1 is stricter than HTML: text or an element where a table,
//!   row or list allows none goes into the cell or item HTML would imply (a formatting tag
//!   there is left out, as HTML moves it out of the table); a block inside inline content
//!   closes the inline elements around it, and their styles carry over to the block and to the
//!   text after it until their end tags, as a browser shows them. A table, row or list left
//!   empty gets the one empty cell or item the schema requires.
//! * **Text.** Character references are decoded (XHTML knows no `&nbsp;`), characters XML
//!   forbids are dropped, the rest is escaped.
//! * **Left out:** comments, the doctype, processing instructions; scripts with `noscript`,
//!   form controls, frames, drawings, and the `title`, `meta`, `link` and `base` of the head
//!   (a document for reading and archiving runs no code, and its title and character set are
//!   the writer's). `<style>` sheets are returned for the head, where XHTML allows them. An
//!   `<object>`'s or `<video>`'s fallback content is kept, as a browser without the plugin
//!   shows it.
//!
//! Nothing recurses on the input: the stack holds at most [`MAX_DEPTH`] elements, and a start
//! tag deeper than that is left out (its text is kept).

pub mod names;

use std::ops::Range;

use html5gum::emitters::default::{DefaultEmitter, StartTag, Token};
use html5gum::{Spanned, Tokenizer};
use quick_xml::escape::{escape, partial_escape};
use rustc_hash::FxHashSet;

use super::xml_text;
use crate::source::Span;
use names::{Model, Role, attributes, drops_content, is_void, role};

/// The most elements open at once (libxml2 refuses documents nested more than 256 deep).
pub const MAX_DEPTH: usize = 200;

/// An open element.
struct Open {
    /// The source element's name, which its end tag matches ("" for an implied element).
    source: String,
    /// The XHTML element written.
    name: &'static str,
    model: Model,
    /// An element has been written inside it.
    filled: bool,
    /// The source names a span reopening carried styles stands for.
    carried: Vec<String>,
    /// Inline elements a block closed inside this one: their source names and CSS, which go
    /// on to style what follows until their end tags.
    carry: Vec<(String, String)>,
    /// The CSS this element gives its text, when a block closes it.
    css: String,
}

impl Open {
    fn new(source: &str, name: &'static str, model: Model, css: String) -> Open {
        Open {
            source: source.to_string(),
            name,
            model,
            filled: false,
            carried: Vec::new(),
            carry: Vec::new(),
            css,
        }
    }
}

/// What the rewrite gives besides the body content.
#[derive(Debug, Default)]
pub struct Rewritten {
    /// For each range asked to be wrapped, whether it was.
    pub wrapped: Vec<bool>,
    /// The CSS of the document's `<style>` elements, in order.
    pub styles: String,
}

/// The rewrite of one HTML document.
struct Writer<'o, W> {
    out: &'o mut Vec<u8>,
    stack: Vec<Open>,
    ids: &'o mut FxHashSet<String>,
    wrap: W,
    /// Open `<pre>` elements: they allow no images and no size or position changes.
    pre: usize,
    /// The HTML rewritten, and where it starts in the source text.
    html: &'o str,
    base: usize,
    /// The ranges to wrap, the first not yet passed, and which of them were wrapped.
    spans: &'o [Span],
    next_span: usize,
    wrapped: Vec<bool>,
}

/// Writes the HTML of `text[range]` into `out` as one `div` of XHTML body content. Each
/// range of `spans` (sorted, apart, byte offsets of `text`) that lies within one run of text
/// is written by `wrap(index, text of the range, out)`; the others are written as text.
/// `ids` are the ids the document already uses; the ids kept are added.
pub fn rewrite<W: FnMut(usize, &str, &mut Vec<u8>)>(
    text: &str,
    range: Range<usize>,
    spans: &[Span],
    ids: &mut FxHashSet<String>,
    out: &mut Vec<u8>,
    wrap: W,
) -> Rewritten {
    let base = range.start;
    let html = text.get(range).unwrap_or_default();
    let mut styles = String::new();
    out.extend_from_slice(b"<div>");
    let mut w = Writer {
        out,
        stack: vec![Open::new("", "div", Model::Flow, String::new())],
        ids,
        wrap,
        pre: 0,
        html,
        base,
        spans,
        next_span: 0,
        wrapped: vec![false; spans.len()],
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    // Text gathered from consecutive string tokens: its bytes and decoded value.
    let mut run: Option<(Range<usize>, String)> = None;
    // An element left out with its content: its name and how many are open.
    let mut skip: Option<(String, usize)> = None;
    let mut style: Option<String> = None;
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        if let Token::String(Spanned { value, span }) = &token {
            let value = String::from_utf8_lossy(value);
            match &mut run {
                Some((r, v)) if r.end == span.start => {
                    r.end = span.end;
                    v.push_str(&value);
                }
                _ => {
                    w.flush(run.take(), &mut style, skip.is_some());
                    run = Some((span.start..span.end, value.into_owned()));
                }
            }
            continue;
        }
        w.flush(run.take(), &mut style, skip.is_some());
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipped, depth)) = &mut skip {
                    if *skipped == name && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                if style.is_some() {
                    continue;
                }
                match role(&name) {
                    Role::Dropped => {
                        if drops_content(&name) && !tag.self_closing {
                            skip = Some((name, 1));
                        }
                    }
                    Role::Style => {
                        if !tag.self_closing {
                            style = Some(String::new());
                        }
                    }
                    Role::Transparent => {}
                    Role::Element {
                        name: out_name,
                        model,
                        block,
                        css,
                    } => w.start(&name, &tag, out_name, model, block, css),
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipped, depth)) = &mut skip {
                    if *skipped == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                        }
                    }
                    continue;
                }
                if name == "style"
                    && let Some(css) = style.take()
                {
                    styles.push_str(&css);
                    styles.push('\n');
                    continue;
                }
                if style.is_none() {
                    w.end(&name);
                }
            }
            _ => {}
        }
    }
    w.flush(run.take(), &mut style, skip.is_some());
    if let Some(css) = style {
        styles.push_str(&css);
        styles.push('\n');
    }
    while w.stack.len() > 1 {
        w.close();
    }
    w.out.extend_from_slice(b"</div>");
    Rewritten {
        wrapped: w.wrapped,
        styles,
    }
}

/// The text of `raw` as the tokenizer decodes it, if it is text only.
fn decode(raw: &str) -> Option<String> {
    let mut out = String::new();
    for token in Tokenizer::new(raw) {
        match token {
            Ok(Token::String(s)) => out.push_str(&String::from_utf8_lossy(&s)),
            Ok(Token::Error(_)) => {}
            _ => return None,
        }
    }
    Some(out)
}

fn push_text(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(partial_escape(xml_text(s)).as_bytes());
}

impl<W: FnMut(usize, &str, &mut Vec<u8>)> Writer<'_, W> {
    fn top(&self) -> &Open {
        // The root is never closed.
        &self.stack[self.stack.len() - 1]
    }

    /// Writes `<name attrs>` (or `<name attrs/>` when empty) and opens it unless empty.
    fn open_element(
        &mut self,
        source: &str,
        name: &'static str,
        model: Model,
        attrs: &[(&'static str, String)],
        carry_css: String,
    ) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            return false;
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.filled = true;
        }
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            self.out.push(b' ');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"=\"");
            self.out.extend_from_slice(escape(xml_text(v)).as_bytes());
            self.out.push(b'"');
        }
        if model == Model::Empty {
            self.out.extend_from_slice(b"/>");
            return true;
        }
        self.out.push(b'>');
        if name == "pre" {
            self.pre += 1;
        }
        self.stack.push(Open::new(source, name, model, carry_css));
        true
    }

    /// An element HTML implies (a row around a cell, a cell around text in a row).
    fn implied(&mut self, name: &'static str, model: Model) -> bool {
        self.open_element("", name, model, &[], String::new())
    }

    /// Closes the innermost element, first giving a table, row or list left empty the one
    /// child the schema requires.
    fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let filled = self.top().filled;
        let model = self.top().model;
        if !filled {
            let fill: &[u8] = match model {
                Model::Table => b"<tr><td></td></tr>",
                Model::Row => b"<td></td>",
                Model::List => b"<li></li>",
                Model::Definitions => b"<dd></dd>",
                _ => b"",
            };
            self.out.extend_from_slice(fill);
        }
        if let Some(open) = self.stack.pop() {
            if open.name == "pre" {
                self.pre -= 1;
            }
            self.out.extend_from_slice(b"</");
            self.out.extend_from_slice(open.name.as_bytes());
            self.out.push(b'>');
        }
    }

    /// Makes the innermost element one that holds text and inline elements: implies the
    /// cell, row cell or item a table, row or list needs, and reopens carried styles.
    fn inline_context(&mut self) -> bool {
        loop {
            let ok = match self.top().model {
                Model::Flow => {
                    let top = self.top();
                    if top.carry.is_empty() {
                        return true;
                    }
                    let css: String = top.carry.iter().map(|(_, c)| c.as_str()).collect();
                    let names: Vec<String> = top.carry.iter().map(|(n, _)| n.clone()).collect();
                    let attrs = [("style", css)];
                    let attrs: &[(&str, String)] = if attrs[0].1.is_empty() { &[] } else { &attrs };
                    if !self.open_element("", "span", Model::Inline, attrs, String::new()) {
                        return true;
                    }
                    if let Some(top) = self.stack.last_mut() {
                        top.carried = names;
                    }
                    return true;
                }
                Model::Inline => return true,
                Model::Table => self.implied("tr", Model::Row),
                Model::Row => self.implied("td", Model::Flow),
                Model::List => self.implied("li", Model::Flow),
                Model::Definitions => self.implied("dd", Model::Flow),
                Model::Empty => false,
            };
            if !ok {
                return false;
            }
        }
    }

    /// Makes the innermost element one that holds blocks: closes inline elements (their
    /// styles carry on) and implies what a table, row or list needs. Gives the CSS carried.
    fn block_context(&mut self) -> Option<String> {
        let mut closed: Vec<(String, String)> = Vec::new();
        while self.top().model == Model::Inline {
            let top = self.top();
            if top.carried.is_empty() && !top.css.is_empty() && !top.source.is_empty() {
                closed.push((top.source.clone(), top.css.clone()));
            }
            self.close();
        }
        loop {
            let ok = match self.top().model {
                Model::Flow => break,
                Model::Table => self.implied("tr", Model::Row),
                Model::Row => self.implied("td", Model::Flow),
                Model::List => self.implied("li", Model::Flow),
                Model::Definitions => self.implied("dd", Model::Flow),
                Model::Inline | Model::Empty => false,
            };
            if !ok {
                return None;
            }
        }
        let top = self.stack.last_mut()?;
        closed.reverse();
        top.carry.extend(closed);
        Some(top.carry.iter().map(|(_, c)| c.as_str()).collect())
    }

    /// Index of the innermost open element satisfying `hit`, not looking past an element
    /// satisfying `stop` (nor past the root).
    fn find(&self, hit: impl Fn(&Open) -> bool, stop: impl Fn(&Open) -> bool) -> Option<usize> {
        for i in (1..self.stack.len()).rev() {
            let e = &self.stack[i];
            if hit(e) {
                return Some(i);
            }
            if stop(e) {
                return None;
            }
        }
        None
    }

    fn close_above(&mut self, i: usize) {
        while self.stack.len() > i + 1 {
            self.close();
        }
    }

    fn start(
        &mut self,
        source: &str,
        tag: &StartTag<usize>,
        name: &'static str,
        model: Model,
        block: bool,
        css: &'static str,
    ) {
        let cell = |e: &Open| matches!(e.name, "td" | "th");
        let table_part = |e: &Open| matches!(e.model, Model::Table | Model::Row);
        let mut name = name;
        let mut model = model;
        let mut block = block;
        match name {
            "td" | "th" | "tr" => {
                let Some(i) = self.find(table_part, |_| false) else {
                    return;
                };
                self.close_above(i);
                if self.top().model == Model::Row && name == "tr" {
                    self.close();
                }
                if self.top().model == Model::Table
                    && name != "tr"
                    && !self.implied("tr", Model::Row)
                {
                    return;
                }
            }
            "li" | "dt" | "dd" => {
                let list = if name == "li" {
                    Model::List
                } else {
                    Model::Definitions
                };
                match self.find(|e| e.model == list, |e| cell(e) || e.model == Model::Table) {
                    Some(i) => self.close_above(i),
                    None => {
                        // An item outside any list is a block of its own.
                        name = "div";
                        model = Model::Flow;
                        block = true;
                    }
                }
            }
            "a" => {
                if let Some(i) = self.find(|e| e.name == "a", |e| e.model != Model::Inline) {
                    self.close_above(i);
                    self.close();
                }
            }
            _ => {}
        }
        if self.pre > 0 {
            match name {
                "img" => return,
                "big" | "small" | "sub" | "sup" => name = "span",
                _ => {}
            }
        }
        let carry = if matches!(name, "td" | "th" | "tr" | "li" | "dt" | "dd") {
            String::new()
        } else if block {
            match self.block_context() {
                Some(c) => c,
                None => return,
            }
        } else {
            // HTML moves formatting out of a table; its text still shows in a cell.
            if table_part(self.top()) {
                return;
            }
            if !self.inline_context() {
                return;
            }
            String::new()
        };
        let attrs = tag
            .attributes
            .iter()
            .map(|(k, v)| {
                (
                    String::from_utf8_lossy(k).to_ascii_lowercase(),
                    String::from_utf8_lossy(&v.value).into_owned(),
                )
            })
            .fold(std::collections::BTreeMap::new(), |mut m, (k, v)| {
                m.entry(k).or_insert(v);
                m
            });
        let css = format!("{carry}{css}");
        let attrs = attributes(source, name, &attrs, &css, self.ids);
        if name == "img" && !attrs.list.iter().any(|(k, _)| *k == "src") {
            return;
        }
        // What this element gives its text, should a block close it.
        let own_css = if block || name == "a" {
            String::new()
        } else {
            match name {
                "b" | "strong" => "font-weight:bold;".to_string(),
                "i" | "em" | "cite" | "dfn" | "var" => "font-style:italic;".to_string(),
                _ => attrs
                    .list
                    .iter()
                    .find(|(k, _)| *k == "style")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            }
        };
        let void = model == Model::Empty || is_void(source);
        let model = if void { Model::Empty } else { model };
        self.open_element(source, name, model, &attrs.list, own_css);
        let _ = tag.self_closing;
    }

    fn end(&mut self, name: &str) {
        if is_void(name) {
            // `</br>` is a line break to HTML.
            if name == "br" && self.inline_context() {
                self.open_element("br", "br", Model::Empty, &[], String::new());
            }
            return;
        }
        let table_tag = matches!(name, "td" | "th" | "tr" | "table");
        let boundary = |e: &Open| {
            if table_tag {
                name != "table" && e.model == Model::Table
            } else {
                matches!(e.name, "td" | "th") || e.model == Model::Table
            }
        };
        if let Some(i) = self.find(
            |e| e.source == name || e.carried.iter().any(|c| c == name),
            boundary,
        ) {
            let carried = !self.stack[i].carried.is_empty();
            self.close_above(i);
            self.close();
            if carried {
                self.uncarry(name);
            }
            return;
        }
        self.uncarry(name);
    }

    /// Ends a carried style at its end tag.
    fn uncarry(&mut self, name: &str) {
        for e in self.stack.iter_mut().rev() {
            if let Some(k) = e.carry.iter().rposition(|(n, _)| n == name) {
                e.carry.remove(k);
                return;
            }
            if matches!(e.name, "td" | "th") {
                return;
            }
        }
    }

    /// Writes a run of text: `raw` is bytes `r` of the document (which starts at `base` of
    /// the source), `value` its decoded text.
    #[allow(clippy::too_many_arguments)]
    /// Writes a run of text gathered from the tokens: into the style sheet being read, or
    /// nowhere inside an element left out, else as text.
    fn flush(
        &mut self,
        run: Option<(Range<usize>, String)>,
        style: &mut Option<String>,
        skipping: bool,
    ) {
        let Some((r, v)) = run else {
            return;
        };
        if let Some(css) = style {
            css.push_str(&v);
        } else if !skipping {
            self.text(r, &v);
        }
    }

    fn text(&mut self, r: Range<usize>, value: &str) {
        let (html, base, spans) = (self.html, self.base, self.spans);
        let next = &mut self.next_span;
        let (start, end) = (r.start + base, r.end + base);
        // Ranges before this run were not in text.
        while *next < spans.len() && spans[*next].start < start {
            *next += 1;
        }
        let first = *next;
        while *next < spans.len() && spans[*next].end <= end {
            *next += 1;
        }
        let inside = first..*next;
        let blank = value.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
        if blank && inside.is_empty() {
            if self.top().model != Model::Empty {
                push_text(self.out, value);
            }
            return;
        }
        if !self.inline_context() {
            return;
        }
        // The pieces between the ranges, decoded one by one, must give the run's text.
        let mut pieces: Vec<String> = Vec::new();
        let mut at = start;
        let mut ok = true;
        let mut joined = String::new();
        for k in inside.clone() {
            let s = spans[k];
            let (Some(before), Some(digits)) = (
                html.get(at - base..s.start - base),
                html.get(s.start - base..s.end - base),
            ) else {
                ok = false;
                break;
            };
            let Some(d) = decode(before) else {
                ok = false;
                break;
            };
            joined.push_str(&d);
            joined.push_str(digits);
            pieces.push(d);
            at = s.end;
        }
        let tail = if ok {
            html.get(at - base..end - base).and_then(decode)
        } else {
            None
        };
        match tail {
            Some(t)
                if {
                    joined.push_str(&t);
                    joined == value
                } =>
            {
                for (k, piece) in inside.clone().zip(&pieces) {
                    push_text(self.out, piece);
                    let s = spans[k];
                    (self.wrap)(k, &html[s.start - base..s.end - base], self.out);
                    self.wrapped[k] = true;
                }
                push_text(self.out, &t);
            }
            _ => push_text(self.out, value),
        }
        if let Some(top) = self.stack.last_mut() {
            top.filled |= !blank;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> String {
        let mut out = Vec::new();
        let mut ids = FxHashSet::default();
        rewrite(html, 0..html.len(), &[], &mut ids, &mut out, |_, _, _| {});
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cells_and_paragraphs_end_where_html_implies() {
        assert_eq!(
            run("<TABLE><TR><TD>a<TD>b<TR><TD>c</TABLE>"),
            "<div><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></div>"
        );
        assert_eq!(run("<p>a<p>b"), "<div><p>a</p><p>b</p></div>");
        assert_eq!(
            run("<ul><li>a<li>b</ul>"),
            "<div><ul><li>a</li><li>b</li></ul></div>"
        );
    }

    #[test]
    fn misnested_tags_close_what_they_hold() {
        assert_eq!(run("<b><i>x</b>y</i>"), "<div><b><i>x</i></b>y</div>");
        assert_eq!(run("</div></td>x"), "<div>x</div>");
    }

    #[test]
    fn legacy_elements_become_styled_spans_and_divs() {
        assert_eq!(
            run("<center><font size=2 color=red>x</font></center>"),
            "<div><div style=\"text-align:center;\"><span style=\"font-size:small;color:red;\">x</span></div></div>"
        );
    }

    #[test]
    fn a_block_in_a_font_carries_its_style() {
        assert_eq!(
            run("<font size=2><p>a</p>b</font>c"),
            "<div><span style=\"font-size:small;\"></span><p style=\"font-size:small;\">a</p>\
             <span style=\"font-size:small;\">b</span>c</div>"
        );
    }

    #[test]
    fn text_in_a_table_goes_in_a_cell_and_empty_tables_get_one() {
        assert_eq!(
            run("<table><font>x</font></table><table></table>"),
            "<div><table><tr><td>x</td></tr></table><table><tr><td></td></tr></table></div>"
        );
    }

    #[test]
    fn a_comment_in_a_style_sheet_stays_in_the_style_sheet() {
        let mut out = Vec::new();
        let mut ids = FxHashSet::default();
        let html = "<style>td { color: red }<!-- old -->p { margin: 0 }</style><p>x";
        let r = rewrite(html, 0..html.len(), &[], &mut ids, &mut out, |_, _, _| {});
        assert_eq!(String::from_utf8(out).unwrap(), "<div><p>x</p></div>");
        assert_eq!(r.styles, "td { color: red }<!-- old -->p { margin: 0 }\n");
    }

    #[test]
    fn a_head_never_closed_keeps_the_page_and_its_styles() {
        let mut out = Vec::new();
        let mut ids = FxHashSet::default();
        let html = "<html><head><title>T</title><style>td { color: red }</style><body><p>x";
        let r = rewrite(html, 0..html.len(), &[], &mut ids, &mut out, |_, _, _| {});
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<div><div><p>x</p></div></div>"
        );
        assert_eq!(r.styles, "td { color: red }\n");
    }

    #[test]
    fn nesting_deeper_than_the_bound_keeps_the_text() {
        let html = format!("{}x", "<div>".repeat(100_000));
        let out = run(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains('x'));
    }

    #[test]
    fn entities_are_characters_and_scripts_are_gone() {
        assert_eq!(
            run("a&nbsp;&amp;&lt;<script>alert('<b>')</script><!-- c --><br>"),
            "<div>a\u{a0}&amp;&lt;<br/></div>"
        );
    }

    #[test]
    fn ranges_inside_text_are_wrapped_others_are_not() {
        let html = "<td>$&nbsp;1,234</td><td>5<b>6</b></td>";
        let spans = [Span::new(11, 16), Span::new(25, 30)];
        let mut out = Vec::new();
        let mut ids = FxHashSet::default();
        let r = rewrite(
            html,
            0..html.len(),
            &spans,
            &mut ids,
            &mut out,
            |k, s, out| {
                out.extend_from_slice(format!("[{k}:{s}]").as_bytes());
            },
        );
        assert_eq!(r.wrapped, vec![true, false]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<div>$\u{a0}[0:1,234]5<b>6</b></div>"
        );
    }
}
