//! What an HTML element becomes in XHTML 1.1 (the language of Inline XBRL 1.1), and which of
//! its attributes it keeps.
//!
//! Inline XBRL processors validate the document against the XHTML 1.1 schema: elements HTML
//! dropped from it (`<font>`, `<center>`, `<u>`, `<strike>` ...) become a `span` or a `div`
//! whose `style` says what the element showed, and presentational attributes the schema does
//! not allow (`align` on a paragraph, `bgcolor`, `width` on a cell, `nowrap` ...) become CSS.
//! Attributes are kept only where the schema allows them and their value is of its type;
//! everything else is dropped.

use std::collections::BTreeMap;

/// How an element's content is constrained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// Text, inline and block elements (`div`, `td`, `li`, `dd`).
    Flow,
    /// Text and inline elements only (`p`, `h1`, `span`, `a`, `pre` ...).
    Inline,
    /// Rows only (`table`).
    Table,
    /// Cells only (`tr`).
    Row,
    /// List items only (`ul`, `ol`).
    List,
    /// Terms and definitions only (`dl`).
    Definitions,
    /// Nothing (`br`, `hr`, `img`).
    Empty,
}

/// What an element of the source is written as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// An XHTML element: its name, content model, whether it is a block (not allowed in
    /// inline content), and CSS standing for what the source element showed.
    Element {
        /// The XHTML element's name.
        name: &'static str,
        /// What it may hold.
        model: Model,
        /// It is a block: inline content holds none.
        block: bool,
        /// Its style, standing for what the source element showed.
        css: &'static str,
    },
    /// The tag is left out; its content is kept (`<html>`, `<head>`, `<tbody>`, an
    /// `<object>`'s fallback, unknown elements).
    Transparent,
    /// The element and its content are left out (`<script>`, `<title>`, `<select>` ...), or
    /// an empty element showing no text (`<meta>`, `<input>`).
    Dropped,
    /// A `<style>` element: its CSS is kept in the document's head.
    Style,
}

fn element(name: &'static str, model: Model, block: bool, css: &'static str) -> Role {
    Role::Element {
        name,
        model,
        block,
        css,
    }
}

/// The role of a source element (its name in lower case).
pub fn role(name: &str) -> Role {
    use Model::*;
    match name {
        "div" | "body" => element("div", Flow, true, ""),
        "center" => element("div", Flow, true, "text-align:center;"),
        "blockquote" => element("div", Flow, true, "margin:1em 40px;"),
        "address" | "article" | "section" | "header" | "footer" | "nav" | "main" | "aside"
        | "figure" | "figcaption" | "form" | "fieldset" | "details" | "summary" | "hgroup"
        | "dialog" | "legend" | "marquee" | "multicol" => element("div", Flow, true, ""),
        "p" => element("p", Inline, true, ""),
        "h1" => element("h1", Inline, true, ""),
        "h2" => element("h2", Inline, true, ""),
        "h3" => element("h3", Inline, true, ""),
        "h4" => element("h4", Inline, true, ""),
        "h5" => element("h5", Inline, true, ""),
        "h6" => element("h6", Inline, true, ""),
        "pre" | "xmp" | "listing" | "plaintext" => element("pre", Inline, true, ""),
        "ul" | "dir" | "menu" => element("ul", List, true, ""),
        "ol" => element("ol", List, true, ""),
        "li" => element("li", Flow, true, ""),
        "dl" => element("dl", Definitions, true, ""),
        "dt" => element("dt", Inline, true, ""),
        "dd" => element("dd", Flow, true, ""),
        "table" => element("table", Table, true, ""),
        "tr" => element("tr", Row, true, ""),
        "td" => element("td", Flow, true, ""),
        "th" => element("th", Flow, true, ""),
        "hr" => element("hr", Empty, true, ""),
        "br" => element("br", Empty, false, ""),
        "img" => element("img", Empty, false, ""),
        "a" => element("a", Inline, false, ""),
        "b" => element("b", Inline, false, ""),
        "i" => element("i", Inline, false, ""),
        "em" => element("em", Inline, false, ""),
        "strong" => element("strong", Inline, false, ""),
        "small" => element("small", Inline, false, ""),
        "big" => element("big", Inline, false, ""),
        "sub" => element("sub", Inline, false, ""),
        "sup" => element("sup", Inline, false, ""),
        "tt" => element("tt", Inline, false, ""),
        "code" => element("code", Inline, false, ""),
        "cite" => element("cite", Inline, false, ""),
        "abbr" => element("abbr", Inline, false, ""),
        "acronym" => element("acronym", Inline, false, ""),
        "kbd" => element("kbd", Inline, false, ""),
        "samp" => element("samp", Inline, false, ""),
        "var" => element("var", Inline, false, ""),
        "dfn" => element("dfn", Inline, false, ""),
        "q" => element("q", Inline, false, ""),
        "u" | "ins" => element("span", Inline, false, "text-decoration:underline;"),
        "s" | "strike" | "del" => element("span", Inline, false, "text-decoration:line-through;"),
        "nobr" => element("span", Inline, false, "white-space:nowrap;"),
        "span" | "font" | "label" | "mark" | "time" | "data" | "bdi" | "bdo" | "output"
        | "blink" => element("span", Inline, false, ""),
        "style" => Role::Style,
        "button" => element("span", Inline, false, ""),
        // Their content is no text of the page (a form's options, a script's fallback, a
        // drawing), or a document of its own.
        "script" | "noscript" | "template" | "title" | "svg" | "math" | "select" | "datalist"
        | "textarea" | "iframe" | "noembed" | "noframes" | "frameset" => Role::Dropped,
        // Empty elements that show no text.
        "meta" | "link" | "base" | "basefont" | "area" | "param" | "source" | "track" | "input"
        | "keygen" | "wbr" | "col" | "embed" | "frame" => Role::Dropped,
        _ => Role::Transparent,
    }
}

