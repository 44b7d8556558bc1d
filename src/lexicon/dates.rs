//! Words and dates in headings: month names, numbers in words, the length a heading states
//! ("Three Months Ended", "13 Weeks", "Q4", "Year-to-Date") and the dates it writes ("Sept. 30,
//! 2003", "6/30/04", "Mar 31,2007", "July 3, 2004 and June 28, 2003").

use chrono::{Datelike, Months, NaiveDate};

/// The month number of a month name or abbreviation ("Sept.", "September", "Dec").
pub fn month_of(word: &str) -> Option<u32> {
    let t = word.trim_end_matches([',', '.']);
    // No month name is longer than "september": a longer word is none, and a shorter one is
    // lower-cased on the stack.
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..t.len())?;
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    let w = std::str::from_utf8(lower).ok()?;
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES
        .iter()
        .position(|n| {
            w == *n || (w.len() >= 3 && n.starts_with(w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// A number written as digits or in words, up to ninety-nine ("fourteen", "twenty-six",
/// "Fifty-three").
pub(crate) fn number_word(w: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let unit = |u: &str| UNITS.iter().position(|n| *n == u).map(|n| n as u32);
    let ten = |t: &str| {
        TENS.iter()
            .position(|n| *n == t)
            .map(|n| n as u32 * 10 + 20)
    };
    match w.split_once('-') {
        Some((t, u)) => Some(ten(t)? + unit(u).filter(|&u| (1..10).contains(&u))?),
        None => unit(w).or_else(|| ten(w)),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Length {
    Months(u32),
    Weeks(u32),
    /// "Year-to-Date", "YTD": from the start of the fiscal year.
    YearToDate,
}

/// Whether a heading states a length of time ("Fourth Quarter", "Full Year").
pub fn states_length(heading: &str) -> bool {
    duration_words(heading).is_some()
}

pub(crate) fn duration_words(text: &str) -> Option<Length> {
    // Every length below is found at a word holding a `q` (q1, qtr, quarter) or "year",
    // "ytd", "month" or "week": most headings and labels hold none, and are not split.
    if !may_state_length(text.as_bytes()) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, &w) in words.iter().enumerate() {
        // Asked only of the few words that need them: most words are neither.
        let prev = || i.checked_sub(1).and_then(|p| number_word(words[p]));
        let next_is_year = || words.get(i + 1).is_some_and(|n| is_year_token(n));
        match w {
            // "Q4 2004", "Fourth Quarter 2004", "4th Qtr.": a quarter.
            "q1" | "q2" | "q3" | "q4" => return Some(Length::Months(3)),
            "quarter" | "qtr" | "qtr."
                if i.checked_sub(1).is_some_and(|p| {
                    [
                        "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th",
                    ]
                    .contains(&words[p])
                }) =>
            {
                return Some(Length::Months(3));
            }
            // "Year 2004", "Fiscal Year 2004", "Full Year 2004".
            "year" if next_is_year() => return Some(Length::Months(12)),
            // "Full Year:", "Fiscal Year:" as a heading over rows; not "fiscal year end".
            "year"
                if i.checked_sub(1)
                    .is_some_and(|p| words[p] == "full" || words[p] == "fiscal")
                    && words
                        .get(i + 1)
                        .is_none_or(|n| !n.starts_with("end") || n.starts_with("ended")) =>
            {
                return Some(Length::Months(12));
            }
            "months" | "month" => {
                if let Some(n) = prev() {
                    return Some(Length::Months(n));
                }
            }
            "weeks" | "week" => {
                if let Some(n) = prev() {
                    return Some(Length::Weeks(n));
                }
            }
            "quarter" | "quarters"
                if words
                    .get(i + 1)
                    .is_some_and(|&n| n == "ended" || n == "ending") =>
            {
                return Some(Length::Months(3));
            }
            "year" | "years"
                if words
                    .get(i + 1)
                    .is_some_and(|&n| n == "ended" || n == "ending") =>
            {
                return Some(Length::Months(12));
            }
            "ytd" | "year-to-date" => return Some(Length::YearToDate),
            "year"
                if words.get(i + 1).is_some_and(|n| *n == "to")
                    && words.get(i + 2).is_some_and(|n| *n == "date") =>
            {
                return Some(Length::YearToDate);
            }
            _ => {}
        }
    }
    None
}

/// Whether a text holds, in any case, a `q` or "year", "ytd", "month" or "week": one of the
/// words [`duration_words`] finds a length at is among its words only then.
fn may_state_length(text: &[u8]) -> bool {
    let at = |i: usize, word: &[u8]| {
        text.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    text.iter()
        .enumerate()
        .any(|(i, &b)| match b.to_ascii_lowercase() {
            b'q' => true,
            b'y' => at(i, b"year") || at(i, b"ytd"),
            b'm' => at(i, b"month"),
            b'w' => at(i, b"week"),
            _ => false,
        })
}

/// The last date written in the text ("Sept. 30, 2003", "December 31 2002", "June 2003").
pub(crate) fn date_in(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // "6/30/04": a date in numbers.
    if let Some((y, m, d)) = words.iter().rev().find_map(|w| numeric_date(w)) {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_of(w) else { continue };
        if w.len() < 3 {
            continue;
        }
        let mut k = i + 1;
        let mut day = None;
        if let Some(d) = words.get(k).map(|d| d.trim_end_matches(','))
            && let Ok(d) = d.parse::<u32>()
            && (1..=31).contains(&d)
        {
            day = Some(d);
            k += 1;
        }
        let year = words.get(k).and_then(|y| year_of(y));
        found = Some((month, day, year));
    }
    let (month, day, year) = found?;
    let year = match year {
        Some(y) => y,
        None => words.iter().rev().filter_map(|w| year_of(w)).next()?,
    };
    match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d),
        None => last_day(year, month),
    }
}

/// The year a word writes: "2003", "2003,", "2003*", "(2003)", "2003(1)".
pub(crate) fn year_of(word: &str) -> Option<i32> {
    let digits = word.trim_start_matches('(');
    let year = digits.get(..4)?;
    let rest = &digits[4..];
    let after = rest.chars().next();
    (year.bytes().all(|b| b.is_ascii_digit())
        && after.is_none_or(|c| matches!(c, ',' | '.' | ')' | '*' | '(' | ':')))
    .then(|| year.parse().ok())
    .flatten()
}

/// The first month (and day, if given) written in a title: "DECEMBER 31, 1997 AND 1996".
pub(crate) fn month_day_in(text: &str) -> Option<(u32, Option<u32>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if w.len() < 3 {
            continue;
        }
        let Some(month) = month_of(w) else { continue };
        let day = words
            .get(i + 1)
            .and_then(|d| d.trim_end_matches(',').parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d));
        return Some((month, day));
    }
    None
}

pub(crate) fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// A group heading that names one date per column ("For the 13 Weeks Ended / July 3, 2004
/// and / June 28, 2003" over "2004   2003"): the date in the year the column's own last word
/// gives. `None` unless the heading names two or more dates with years and exactly one in that
/// year.
pub(crate) fn own_of_dates(heading: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let own = words.last().and_then(|w| year_of(w))?;
    let mut dates = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_of(w).filter(|_| w.len() >= 3) else {
            continue;
        };
        let day = words
            .get(i + 1)
            .and_then(|d| d.trim_end_matches(',').parse::<u32>().ok());
        let year = words.get(i + 2).and_then(|y| year_of(y));
        if let (Some(d), Some(y)) = (day, year)
            && let Some(date) = NaiveDate::from_ymd_opt(y, month, d)
        {
            dates.push(date);
        }
    }
    if dates.len() < 2 {
        return None;
    }
    let mut mine = dates.iter().filter(|d| d.year() == own);
    match (mine.next(), mine.next()) {
        (Some(&d), None) => Some(d),
        _ => None,
    }
}

/// "Mar 31,2007" as "Mar 31, 2007": a day and a year run together at the comma.
pub(crate) fn spaced_dates(heading: &str) -> String {
    let words: Vec<String> = heading
        .split_whitespace()
        .map(|w| match w.split_once(',') {
            Some((d, y))
                if (1..=2).contains(&d.len())
                    && d.bytes().all(|b| b.is_ascii_digit())
                    && is_year_token(y) =>
            {
                format!("{d}, {y}")
            }
            _ => w.to_string(),
        })
        .collect();
    words.join(" ")
}

/// "from June 3, 1996 (inception) to December 31, 1996": explicit ranges in a title.
pub(crate) fn ranges_in(text: &str) -> Vec<(NaiveDate, NaiveDate)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("from ") {
        let after = &rest[i + 5..];
        let to = after.find(" to ").or_else(|| after.find(" through "));
        let Some(to) = to else { break };
        let start_text = &after[..to];
        let tail = &after[to..];
        let tail = tail
            .trim_start_matches(" to ")
            .trim_start_matches(" through ");
        // The end date stops at " and " or at the next range, within 40 characters: look no
        // further, or a title of many ranges would be scanned to its end once for each.
        let mut window = tail.len().min(46);
        while !tail.is_char_boundary(window) {
            window -= 1;
        }
        let end_len = [" and ", " from "]
            .iter()
            .filter_map(|stop| tail[..window].find(stop))
            .min()
            .unwrap_or(tail.len())
            .min(40);
        let end_text = &tail[..tail
            .char_indices()
            .nth(end_len)
            .map_or(tail.len(), |(b, _)| b)];
        if let (Some(s), Some(e)) = (date_in(start_text), date_in(end_text))
            && s <= e
        {
            out.push((s, e));
        }
        rest = &after[to..];
    }
    out
}

