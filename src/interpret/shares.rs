//! Share counts printed whole under an "in thousands" scale line: "(in 000s, except per share
//! data)" over "Basic  9,872,117" (ten million shares, not ten billion). The income statement's
//! own arithmetic tells: net income over earnings per share is the share count, and it matches
//! the count as printed, not a thousand times it.

use rust_decimal::Decimal;

use crate::document::{Row, Table};

/// Whether the table's share counts are whole although its scale would multiply them by
/// `10^shares`: in some column, net income (scaled by `10^amounts`) over the first per-share
/// amount is within a factor of two of the first share count as printed.
pub fn printed_whole(table: &Table, amounts: u32, shares: u32) -> bool {
    if shares == 0 {
        return false;
    }
    let lower = |r: &Row| {
        let mut all: Vec<String> = r
            .sections
            .iter()
            .map(|s| s.text.to_ascii_lowercase())
            .collect();
        all.push(r.label.text.to_ascii_lowercase());
        all.join(" / ")
    };
    let whole_amounts = |r: &&Row| r.cells.iter().all(|c| c.number.fraction_digits == 0);
    let net_income = table.rows.iter().filter(whole_amounts).find(|r| {
        let l = r.label.text.to_ascii_lowercase();
        ["net income", "net earnings", "net loss"]
            .iter()
            .any(|p| l.trim_start().starts_with(p))
            && !l.contains("per share")
    });
    let per_share = table.rows.iter().find(|r| {
        let l = lower(r);
        (l.contains("per share") || l.contains("eps"))
            && r.cells.iter().any(|c| c.number.fraction_digits >= 2)
    });
    let count = table.rows.iter().filter(whole_amounts).find(|r| {
        let l = lower(r);
        (l.contains("shares") || l.contains("weighted average")) && !l.contains("per share")
    });
    let (Some(ni), Some(eps), Some(count)) = (net_income, per_share, count) else {
        return false;
    };
    let value = |r: &Row, column: usize| {
        r.cells
            .iter()
            .find(|c| c.column == column && !c.number.percent && !c.number.dash)
            .map(|c| c.number.magnitude)
            .filter(|m| !m.is_zero())
    };
    let scale = Decimal::from(10u64.pow(amounts.min(12)));
    (0..table.columns.len()).any(|c| {
        let (Some(n), Some(e), Some(k)) = (value(ni, c), value(eps, c), value(count, c)) else {
            return false;
        };
        let implied = n * scale / e;
        let ratio = implied / k;
        ratio >= Decimal::new(5, 1) && ratio <= Decimal::TWO
    })
}