/// Elements that hold no content, whose end tag never comes (or is ignored).
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "input"
            | "meta"
            | "link"
            | "col"
            | "area"
            | "base"
            | "basefont"
            | "wbr"
            | "source"
            | "embed"
            | "param"
            | "track"
            | "keygen"
            | "frame"
    )
}

/// Elements left out with their content (up to their end tag).
pub fn drops_content(name: &str) -> bool {
    matches!(role(name), Role::Dropped) && !is_void(name)
}

/// Whether `s` is an XML name without a colon (an NCName), in ASCII.
pub fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())
}

/// An XHTML `Length`: pixels or a percentage.
fn is_length(s: &str) -> bool {
    is_digits(s)
        || s.strip_suffix('%').is_some_and(|n| {
            let (a, b) = n.split_once('.').unwrap_or((n, "0"));
            (a.is_empty() || is_digits(a)) && is_digits(b)
        })
}

/// A CSS length from an HTML one: `12` is `12px`, `50%` stays.
fn css_length(s: &str) -> Option<String> {
    let s = s.trim();
    if is_digits(s) {
        Some(format!("{s}px"))
    } else if is_length(s) {
        Some(s.to_string())
    } else {
        None
    }
}

/// A value fit for CSS: no characters that end a declaration or a block.
fn css_value(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 200 && !s.contains([';', '{', '}', '"', '\\', '<', '>']))
        .then(|| s.to_string())
}

/// `<font size>`: 1 to 7, or relative to 3.
fn font_size(s: &str) -> Option<&'static str> {
    const SIZES: [&str; 7] = [
        "x-small",
        "small",
        "medium",
        "large",
        "x-large",
        "xx-large",
        "xxx-large",
    ];
    let s = s.trim();
    let n: i32 = if let Some(r) = s.strip_prefix('+') {
        3 + r.parse::<i32>().ok()?
    } else if let Some(r) = s.strip_prefix('-') {
        3 - r.parse::<i32>().ok()?
    } else {
        s.parse().ok()?
    };
    Some(SIZES[(n.clamp(1, 7) - 1) as usize])
}