/// A date written in numbers, `6/30/04` or `06/30/2004` (month, day, year), as
/// (year, month, day); two-digit years are 1950–2049.
pub fn numeric_date(text: &str) -> Option<(i32, u32, u32)> {
    let t = text.trim_end_matches([',', '*', ':']);
    let mut parts = t.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || ![m, d, y]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        || m.len() > 2
        || d.len() > 2
        || !(y.len() == 2 || y.len() == 4)
    {
        return None;
    }
    let (m, d, y): (u32, u32, i32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    let y = match y {
        0..=49 => 2000 + y,
        50..=99 => 1900 + y,
        _ => y,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y))
        .then_some((y, m, d))
}

/// Whether a token is a year such as `2003`, `2003,`, `(2003)` or `2003*`, or a date written
/// in numbers (`6/30/04`).
pub fn is_year_token(text: &str) -> bool {
    if text.contains('/') {
        return numeric_date(text).is_some();
    }
    // Past the parentheses trimmed below, a year is digits: a token opening with anything
    // else (most are words) is none.
    if !text.starts_with(|c: char| c == '(' || c.is_ascii_digit()) {
        return false;
    }
    // "2003(1)", "2003(a)": a footnote mark after the year.
    let text = match text.split_once('(') {
        Some((year, mark)) if !year.is_empty() && mark.len() <= 3 && mark.ends_with(')') => year,
        _ => text,
    };
    let t = text
        .trim_start_matches('(')
        .trim_end_matches([',', ')', '.', '*', ':']);
    // "Mar 31,2007": a day and the year run together at the comma.
    let t = match t.split_once(',') {
        Some((day, year))
            if (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit()) =>
        {
            year
        }
        _ => t,
    };
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && is_year_value(t.parse().unwrap_or_default())
}

/// Whether a number is a plausible year (1900 to 2100).
pub(crate) fn is_year_value(v: rust_decimal::Decimal) -> bool {
    v >= rust_decimal::Decimal::from(1900) && v <= rust_decimal::Decimal::from(2100)
}
