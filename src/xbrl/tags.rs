//! Which bytes of the source show each fact: the plan an Inline XBRL writer follows to wrap
//! the numbers of a release where they stand.
//!
//! The plan is format-neutral. A tag is a byte range of the source the cells were read from
//! (the digits of `$16,009`, the `3.2` of `(3.2)`, the dash of a zero shown as `-`) with what
//! the tag says about it; [`splice`] copies the source around the ranges through a function
//! given by the writer. A plain-text release is escaped into a `<pre>`; a reader that keeps
//! byte spans into an HTML source gives the same plan, and the HTML is copied as it is.
//!
//! # What is tagged
//!
//! Every cell that became a fact ([`Fate::Fact`]) and every duplicate ([`Fate::Duplicate`])
//! whose tag Inline XBRL processors take as a consistent duplicate. A duplicate carries its
//! own decimals and scale (the highlights' `$16.0` "in millions" is 16,000,000 at decimals
//! -5, beside the statement's 16,009,000 at -3). Quarantined and skipped cells are not
//! tagged. A fact none of whose cells can be tagged (document facts; a cell whose number,
//! read back as a processor reads it, would not give the fact's value) goes in the hidden
//! section instead, so every fact is written exactly once.
//!
//! Duplicates must be consistent as XBRL processors judge them (Arelle, the duplicate rule
//! of Inline XBRL): facts with equal decimals have equal values, and the rounding intervals
//! of all of one fact's tags have a point in common. xbrlify merges a duplicate that agrees
//! with the kept fact alone; a duplicate that would break the rule for the tags already
//! placed is left as plain text and counted in [`Plan::untagged`].

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::conversion::Conversion;
use crate::document::{Cell, Row};
use crate::facts::{Fate, Unit, half_unit};
use crate::interpret::TableMeaning;
use crate::source::Span;

/// One number of the source to tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The bytes of the number shown: its digits (no `$`, parentheses or `%`), or the dash
    /// of a zero shown as one.
    pub span: Span,
    /// The fact it shows: an index into [`super::all_facts`].
    pub fact: usize,
    /// Its own decimals.
    pub decimals: i32,
    /// The power of ten that takes the number shown to the value (3 "in thousands").
    pub scale: i32,
    /// The value is negative (`sign="-"`): the number shown is its magnitude.
    pub negative: bool,
    /// A zero shown as a dash (`ixt:fixed-zero`), else digits (`ixt:num-dot-decimal`).
    pub dash: bool,
    /// The `k`-th further cell showing the fact (1, 2, ...), 0 for the fact's own.
    pub duplicate: usize,
}

/// The tags of a release, and the facts shown by none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The tags, in source order; their spans do not overlap.
    pub tags: Vec<Tag>,
    /// The facts with no tag of their own (indices into [`super::all_facts`]), in order.
    pub hidden: Vec<usize>,
    /// Duplicate cells left untagged: their tag would be inconsistent with the fact's other
    /// tags, or their number could not be found in the cell.
    pub untagged: Vec<Span>,
}

impl Plan {
    /// Keeps only the tags a writer placed (`placed[k]` for `tags[k]`): a fact whose own tag was
    /// not placed goes to the hidden facts, a duplicate not placed to the untagged cells.
    pub fn keep_placed(&mut self, placed: &[bool]) {
        let mut k = 0;
        let (hidden, untagged) = (&mut self.hidden, &mut self.untagged);
        self.tags.retain(|t| {
            let keep = placed.get(k).copied().unwrap_or(false);
            k += 1;
            if !keep {
                if t.duplicate == 0 {
                    hidden.push(t.fact);
                } else {
                    untagged.push(t.span);
                }
            }
            keep
        });
        self.hidden.sort_unstable();
        self.untagged.sort_unstable();
    }
}

/// Where a numeric cell was read: the cell, its row and its table's meaning.
type Origin<'a> = (&'a Cell, &'a Row, &'a TableMeaning);

