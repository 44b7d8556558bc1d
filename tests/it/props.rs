//! Property tests: number lexing round-trips (shown text → value → shown text), every
//! "N months / weeks ended DATE" column gives a period of the right length ending on DATE, and
//! `decimals` follows from the digits shown and the scale.

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use xbrlify::Options;
use xbrlify::document::Shown;
use xbrlify::facts::{half_unit, lexical};
use xbrlify::interpret::Period;
use xbrlify::read::{Token, classify};

use crate::convert_text;

/// How a release prints a number.
#[derive(Clone, Debug)]
struct Printed {
    int: u64,
    frac: String,
    negative: bool,
    /// Negative in parentheses (else a leading minus).
    parens: bool,
    currency: bool,
    /// `$` inside the parentheses: `($5)` rather than `$(5)`.
    currency_inside: bool,
    percent: bool,
    commas: bool,
}

fn grouped(int: u64, commas: bool) -> String {
    let digits = int.to_string();
    if !commas {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Printed {
    fn text(&self) -> String {
        let mut number = grouped(self.int, self.commas);
        if !self.frac.is_empty() {
            number = format!("{number}.{}", self.frac);
        }
        if self.percent {
            number.push('%');
        }
        match (
            self.negative,
            self.parens,
            self.currency,
            self.currency_inside,
        ) {
            (true, true, true, false) => format!("$({number})"),
            (true, true, true, true) => format!("(${number})"),
            (true, true, false, _) => format!("({number})"),
            (true, false, true, _) => format!("$-{number}"),
            (true, false, false, _) => format!("-{number}"),
            (false, _, true, _) => format!("${number}"),
            (false, _, false, _) => number,
        }
    }

    fn value(&self) -> Decimal {
        let text = if self.frac.is_empty() {
            self.int.to_string()
        } else {
            format!("{}.{}", self.int, self.frac)
        };
        text.parse().unwrap()
    }
}

/// Prints a lexed number back the way `like` was printed (its commas and sign style), from
/// what the lexer found alone.
fn reprint(shown: &Shown, like: &Printed) -> String {
    let text = shown.magnitude.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    assert_eq!(frac.len() as u32, shown.fraction_digits);
    Printed {
        int: int.parse().unwrap(),
        frac: frac.to_string(),
        negative: shown.negative,
        parens: like.parens,
        currency: shown.currency,
        currency_inside: like.currency_inside,
        percent: shown.percent,
        commas: like.commas,
    }
    .text()
}

fn printed() -> impl Strategy<Value = Printed> {
    (
        prop_oneof![0u64..1000, 0u64..1_000_000_000, any::<u64>()],
        "[0-9]{0,4}",
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(int, frac, negative, parens, currency, currency_inside, percent, commas)| Printed {
                int,
                frac,
                negative,
                parens,
                currency,
                currency_inside,
                percent,
                commas,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn numbers_round_trip(p in printed()) {
        let text = p.text();
        let Token::Number(shown) = classify(&text) else {
            panic!("{text:?} is not read as a number: {:?}", classify(&text));
        };
        prop_assert_eq!(shown.magnitude, p.value(), "{}", text);
        prop_assert_eq!(shown.fraction_digits, p.frac.len() as u32, "{}", text);
        // Zero in parentheses is still zero.
        prop_assert_eq!(shown.negative, p.negative && !p.value().is_zero(), "{}", text);
        prop_assert_eq!((shown.currency, shown.percent), (p.currency, p.percent), "{}", text);
        let expected = if p.value().is_zero() {
            Printed { negative: false, ..p.clone() }.text()
        } else {
            text.clone()
        };
        prop_assert_eq!(reprint(&shown, &p), expected);
    }

    #[test]
    fn misgrouped_thousands_are_malformed(int in 1_000u64..1_000_000_000, cut in 1usize..3) {
        // Move the first comma: "12,34,567" or "1234,567".
        let good = grouped(int, true);
        let first = good.find(',').unwrap();
        let mut bad: String = good.replacen(',', "", 1);
        bad.insert(first.saturating_sub(cut).max(1), ',');
        prop_assume!(bad != good);
        prop_assert!(matches!(classify(&bad), Token::Malformed(_)), "{bad}");
    }

    #[test]
    fn any_token_is_classified_without_panic(token in "\\PC{0,12}|[-$(),.%0-9]{0,12}") {
        let _ = classify(&token);
    }
}

/// The one period of a one-column release whose header is `heading` over `date`.
fn column_period(heading: &str, end: NaiveDate) -> Period {
    let month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][end.month0() as usize];
    let text = format!(
        "ACME Corp. (NYSE: ACM)\n\n                          {heading}\n                          {month} {}, {}\n\nNet sales                     $5,001\n",
        end.day(),
        end.year()
    );
    let (_, conv) = convert_text("period.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("{text}\n{e}"));
    conv.meanings[0].columns[0]
        .period()
        .unwrap_or_else(|| panic!("no period: {text}"))
        .period
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2050, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

const WORDS: &[(u32, &str)] = &[
    (3, "Three"),
    (6, "Six"),
    (9, "Nine"),
    (12, "Twelve"),
    (13, "Thirteen"),
    (26, "Twenty-six"),
    (39, "Thirty-nine"),
    (52, "Fifty-two"),
];

fn number(n: u32, as_word: bool) -> String {
    match WORDS.iter().find(|w| w.0 == n) {
        Some((_, w)) if as_word => w.to_string(),
        _ => n.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn months_ended_give_n_months(n in 1u32..=24, end in date(), as_word in any::<bool>()) {
        let month_end = end.succ_opt().unwrap().day() == 1;
        // Off a month end, a period of whole quarters is a 52/53-week one; other lengths are
        // calendar months, taken here only where no month is too short for the day.
        prop_assume!(month_end || n % 3 == 0 || end.day() <= 27);
        let plural = if n == 1 { "Month" } else { "Months" };
        let period = column_period(&format!("{} {plural} Ended", number(n, as_word)), end);
        let Period::Duration { start, end: got_end } = period else {
            panic!("an instant for {n} months ended {end}");
        };
        prop_assert_eq!(got_end, end);
        prop_assert!(start <= end);
        if !month_end && n % 3 == 0 {
            prop_assert_eq!((end - start).num_days() + 1, i64::from(n / 3 * 13 * 7));
        } else {
            prop_assert_eq!(start.checked_add_months(Months::new(n)), end.succ_opt());
        }
    }

    #[test]
    fn weeks_ended_give_n_weeks(n in 1u32..=106, end in date(), as_word in any::<bool>()) {
        let plural = if n == 1 { "Week" } else { "Weeks" };
        let period = column_period(&format!("{} {plural} Ended", number(n, as_word)), end);
        let Period::Duration { start, end: got_end } = period else {
            panic!("an instant for {n} weeks ended {end}");
        };
        prop_assert_eq!(got_end, end);
        prop_assert!(start <= end);
        prop_assert_eq!((end - start).num_days() + 1, i64::from(n * 7));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decimals_are_digits_shown_less_the_scale(
        int in 0u64..1_000_000,
        frac in "[0-9]{0,3}",
        (scale_line, power) in prop_oneof![
            Just(("", 0i32)),
            Just(("(In thousands)", 3)),
            Just(("(In millions)", 6)),
        ],
    ) {
        let shown = Printed {
            int,
            frac: frac.clone(),
            negative: false,
            parens: false,
            currency: true,
            currency_inside: false,
            percent: false,
            commas: true,
        };
        let text = format!(
            "ACME Corp. (NYSE: ACM)\n{scale_line}\n\n                          Three Months Ended\n                          September 30, 2003\n\nNet sales                     {}\n",
            shown.text()
        );
        let (_, conv) = convert_text("decimals.txt", text.as_bytes(), &Options::default())
            .unwrap_or_else(|e| panic!("{text}\n{e}"));
        let fact = &conv.facts.facts[0];
        let decimals = frac.len() as i32 - power;
        prop_assert_eq!(fact.decimals, Some(decimals));
        let value = shown.value() * Decimal::from(10i64.pow(power as u32));
        prop_assert_eq!(fact.value.parse::<Decimal>().unwrap(), value);
        prop_assert_eq!(&fact.value, &lexical(value, decimals));
    }

    #[test]
    fn lexical_form_keeps_the_value_and_shows_the_decimals(
        mantissa in any::<i64>(),
        scale in 0u32..=6,
        decimals in -9i32..=6,
    ) {
        prop_assume!(decimals >= scale as i32 || decimals <= 0);
        let value = Decimal::new(mantissa, scale);
        let text = lexical(value, decimals);
        prop_assert_eq!(text.parse::<Decimal>().unwrap(), value, "{}", text);
        let shown = text.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        if decimals > 0 {
            prop_assert_eq!(shown, decimals, "{}", text);
        }
        prop_assert!(!(value.is_zero() && text.starts_with('-')), "negative zero: {}", text);
    }

    #[test]
    fn half_a_unit_is_half_of_ten_to_minus_decimals(decimals in -20i32..=20) {
        let unit = if decimals >= 0 {
            Decimal::new(1, decimals as u32)
        } else {
            Decimal::from(10i128.pow((-decimals) as u32))
        };
        prop_assert_eq!(half_unit(decimals) * Decimal::TWO, unit);
    }
}
