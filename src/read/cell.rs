//! Numbers as releases print them: `$5,001`, `(3,195)`, `$(3,195)`, `-`, `68%`, `(0.04)`.

use rust_decimal::Decimal;

use crate::document::Shown;

/// What a whitespace-delimited token is, as a table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// A well-formed number.
    Number(Shown),
    /// Looks like a number (digits, commas, `$`, parentheses) but is malformed; says why.
    Malformed(String),
    /// A lone `$` (as in `$ 5,001`), which belongs to the number after it.
    Dollar,
    /// Not a number at all.
    Word,
}

/// Drops a trailing footnote mark: `1,234*`, `1,234(a)`, `1,234(1)`, `1,234<F1>`.
fn strip_footnote(token: &str) -> &str {
    let mut t = token;
    if let Some(i) = t.as_bytes().windows(2).position(|w| w == b"<F")
        && i > 0
    {
        t = &t[..i];
    }
    t = t.trim_end_matches('*');
    // Searched by bytes: a token is a few bytes, and `(` is ASCII.
    if let Some(open) = t.as_bytes().iter().rposition(|&b| b == b'(') {
        let mark = &t[open..];
        // `mark` is at least the `(`; a lone `(` has no inside.
        let inner = mark.get(1..mark.len().saturating_sub(1)).unwrap_or("");
        let preceded = t[..open].ends_with(|c: char| c.is_ascii_digit() || c == ')' || c == '%');
        if mark.ends_with(')')
            && preceded
            && (1..=2).contains(&inner.len())
            && inner
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            t = &t[..open];
        }
    }
    t
}

fn special(magnitude_dash: bool, not_available: bool) -> Token {
    Token::Number(Shown {
        magnitude: Decimal::ZERO,
        negative: false,
        fraction_digits: 0,
        currency: false,
        percent: false,
        dash: magnitude_dash,
        not_available,
    })
}

/// Classifies one token.
pub fn classify(token: &str) -> Token {
    if token == "$" {
        return Token::Dollar;
    }
    // Most tokens are words, and a word's first character decides it: footnote marks are cut
    // from the end only, so a token opening with a character no number, dash or "n/a" opens
    // with is a word.
    if let Some(&first) = token.as_bytes().first()
        && first.is_ascii()
        && !first.is_ascii_digit()
        && !b"$(),.%-nN".contains(&first)
    {
        return Token::Word;
    }
    if ["n/a", "n/m", "nm", "na", "n.a.", "n.m.", "nmf"]
        .iter()
        .any(|w| token.eq_ignore_ascii_case(w))
    {
        return special(false, true);
    }
    let token = strip_footnote(token);
    match dash(token) {
        Some(Dash::Zero) => return special(true, false),
        Some(Dash::NoAmount) => return special(false, true),
        None => {}
    }
    // "-0-", "$-0-": a zero written between dashes, as typewritten tables print it.
    if matches!(token, "-0-" | "$-0-") {
        return Token::Number(Shown {
            magnitude: Decimal::ZERO,
            negative: false,
            fraction_digits: 0,
            currency: token.starts_with('$'),
            percent: false,
            dash: false,
            not_available: false,
        });
    }
    // From here on the token is ASCII (or a word): its bytes are its chars.
    let bytes = token.as_bytes();
    let numeric_chars = bytes.iter().all(|&b| {
        b.is_ascii_digit() || matches!(b, b'$' | b'(' | b')' | b',' | b'.' | b'%' | b'-')
    });
    let Some(first_digit) = bytes.iter().position(u8::is_ascii_digit) else {
        return Token::Word;
    };
    if !numeric_chars {
        return Token::Word;
    }
    // A dash after a digit is a phone number, a range or a date ("617-386-1005", "2003-2004").
    if bytes[first_digit..].contains(&b'-') {
        return Token::Word;
    }
    // Sentence punctuation after a number ("2003." "30,") makes it prose, not a cell.
    if token.ends_with(',') || token.ends_with('.') {
        return Token::Word;
    }
    match parse(token) {
        Ok(shown) => Token::Number(shown),
        Err(why) => Token::Malformed(why),
    }
}