/// The plan of a conversion whose cells were read from `text`.
pub fn plan(text: &str, conv: &Conversion) -> Plan {
    let offset = conv.document_facts.len();
    let total = offset + conv.facts.facts.len();
    let mut origin: FxHashMap<usize, Origin<'_>> = FxHashMap::default();
    for (table, meaning) in conv.document.tables.iter().zip(&conv.meanings) {
        for row in &table.rows {
            for cell in &row.cells {
                origin.insert(cell.span.start, (cell, row, meaning));
            }
        }
    }
    // Candidate tags, by fact: the fact's own cell first, then its duplicates in source order.
    let mut own: Vec<Option<Tag>> = vec![None; total];
    let mut duplicates: Vec<Vec<Tag>> = vec![Vec::new(); total];
    let mut untagged = Vec::new();
    for report in &conv.facts.cells {
        let (i, is_own) = match report.fate {
            Fate::Fact(i) => (i, true),
            Fate::Duplicate(i) => (i, false),
            Fate::Skipped(_) | Fate::Quarantined(_) => continue,
        };
        let Some(fact) = conv.facts.facts.get(i) else {
            continue;
        };
        let tag = origin
            .get(&report.span.start)
            .filter(|(cell, _, _)| cell.span == report.span)
            .and_then(|&(cell, row, meaning)| {
                tag_of(text, cell, row, meaning, fact, offset + i, is_own)
            });
        match (tag, is_own) {
            (Some(t), true) => own[offset + i] = Some(t),
            (Some(t), false) => duplicates[offset + i].push(t),
            (None, true) => {}
            (None, false) => untagged.push(report.span),
        }
    }
    let facts = super::all_facts(conv);
    let mut tags = Vec::new();
    let mut hidden = Vec::new();
    for (k, fact) in facts.iter().enumerate() {
        let Some(number) = fact.number else {
            hidden.push(k);
            continue;
        };
        let decimals = fact.decimals.unwrap_or(0);
        let mut agreed = Agreement::new(number, decimals);
        match own[k].take() {
            Some(t) => tags.push(t),
            None => hidden.push(k),
        }
        let mut n = 0;
        for mut t in std::mem::take(&mut duplicates[k]) {
            match shown_value(text, &t) {
                Some(v) if agreed.admits(v, t.decimals) => {
                    n += 1;
                    t.duplicate = n;
                    tags.push(t);
                }
                _ => untagged.push(t.span),
            }
        }
    }
    tags.sort_by_key(|t| (t.span.start, t.span.end));
    // Cells never overlap; if two tags did, the later one would be left out.
    let mut end = 0;
    tags.retain(|t| {
        let keep = t.span.start >= end;
        if keep {
            end = t.span.end;
        }
        keep
    });
    untagged.sort();
    Plan {
        tags,
        hidden,
        untagged,
    }
}

/// The tags already placed for one fact: the values by decimals and the common part of
/// their rounding intervals.
struct Agreement {
    values: Vec<(i32, Decimal)>,
    low: Decimal,
    high: Decimal,
}

impl Agreement {
    fn new(value: Decimal, decimals: i32) -> Agreement {
        let half = half_unit(decimals);
        Agreement {
            values: vec![(decimals, value)],
            low: value - half,
            high: value + half,
        }
    }

    /// Admits a tag of `value` at `decimals` if it keeps the set consistent.
    fn admits(&mut self, value: Decimal, decimals: i32) -> bool {
        if self
            .values
            .iter()
            .any(|&(d, v)| d == decimals && v != value)
        {
            return false;
        }
        let half = half_unit(decimals);
        let (low, high) = (self.low.max(value - half), self.high.min(value + half));
        if low > high {
            return false;
        }
        self.low = low;
        self.high = high;
        self.values.push((decimals, value));
        true
    }
}

/// The power of ten a cell's number is scaled by, as the facts were built: the row's own
/// scale or the table's for amounts and share counts, none for per-share amounts, -2 for a
/// percentage.
fn exponent(unit: Unit, percent: bool, row: &Row, meaning: &TableMeaning) -> i32 {
    let row_scale = crate::interpret::row_scale(&row.label.text);
    match unit {
        Unit::Usd => row_scale.unwrap_or(meaning.scale.amounts) as i32,
        Unit::Shares => row_scale.unwrap_or(meaning.scale.shares) as i32,
        Unit::UsdPerShare => 0,
        Unit::Pure if percent => -2,
        Unit::Pure => 0,
    }
}

/// The decimals of a dash in a row: those of the row's other numbers, else the scale's.
fn dash_decimals(unit: Unit, row: &Row, meaning: &TableMeaning) -> i32 {
    row.cells
        .iter()
        .filter(|c| !c.number.dash && !c.number.not_available)
        .map(|c| c.number.fraction_digits as i32 - exponent(unit, c.number.percent, row, meaning))
        .max()
        .unwrap_or_else(|| -exponent(unit, false, row, meaning))
}

/// The tag of one cell showing `fact`, or none if the number cannot be found in the cell or,
/// for the fact's own cell, does not read back as the fact's value.
fn tag_of(
    text: &str,
    cell: &Cell,
    row: &Row,
    meaning: &TableMeaning,
    fact: &crate::facts::Fact,
    index: usize,
    own: bool,
) -> Option<Tag> {
    let number = fact.number?;
    let unit = fact.unit?;
    let shown = &cell.number;
    let span = numeral(text, cell.span, shown.dash)?;
    let exp = exponent(unit, shown.percent, row, meaning);
    let (decimals, scale) = if shown.dash {
        let decimals = if own {
            fact.decimals?
        } else {
            dash_decimals(unit, row, meaning)
        };
        (decimals, exp)
    } else if own {
        let decimals = fact.decimals?;
        (decimals, shown.fraction_digits as i32 - decimals)
    } else {
        (shown.fraction_digits as i32 - exp, exp)
    };
    let tag = Tag {
        span,
        fact: index,
        decimals,
        scale,
        negative: number.is_sign_negative() && !number.is_zero(),
        dash: shown.dash,
        duplicate: 0,
    };
    if own && shown_value(text, &tag) != Some(number) {
        return None;
    }
    Some(tag)
}