/// The attributes an element keeps, in name order, with CSS for what the others showed.
pub struct Attributes {
    /// Name and value (unescaped), sorted by name.
    pub list: Vec<(&'static str, String)>,
}

/// The attributes of source element `source` written as XHTML `name`. `ids` holds the ids
/// already used in the document (an id is kept once, and only if it cannot be a fact's).
pub fn attributes(
    source: &str,
    name: &str,
    attrs: &BTreeMap<String, String>,
    css: &str,
    ids: &mut rustc_hash::FxHashSet<String>,
) -> Attributes {
    let mut list: Vec<(&'static str, String)> = Vec::new();
    let mut style = String::from(css);
    let get = |k: &str| attrs.get(k).map(|v| v.trim());
    let mut add_css = |prop: &str, value: Option<String>| {
        if let Some(v) = value {
            style.push_str(prop);
            style.push(':');
            style.push_str(&v);
            style.push(';');
        }
    };
    if source == "font" {
        add_css("font-family", get("face").and_then(css_value));
        add_css(
            "font-size",
            get("size").and_then(font_size).map(str::to_string),
        );
    }
    if source == "body" {
        add_css("color", get("text").and_then(css_value));
    }
    add_css("color", get("color").and_then(css_value));
    add_css("background-color", get("bgcolor").and_then(css_value));
    if attrs.contains_key("nowrap") {
        add_css("white-space", Some("nowrap".into()));
    }
    let cell = matches!(name, "td" | "th" | "tr");
    let align = get("align").map(str::to_ascii_lowercase);
    let valign = get("valign").map(str::to_ascii_lowercase);
    match (name, align.as_deref()) {
        (_, None) => {}
        ("td" | "th" | "tr", Some(a @ ("left" | "center" | "right" | "justify"))) => {
            list.push(("align", a.to_string()));
        }
        ("table", Some("center")) => {
            add_css("margin-left", Some("auto".into()));
            add_css("margin-right", Some("auto".into()));
        }
        ("table", Some("right")) => add_css("margin-left", Some("auto".into())),
        ("img", Some(a @ ("left" | "right"))) => add_css("float", Some(a.into())),
        ("table" | "img", _) => {}
        (_, Some(a @ ("left" | "center" | "right" | "justify"))) => {
            add_css("text-align", Some(a.into()));
        }
        _ => {}
    }
    match (cell, valign.as_deref()) {
        (true, Some(v @ ("top" | "middle" | "bottom" | "baseline"))) => {
            list.push(("valign", v.to_string()));
        }
        (false, Some(v @ ("top" | "middle" | "bottom" | "baseline"))) => {
            add_css("vertical-align", Some(v.into()));
        }
        _ => {}
    }
    if name == "table" {
        if let Some(v) = get("width").filter(|v| is_length(v)) {
            list.push(("width", v.to_string()));
        }
        if let Some(v) = get("border").filter(|v| is_digits(v)) {
            list.push(("border", v.to_string()));
        }
        for k in ["cellpadding", "cellspacing"] {
            if let Some(v) = get(k).filter(|v| is_length(v)) {
                list.push((
                    if k == "cellpadding" {
                        "cellpadding"
                    } else {
                        "cellspacing"
                    },
                    v.to_string(),
                ));
            }
        }
    } else {
        add_css("width", get("width").and_then(css_length));
    }
    add_css("height", get("height").and_then(css_length));
    if name == "hr" {
        add_css("height", get("size").and_then(css_length));
    }
    if matches!(name, "td" | "th") {
        for k in ["colspan", "rowspan"] {
            let digits: String = get(k)
                .unwrap_or_default()
                .chars()
                .take_while(char::is_ascii_digit)
                .take(6)
                .collect();
            if !digits.is_empty() {
                let n: u32 = digits.parse().unwrap_or(1);
                list.push((
                    if k == "colspan" { "colspan" } else { "rowspan" },
                    n.max(1).to_string(),
                ));
            }
        }
    }
    if name == "img" {
        let alt = get("alt").unwrap_or_default().to_string();
        list.push(("alt", alt));
        if let Some(src) = get("src").filter(|s| is_uri(s)) {
            list.push(("src", src.to_string()));
        }
        if let Some(b) = get("border").and_then(css_length) {
            add_css("border-width", Some(b));
            add_css("border-style", Some("solid".into()));
        }
    }
    if name == "a"
        && let Some(href) = get("href").filter(|s| is_uri(s))
    {
        list.push(("href", href.to_string()));
    }
    let id = get("id").or_else(|| if name == "a" { get("name") } else { None });
    if let Some(id) = id.filter(|id| is_ncname(id) && !is_fact_id(id))
        && ids.insert(id.to_string())
    {
        list.push(("id", id.to_string()));
    }
    if let Some(class) = get("class") {
        let tokens: Vec<&str> = class
            .split_ascii_whitespace()
            .filter(|t| {
                t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            })
            .collect();
        if !tokens.is_empty() {
            list.push(("class", tokens.join(" ")));
        }
    }
    if let Some(t) = get("title").filter(|t| !t.is_empty()) {
        list.push(("title", t.to_string()));
    }
    if let Some(s) = get("style") {
        let s = s.trim();
        if !s.is_empty() {
            style.push_str(s);
        }
    }
    if !style.is_empty() {
        list.push(("style", style));
    }
    list.sort_by(|a, b| a.0.cmp(b.0));
    Attributes { list }
}

/// Ids the Inline XBRL writer gives facts (`f12`, `f12-3`): never taken from the source.
fn is_fact_id(id: &str) -> bool {
    id.strip_prefix('f').is_some_and(|rest| {
        let (a, b) = rest.split_once('-').unwrap_or((rest, "0"));
        is_digits(a) && is_digits(b)
    })
}

/// A link or image address worth keeping: printable ASCII without spaces, and no script.
fn is_uri(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 2048
        && s.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(
                    b,
                    b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
                )
        })
        && !s.to_ascii_lowercase().starts_with("javascript:")
        && !s.to_ascii_lowercase().starts_with("vbscript:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(source: &str, name: &str, pairs: &[(&str, &str)]) -> Vec<(&'static str, String)> {
        let map = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut ids = rustc_hash::FxHashSet::default();
        attributes(source, name, &map, "", &mut ids).list
    }

