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

/// Whether `needle`, which holds no ASCII upper-case letter, occurs in `haystack` in any ASCII
/// case: the answer of `contains(&haystack.to_ascii_lowercase(), needle)`, without the copy.
pub(crate) fn contains_lower(haystack: &str, needle: &str) -> bool {
    debug_assert!(
        !needle.bytes().any(|b| b.is_ascii_uppercase()),
        "{needle:?}"
    );
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    // A match starts at most `rest.len()` bytes before the end.
    let starts = &h[..h.len() - rest.len()];
    let rest_at = |i: usize| h[i + 1..i + 1 + rest.len()].eq_ignore_ascii_case(rest);
    let upper = first.to_ascii_uppercase();
    if upper == first {
        memchr::memchr_iter(first, starts).any(rest_at)
    } else {
        memchr::memchr2_iter(first, upper, starts).any(rest_at)
    }
}

/// Whether any of `needles` (no ASCII upper-case letter in them) occurs in `haystack` in any
/// ASCII case.
pub(crate) fn contains_any_lower(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains_lower(haystack, n))
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

    #[test]
    fn contains_lower_is_a_search_of_the_lower_case_copy() {
        let texts = [
            "",
            "A",
            "In Thousands",
            "(IN THOUSANDS)",
            "Cash Flows",
            "Net Cash Provided By Operating Activities",
            "TTT",
            "CAF\u{c9} Total",
            "caf\u{e9} total",
            "$000",
            "Net Cash Provided By (Used In) Operating Activities, In Thousands Except Per Share \
             Amounts ($000)",
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
            "cash flow",
            "operating activities",
            "$000",
            "(000",
        ];
        for h in texts {
            for n in needles {
                assert_eq!(
                    contains_lower(h, n),
                    h.to_ascii_lowercase().contains(n),
                    "{h:?} {n:?}"
                );
            }
        }
    }
}
