//! Small searches in the short texts of labels, titles and headings.
//!
//! `str::contains` with a string needle sets up a general substring searcher on every call,
//! which costs more than the search itself when the text is a label of a few dozen bytes and
//! the same text is asked about a dozen phrases. These give the same answers for such texts.

/// Whether `needle` occurs in `haystack` (the answer of `haystack.contains(needle)`): each
/// place holding the needle's first byte, found with memchr, is compared.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    // A match starts at most `rest.len()` bytes before the end.
    memchr::memchr_iter(first, &h[..h.len() - rest.len()]).any(|i| h[i + 1..].starts_with(rest))
}

/// Whether any of `needles` occurs in `haystack`.
pub(crate) fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains(haystack, n))
}

/// Whether XML 1.0 allows a character in text (most control characters it does not).
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_is_strs() {
        let texts = [
            "",
            "a",
            "in thousands",
            "(in thousands)",
            "thousand",
            "ttt",
            "caf\u{e9} total",
        ];
        let needles = [
            "",
            "t",
            "in thousands",
            "thousands)",
            "tt",
            "ttt",
            "tttt",
            "\u{e9} t",
            "l",
        ];
        for h in texts {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }
}
