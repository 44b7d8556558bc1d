//! Phrases that say what a line, a heading or a table is: a scale line ("(In thousands, except
//! per share data)"), a statement's title, a non-GAAP or statistics table, a heading over
//! per-share rows or a cash-flow statement's lines, a label naming a balance date. Each list is
//! searched in lower case, the same way wherever it is used.

use crate::text;

/// Phrases that make a line a scale line.
pub(crate) const SCALE_PHRASES: &[&str] = &[
    "in thousands",
    "in millions",
    "in billions",
    "000's omitted",
    "000s omitted",
    "(000's)",
    "(000s)",
    "in whole dollars",
    "thousands of dollars",
    "millions of dollars",
    "dollars in thousands",
    "dollars in millions",
    "000 omitted",
    "$000",
    "in 000s",
    "in 000's",
    "(000)",
    "(thousands",
    "(millions",
    "in $ thousands",
    "in $ millions",
    "in $thousands",
    "in $millions",
];

/// Every phrase of [`SCALE_PHRASES`] holds one of these: most lines hold none, and are decided
/// with five searches instead of twelve.
pub(crate) const SCALE_WORDS: &[&str] = &["thousand", "million", "billion", "000", "whole"];

pub(crate) fn is_scale_line(text: &str) -> bool {
    text::contains_any_lower(text, SCALE_WORDS) && text::contains_any_lower(text, SCALE_PHRASES)
}

/// A statement's title ("Condensed Consolidated Statements of Operations", "Balance Sheets").
pub(crate) fn is_statement_title(text: &str) -> bool {
    [
        "statement of",
        "statements of",
        "balance sheet",
        "financial highlights",
        "selected financial data",
        "statistics",
        "operating data",
    ]
    .iter()
    .any(|k| text::contains_lower(text, k))
}

pub(crate) fn is_unaudited(text: &str) -> bool {
    text.trim()
        .trim_matches(['(', ')'])
        .eq_ignore_ascii_case("unaudited")
}

/// Words of a table title that say its amounts are not the GAAP ones.
pub(crate) const NON_GAAP_TITLES: &[&str] = &[
    "pro forma",
    "proforma",
    "non-gaap",
    "non gaap",
    "reconciliation of gaap",
    "gaap to non",
    "as adjusted",
    "adjusted",
    "ebitda",
];

/// Words of a table title that say it reports operating statistics (stores, customers,
/// kilowatt-hours, employees), not amounts of the financial statements.
pub(crate) const STATISTICS_TITLES: &[&str] = &[
    "statistics",
    "statistical",
    "operating data",
    "operational data",
];

/// Whether a heading says the rows under it are a non-GAAP measure.
pub(crate) fn names_non_gaap(text: &str) -> bool {
    [
        "excluding",
        "pro forma",
        "proforma",
        "non-gaap",
        "non gaap",
        "adjusted",
        "before special",
        "before unusual",
        "before one-time",
        "before nonrecurring",
        "before non-recurring",
    ]
    .iter()
    .any(|w| text::contains_lower(text, w))
}

/// Whether a title or heading says its amounts are per share.
pub(crate) fn names_per_share(text: &str) -> bool {
    let l = text.trim();
    !l.starts_with('(')
        && (text::contains_lower(l, "per share") || text::contains_lower(l, "per common share"))
}

/// How a cash-flow line names the change in a balance ("(Increase) decrease in inventories"),
/// normalised.
pub(crate) const CHANGE_PREFIXES: &[&str] = &[
    "increase decrease in ",
    "decrease increase in ",
    "net increase decrease in ",
    "net decrease increase in ",
    "increase in ",
    "decrease in ",
    "net change in ",
    "change in ",
    "changes in ",
];

/// Whether a title or section names a cash-flow statement, where a row named like a
/// balance-sheet item ("Accounts receivable") is a change in it.
pub(crate) fn names_cash_flow(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "cash flow",
        "operating activities",
        "investing activities",
        "financing activities",
    ];
    text::contains_any_lower(text, WORDS)
}

pub(crate) fn names_balance_date(label: &str) -> bool {
    [
        "end of",
        "beginning of",
        "at end",
        "at beginning",
        "ending balance",
        "beginning balance",
        "start of",
    ]
    .iter()
    .any(|w| text::contains_lower(label, w))
}

pub(crate) fn names_start(label: &str) -> bool {
    text::contains_any_lower(
        label,
        &[
            "beginning of",
            "at beginning",
            "beginning balance",
            "start of",
        ],
    )
}

/// Words of a statement's own captions ("Current assets", "Net sales by category", "Net income
/// per share"): a heading holding one groups lines of the statement, it does not name a part of
/// the entity (a subsidiary, a segment) as "Alabama Power" or "Financial Products" do.
pub(crate) const CAPTION_WORDS: &[&str] = &[
    "assets",
    "liabilities",
    "equity",
    "activities",
    "revenue",
    "sales",
    "income",
    "expense",
    "per share",
    "shares",
    "earnings",
    "cash",
    "costs",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scale_phrase_holds_a_scale_word() {
        for phrase in SCALE_PHRASES {
            assert!(text::contains_any(phrase, SCALE_WORDS), "{phrase}");
        }
    }
}