/// What a cell printed as dashes says.
enum Dash {
    /// One short dash (`-`, `–`): zero.
    Zero,
    /// A double dash or an em dash (`--`, `---`, `—`): nothing reported, like "n/a".
    NoAmount,
}

fn dash(token: &str) -> Option<Dash> {
    let mut chars = token.chars();
    let first = chars.next()?;
    if !token
        .chars()
        .all(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        || token.chars().count() > 3
    {
        return None;
    }
    Some(if chars.next().is_none() && first != '\u{2014}' {
        Dash::Zero
    } else {
        Dash::NoAmount
    })
}

fn parse(token: &str) -> Result<Shown, String> {
    let mut rest = token;
    let mut currency = false;
    let mut paren = false;
    let mut minus = false;
    loop {
        if let Some(r) = rest.strip_prefix('$') {
            if currency {
                return Err("two '$' signs".into());
            }
            currency = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('(') {
            if paren {
                return Err("two opening parentheses".into());
            }
            paren = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('-') {
            if minus {
                return Err("two minus signs".into());
            }
            minus = true;
            rest = r;
        } else {
            break;
        }
    }
    let mut percent = false;
    let mut close = false;
    loop {
        if let Some(r) = rest.strip_suffix('%') {
            if percent {
                return Err("two '%' signs".into());
            }
            percent = true;
            rest = r;
        } else if let Some(r) = rest.strip_suffix(')') {
            if close {
                return Err("two closing parentheses".into());
            }
            close = true;
            rest = r;
        } else {
            break;
        }
    }
    if paren != close {
        return Err("unbalanced parentheses".into());
    }
    if paren && minus {
        return Err("both parentheses and a minus sign".into());
    }
    // A token is a few bytes: the searches below are by bytes, in loops of their own, rather
    // than through the general string searchers.
    let (int, frac) = match rest.as_bytes().iter().position(|&b| b == b'.') {
        Some(dot) => (&rest[..dot], Some(&rest[dot + 1..])),
        None => (rest, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("digits expected after the decimal point".into());
    }
    if int.is_empty() && frac.is_none() {
        return Err("no digits".into());
    }
    if int.as_bytes().contains(&b',') {
        let mut groups = int.as_bytes().split(|&b| b == b',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || !first.iter().all(u8::is_ascii_digit) {
            return Err("misplaced thousands separator".into());
        }
        for g in groups {
            if g.len() != 3 || !g.iter().all(u8::is_ascii_digit) {
                return Err(
                    "thousands separators must divide the digits into groups of three".into(),
                );
            }
        }
    } else if !int.bytes().all(|b| b.is_ascii_digit()) {
        return Err("unexpected character in number".into());
    }
    let frac = frac.unwrap_or("");
    let magnitude = magnitude(int, frac).ok_or_else(|| "number too large".to_string())?;
    Ok(Shown {
        magnitude,
        negative: (paren || minus) && !magnitude.is_zero(),
        fraction_digits: frac.len() as u32,
        currency,
        percent,
        dash: false,
        not_available: false,
    })
}

/// The value of digits `int` (with thousands commas) `.` `frac`, at the scale of `frac`'s
/// length, as `Decimal`'s parser reads the same digits.
fn magnitude(int: &str, frac: &str) -> Option<Decimal> {
    let digits = || int.bytes().filter(|&b| b != b',').chain(frac.bytes());
    // Up to 18 digits fit a u64 exactly: no rounding for the parser to do.
    if digits().count() <= 18 {
        let mantissa = digits().fold(0i64, |m, b| m * 10 + i64::from(b - b'0'));
        return Decimal::try_from_i128_with_scale(i128::from(mantissa), frac.len() as u32).ok();
    }
    let digits: String = int.chars().filter(|c| *c != ',').collect();
    let text = if frac.is_empty() {
        if digits.is_empty() {
            "0".to_string()
        } else {
            digits
        }
    } else {
        format!("{}.{frac}", if digits.is_empty() { "0" } else { &digits })
    };
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_are_the_parsers() {
        for (int, frac) in [
            ("0", ""),
            ("", "5"),
            ("007", ""),
            ("1,234,567", ""),
            ("0", "00"),
            ("16", "0"),
            ("0", "040"),
            ("999,999,999,999,999,999", ""),
            ("1", "23456789012345678"),
            ("12", "3456789012345678901234567890"),
            ("79,228,162,514,264,337,593,543,950,335", ""),
            ("79,228,162,514,264,337,593,543,950,336", ""),
        ] {
            let digits: String = int.chars().filter(|c| *c != ',').collect();
            let text = match (digits.is_empty(), frac.is_empty()) {
                (true, true) => "0".to_string(),
                (false, true) => digits,
                (true, false) => format!("0.{frac}"),
                (false, false) => format!("{digits}.{frac}"),
            };
            let parsed = text.parse::<Decimal>().ok();
            let fast = magnitude(int, frac);
            assert_eq!(fast, parsed, "{int}.{frac}");
            assert_eq!(
                fast.map(|d| (d.mantissa(), d.scale())),
                parsed.map(|d| (d.mantissa(), d.scale())),
                "{int}.{frac}"
            );
        }
    }

    fn num(t: &str) -> Shown {
        match classify(t) {
            Token::Number(s) => s,
            other => panic!("{t}: {other:?}"),
        }
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, &str, bool, u32, bool, bool)] = &[
            ("$5,001", "5001", false, 0, true, false),
            ("(3,195)", "3195", true, 0, false, false),
            ("$(3,195)", "3195", true, 0, true, false),
            ("($3,195)", "3195", true, 0, true, false),
            ("68%", "68", false, 0, false, true),
            ("$0.00", "0.00", false, 2, true, false),
            ("(0.04)", "0.04", true, 2, false, false),
            ("$16.0", "16.0", false, 1, true, false),
            ("-12", "12", true, 0, false, false),
            ("1,234,567", "1234567", false, 0, false, false),
        ];
        for &(t, m, neg, frac, cur, pct) in cases {
            let s = num(t);
            assert_eq!(s.magnitude.to_string(), m, "{t}");
            assert_eq!(
                (s.negative, s.fraction_digits, s.currency, s.percent),
                (neg, frac, cur, pct),
                "{t}"
            );
        }
        assert!(num("-").dash);
        assert!(num("\u{2013}").dash);
        assert!(num("--").not_available);
        assert!(num("---").not_available);
        assert!(num("\u{2014}").not_available);
        assert!(num("n/a").not_available);
        assert_eq!(num("-0-").magnitude.to_string(), "0");
        assert!(!num("-0-").dash);
        assert_eq!(num("1,234*").magnitude.to_string(), "1234");
        assert_eq!(num("1,234(a)").magnitude.to_string(), "1234");
        assert_eq!(num("(1,234)(1)").magnitude.to_string(), "1234");
        assert!(num("(1,234)(1)").negative);
        assert_eq!(num("2003*").magnitude.to_string(), "2003");
        assert_eq!(num("(1.2)%").magnitude.to_string(), "1.2");
    }

    #[test]
    fn malformed_and_words() {
        for t in ["12,34,5", "1,2345", "(12", "$$5", "1.2.3", ",123"] {
            assert!(matches!(classify(t), Token::Malformed(_)), "{t}");
        }
        for t in [
            "2003.",
            "30,",
            "Sept.",
            "617-386-1005",
            "ATG",
            "A1",
            "*5",
            "<F1>",
            "x(1)",
            "/5",
        ] {
            assert_eq!(classify(t), Token::Word, "{t}");
        }
    }
}
