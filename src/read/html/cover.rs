//! The Inline XBRL cover page of a recent 8-K: the filer's own tags for its name and ticker
//! (`<ix:nonNumeric name="dei:TradingSymbol">AAPL</ix:nonNumeric>`), which the release's text
//! only hints at.

use html5gum::emitters::default::{DefaultEmitter, Token};
use html5gum::{Spanned, Tokenizer};

use crate::document::Text;
use crate::source::{Source, Span};

/// How far after its opening tag a tagged value is looked for.
const MAX_VALUE_BYTES: usize = 4096;

/// The text of the first `ix:nonNumeric` element tagging `concept` (`dei:TradingSymbol`), with
/// the span of its text in the source; `None` when the source tags no such fact.
pub fn tagged(source: &Source, concept: &str) -> Option<Text> {
    let text = source.text();
    let needle = format!("name=\"{concept}\"");
    let at = memchr::memmem::find(text.as_bytes(), needle.as_bytes())?;
    let open = text[..at].rfind('<')?;
    let mut end = (at + MAX_VALUE_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[open..end];
    let mut value = String::new();
    let mut span: Option<Span> = None;
    let mut depth = 0usize;
    let emitter = DefaultEmitter::<usize>::new_with_span();
    for token in Tokenizer::new_with_emitter(window, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) if !tag.self_closing => depth += 1,
            Token::EndTag(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Token::String(Spanned { value: s, span: at }) if depth > 0 => {
                value.push_str(&String::from_utf8_lossy(&s));
                let here = Span::new(open + at.start, open + at.end);
                span = Some(span.map_or(here, |s| s.join(here)));
            }
            _ => {}
        }
    }
    let value = crate::read::collapse(&value.replace('\u{a0}', " "));
    (!value.is_empty()).then(|| Text {
        text: value,
        span: span.unwrap_or(Span::new(at, at)),
    })
}
