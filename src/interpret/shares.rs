//! Share counts and amounts whose scale the income statement's own arithmetic tells: net
//! income over earnings per share is the share count. "(in 000s, except per share data)" over
//! "Basic  9,872,117" prints the counts whole (ten million shares, not ten billion); a
//! statement with no scale line at all whose "Net Income  $ 3,983" over "$ 0.40" and
//! "9,911,027" shares is in thousands.

use rust_decimal::Decimal;

use crate::document::{Row, Table};
use crate::text;

/// The table's first net income row, per-share row and share-count row.
fn rows(table: &Table) -> Option<(&Row, &Row, &Row)> {
    // Whether the row's headings or label hold a phrase, in any case (what searching their
    // lower-case copies joined by " / " gives, since no phrase holds a space next to a `/`).
    let says = |r: &Row, phrase: &str| {
        r.sections
            .iter()
            .any(|s| text::contains_lower(&s.text, phrase))
            || text::contains_lower(&r.label.text, phrase)
    };
    let whole_amounts = |r: &&Row| r.cells.iter().all(|c| c.number.fraction_digits == 0);
    let net_income = table.rows.iter().filter(whole_amounts).find(|r| {
        let l = r.label.text.trim_start().as_bytes();
        ["net income", "net earnings", "net loss"].iter().any(|p| {
            l.get(..p.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(p.as_bytes()))
        }) && !text::contains_lower(&r.label.text, "per share")
    })?;
    let per_share = table.rows.iter().find(|r| {
        r.cells.iter().any(|c| c.number.fraction_digits >= 2)
            && (says(r, "per share") || says(r, "eps"))
    })?;
    let count =
        table.rows.iter().filter(whole_amounts).find(|r| {
            (says(r, "shares") || says(r, "weighted average")) && !says(r, "per share")
        })?;
    Some((net_income, per_share, count))
}

/// A row's amount in a column, when it shows a non-zero one.
fn value(r: &Row, column: usize) -> Option<Decimal> {
    r.cells
        .iter()
        .find(|c| c.column == column && !c.number.percent && !c.number.dash)
        .map(|c| c.number.magnitude)
        .filter(|m| !m.is_zero())
}

/// In the first column that shows all three, share count × per-share amount / net income:
/// the power of ten the amounts are printed below the counts.
fn count_over_implied(table: &Table) -> Option<Decimal> {
    let (ni, eps, count) = rows(table)?;
    (0..table.columns.len()).find_map(|c| {
        let (n, e, k) = (value(ni, c)?, value(eps, c)?, value(count, c)?);
        k.checked_mul(e)?.checked_div(n)
    })
}

/// Whether `ratio` is within a factor of two of `10^power`.
fn near(ratio: Decimal, power: u32) -> bool {
    let p = Decimal::from(10u64.pow(power));
    ratio >= p / Decimal::TWO && ratio <= p * Decimal::TWO
}

/// Whether the table's share counts are whole although its scale would multiply them by
/// `10^shares`: net income (scaled by `10^amounts`) over the per-share amount is the count as
/// printed, within a factor of two.
pub fn printed_whole(table: &Table, amounts: u32, shares: u32) -> bool {
    shares > 0 && count_over_implied(table).is_some_and(|r| near(r, amounts.min(12)))
}

/// The scale a table with no scale line must be in for its net income over its earnings per
/// share to give its share count as printed whole: 3 for thousands, 6 for millions.
pub fn implied_amounts(table: &Table) -> Option<u32> {
    let ratio = count_over_implied(table)?;
    [3, 6].into_iter().find(|&p| near(ratio, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_table(text: &str) -> Table {
        let source = crate::read::decode("t.txt", text.as_bytes()).unwrap();
        crate::read::read(&source).unwrap().tables.remove(0)
    }

    #[test]
    fn amounts_in_thousands_by_the_statements_arithmetic() {
        let t = first_table(
            "ACME BANK\n\n                          Quarter Ended\n                         December 31,\n                        2005       2004\n\
             Net income             3,983      3,224\n\
             Basic earnings per share  0.40       0.32\n\
             Weighted average shares 9,911,027  10,142,905\n",
        );
        assert_eq!(implied_amounts(&t), Some(3));
        assert!(!printed_whole(&t, 0, 0));
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        let nines = ["999"; 7].join(",");
        let t = first_table(&format!(
            "ACME BANK\n\n                          Quarter Ended\n                         December 31,\n                        2005\n\
             Net income             1\n\
             Basic earnings per share  {nines}.99\n\
             Weighted average shares   {nines}\n"
        ));
        let _ = implied_amounts(&t);
        let _ = printed_whole(&t, 3, 3);
    }
}