/// The bytes of the number within a cell's span: the dash itself, or the digits, commas and
/// point after any `$`, `(`, `-` and blanks, up to what follows them (`)`, `%`, a footnote
/// mark).
pub fn numeral(text: &str, cell: Span, dash: bool) -> Option<Span> {
    let shown = text.get(cell.range())?;
    let lead = shown.len() - shown.trim_start().len();
    let body = shown.trim();
    if dash {
        return (!body.is_empty())
            .then(|| Span::new(cell.start + lead, cell.start + lead + body.len()));
    }
    let start = shown.find(|c: char| c.is_ascii_digit() || c == '.')?;
    let before = &shown[..start];
    if !before
        .chars()
        .all(|c| matches!(c, '$' | '(' | '-') || c.is_whitespace())
    {
        return None;
    }
    let len = shown[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(shown.len() - start);
    let digits = &shown[start..start + len];
    digits
        .bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| Span::new(cell.start + start, cell.start + start + len))
}

/// The value an Inline XBRL processor reads from a tag: the number shown (commas dropped),
/// times ten to the scale, with the sign.
pub fn shown_value(text: &str, tag: &Tag) -> Option<Decimal> {
    if tag.dash {
        return Some(Decimal::ZERO);
    }
    let digits: String = text
        .get(tag.span.range())?
        .chars()
        .filter(|&c| c != ',')
        .collect();
    let digits = if digits.starts_with('.') {
        format!("0{digits}")
    } else {
        digits
    };
    let magnitude: Decimal = digits.parse().ok()?;
    let power = Decimal::from_i128_with_scale(10i128.checked_pow(tag.scale.unsigned_abs())?, 0);
    let value = if tag.scale >= 0 {
        magnitude.checked_mul(power)?
    } else {
        magnitude.checked_div(power)?
    };
    Some(if tag.negative { -value } else { value }.normalize())
}

/// Copies `text[range]` to `out`, each tagged range (all within `range`) through `tagged`
/// (which writes the tag around the bytes) and everything else through `plain` (which
/// escapes text, or copies markup).
pub fn splice(
    text: &str,
    range: std::ops::Range<usize>,
    tags: &[Tag],
    out: &mut Vec<u8>,
    mut plain: impl FnMut(&str, &mut Vec<u8>),
    mut tagged: impl FnMut(&Tag, &str, &mut Vec<u8>),
) {
    let text = text.get(..range.end).unwrap_or(text);
    let mut at = range.start;
    for tag in tags {
        let (Some(before), Some(inside)) =
            (text.get(at..tag.span.start), text.get(tag.span.range()))
        else {
            continue;
        };
        plain(before, out);
        tagged(tag, inside, out);
        at = tag.span.end;
    }
    plain(text.get(at..).unwrap_or_default(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_leave_signs_and_marks_out() {
        let find =
            |s: &str| numeral(s, Span::new(0, s.len()), false).map(|sp| s[sp.range()].to_string());
        assert_eq!(find("$16,009").as_deref(), Some("16,009"));
        assert_eq!(find("$(3.2)").as_deref(), Some("3.2"));
        assert_eq!(find("( 212)").as_deref(), Some("212"));
        assert_eq!(find("$ 5,001").as_deref(), Some("5,001"));
        assert_eq!(find("68%").as_deref(), Some("68"));
        assert_eq!(find("(.04)").as_deref(), Some(".04"));
        assert_eq!(find("1,234(a)").as_deref(), Some("1,234"));
        assert_eq!(find("1,234(1)").as_deref(), Some("1,234"));
        assert_eq!(find("$-0-").as_deref(), Some("0"));
        assert_eq!(find("x12"), None);
        let dash = " - ";
        assert_eq!(numeral(dash, Span::new(0, 3), true), Some(Span::new(1, 2)));
    }

    #[test]
    fn shown_values_scale_and_sign() {
        let text = "16.0 3.2 .04 68";
        let tag = |start, end, scale, negative| Tag {
            span: Span::new(start, end),
            fact: 0,
            decimals: 0,
            scale,
            negative,
            dash: false,
            duplicate: 0,
        };
        assert_eq!(
            shown_value(text, &tag(0, 4, 6, false)),
            Some(Decimal::from(16_000_000))
        );
        assert_eq!(
            shown_value(text, &tag(5, 8, 6, true)),
            Some(Decimal::from(-3_200_000))
        );
        assert_eq!(
            shown_value(text, &tag(9, 12, 0, true)),
            Some(Decimal::new(-4, 2))
        );
        assert_eq!(
            shown_value(text, &tag(13, 15, -2, false)),
            Some(Decimal::new(68, 2))
        );
    }

    #[test]
    fn duplicates_must_share_a_point_and_equal_decimals_equal_values() {
        // 16,009 thousand; 16.0 million agrees; 16,010 thousand does not (same decimals).
        let mut a = Agreement::new(Decimal::from(16_009_000), -3);
        assert!(a.admits(Decimal::from(16_000_000), -5));
        assert!(!a.admits(Decimal::from(16_010_000), -3));
        assert!(a.admits(Decimal::from(16_009_000), -3));
        // 16.1 million's interval [16.05, 16.15] misses 16,009 thousand's.
        assert!(!a.admits(Decimal::from(16_100_000), -5));
    }
}