    #[test]
    fn presentational_attributes_become_css() {
        assert_eq!(
            attrs(
                "font",
                "span",
                &[("size", "2"), ("face", "Times New Roman")]
            ),
            vec![(
                "style",
                "font-family:Times New Roman;font-size:small;".into()
            )]
        );
        assert_eq!(
            attrs(
                "td",
                "td",
                &[("width", "30%"), ("align", "RIGHT"), ("nowrap", "")]
            ),
            vec![
                ("align", "right".into()),
                ("style", "white-space:nowrap;width:30%;".into())
            ]
        );
        assert_eq!(
            attrs("p", "p", &[("align", "center")]),
            vec![("style", "text-align:center;".into())]
        );
    }

    #[test]
    fn ids_are_names_kept_once_and_never_a_facts() {
        let mut ids = rustc_hash::FxHashSet::default();
        let one = |id: &str, ids: &mut rustc_hash::FxHashSet<String>| {
            let map = [("id".to_string(), id.to_string())].into_iter().collect();
            attributes("div", "div", &map, "", ids).list
        };
        assert_eq!(one("top", &mut ids), vec![("id", "top".into())]);
        assert!(one("top", &mut ids).is_empty());
        assert!(one("f12", &mut ids).is_empty());
        assert!(one("f12-3", &mut ids).is_empty());
        assert!(one("1abc", &mut ids).is_empty());
        assert!(one("a b", &mut ids).is_empty());
    }

    #[test]
    fn spans_are_numbers_and_addresses_are_plain() {
        assert_eq!(
            attrs("td", "td", &[("colspan", "3x"), ("rowspan", "zz")]),
            vec![("colspan", "3".into())]
        );
        assert!(attrs("a", "a", &[("href", "javascript:alert(1)")]).is_empty());
        assert!(attrs("a", "a", &[("href", "a b.htm")]).is_empty());
    }
}
