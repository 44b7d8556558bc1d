//! Scale: the multipliers a scale line sets ("(In thousands, except per share data)"), a row's
//! own scale ("Revenues (in millions)"), and the scale a table continued from the one before
//! it takes over.

use super::*;

/// How many lines may separate a table without a scale line from the one before it for the
/// earlier table's scale to carry over: a statement continued under a repeated header.
pub(super) const SCALE_CARRIES_OVER: usize = 20;

/// The scale a table without a scale line takes from the table just before it: a table that
/// continues a page's statement under a repeated column header ("3 Months Ended December" /
/// "2006 2005" again, a few lines below) is in the same units. Farther apart, a table states
/// its own scale or is in whole units.
pub(super) fn inherited_scale<'a>(scale: Option<&'a Text>, table: &Table) -> Option<&'a Text> {
    let scale = scale?;
    (table.gap? <= SCALE_CARRIES_OVER).then_some(scale)
}

/// "(In Millions of KWHs)": a scale of something other than money.
pub(super) fn non_monetary(line: &str) -> Option<String> {
    let t = line.to_ascii_lowercase();
    let rest = ["thousands of ", "millions of ", "billions of "]
        .iter()
        .find_map(|k| t.split_once(k).map(|(_, r)| r))?;
    let unit = rest
        .trim_start_matches(['$', ' '])
        .split([' ', ')', ','])
        .next()
        .unwrap_or("");
    if unit.is_empty()
        || unit.starts_with("dollar")
        || unit.starts_with("u.s.")
        || unit.starts_with("us")
    {
        return None;
    }
    Some(format!(
        "the table reports {unit}, not amounts (\"{}\")",
        line.trim()
    ))
}

/// A scale a row's own label states ("Average Shares Outstanding (in millions)").
pub fn row_scale(label: &str) -> Option<u32> {
    // "in millions)" covers "(in millions)"; compared without a lower-case copy of the label.
    // Both phrases end in `)`: only the bytes before each `)` are compared.
    let bytes = label.as_bytes();
    let has = |needle: &str| {
        memchr::memchr_iter(b')', bytes).any(|close| {
            let end = close + 1;
            end >= needle.len()
                && bytes[end - needle.len()..end].eq_ignore_ascii_case(needle.as_bytes())
        })
    };
    if has("in millions)") {
        Some(6)
    } else if has("in thousands)") {
        Some(3)
    } else {
        None
    }
}

/// Reads a scale line; no line means whole units.
pub fn scale(line: Option<&str>) -> Scale {
    let Some(line) = line else {
        return Scale {
            amounts: 0,
            shares: 0,
        };
    };
    let t = line.to_ascii_lowercase();
    // The amounts' scale is stated before any scale of share counts of their own.
    let money = t.split_once("shares in ").map_or(t.as_str(), |(m, _)| m);
    let amounts = if crate::text::contains(money, "billion") {
        9
    } else if crate::text::contains(money, "million") {
        6
    } else if crate::text::contains(money, "thousand") || crate::text::contains(money, "000") {
        3
    } else {
        0
    };
    // "except per share data" exempts per-share amounts only (never scaled anyway); "except
    // share and per share data", "except shares" exempt share counts too.
    let except = t.split_once("except").map_or(String::new(), |(_, rest)| {
        rest.replace("per-share", "").replace("per share", "")
    });
    let shares = if let Some(stated) = stated_share_scale(&t) {
        stated
    } else if crate::text::contains(&except, "share") {
        0
    } else {
        amounts
    };
    Scale { amounts, shares }
}

/// A scale the line gives share counts of their own: "(Dollars in millions, shares in
/// thousands)".
pub(super) fn stated_share_scale(line: &str) -> Option<u32> {
    let rest = match line.split_once("shares in ") {
        Some((_, rest)) => rest,
        // "(In millions, except number of shares, which are reflected in thousands, and
        // per-share amounts)": the scale the clause about shares states, up to its "and".
        None => {
            let (_, after) = line.split_once("shares")?;
            let clause = after.split([')', ';']).next()?.split(" and ").next()?;
            clause.split_once(" in ")?.1.trim_start()
        }
    };
    if rest.starts_with("thousand") {
        Some(3)
    } else if rest.starts_with("million") {
        Some(6)
    } else if rest.starts_with("billion") {
        Some(9)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_about_shares_states_their_scale() {
        let apple = "(In millions, except number of shares, which are reflected in thousands, \
                     and per-share amounts)";
        assert_eq!(
            scale(Some(apple)),
            Scale {
                amounts: 6,
                shares: 3
            }
        );
        assert_eq!(
            scale(Some("(Dollars in millions, shares in thousands)")),
            Scale {
                amounts: 6,
                shares: 3
            }
        );
        // Shares exempted with no scale of their own are whole.
        assert_eq!(
            scale(Some("(In thousands, except shares and per share amounts)")),
            Scale {
                amounts: 3,
                shares: 0
            }
        );
        assert_eq!(
            scale(Some("(In thousands, except per share data)")),
            Scale {
                amounts: 3,
                shares: 3
            }
        );
    }
}
