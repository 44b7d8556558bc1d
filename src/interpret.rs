//! Stage 2, interpret: column headings → periods, the scale line → multipliers.
//!
//! "Three Months Ended / Sept. 30, / 2003" is the duration 2003-07-01..2003-09-30: the start is
//! the end plus one day, less N months (so a quarter ending 2003-09-27 starts 2003-06-28, not on
//! the 1st). A heading with no duration words ("September 30, 2003" under "As of") is an
//! instant. When the column's own heading has no duration words, the table title's are used
//! ("For the Years Ended December 31,").

mod calendar;
mod scale;
mod shares;

pub use calendar::fiscal_focus;
use calendar::{anchor_year_to_date, date_only_flows, fit_52_53_week_calendar};
use scale::{inherited_scale, non_monetary};
pub use scale::{row_scale, scale};

pub(crate) use crate::lexicon::dates::Length;
use crate::lexicon::dates::{
    date_in, duration_words, is_year_token, last_day, month_day_in, own_of_dates, ranges_in,
    spaced_dates, year_of,
};

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use crate::document::{Column, Document, Table, Text};
use crate::error::{Error, ErrorKind};
use crate::lexicon::phrases::{NON_GAAP_TITLES, STATISTICS_TITLES};
use crate::source::{Source, Span};

/// A reporting period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A point in time (end of the day).
    Instant(NaiveDate),
    /// From the start of `start` to the end of `end`.
    Duration {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
}

impl Period {
    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::Instant(d) => d,
            Period::Duration { end, .. } => end,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Instant(d) => write!(f, "{d}"),
            Period::Duration { start, end } => write!(f, "{start}..{end}"),
        }
    }
}

/// A column's period and how it was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnPeriod {
    /// The period.
    pub period: Period,
    /// Length in months, for durations stated in months (3 for a quarter).
    pub months: Option<u32>,
    /// Stated in weeks ("Thirteen Weeks Ended"): the length is exact.
    pub in_weeks: bool,
}

/// The multipliers a scale line sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Power of ten for amounts ("in thousands" → 3).
    pub amounts: u32,
    /// Power of ten for share counts (the same, unless "except share data").
    pub shares: u32,
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnMeaning {
    /// Amounts for a period.
    Period(ColumnPeriod),
    /// Something else ("Change", "% Change", no date at all): its cells are not reported.
    Other(String),
}

impl ColumnMeaning {
    /// The period, for period columns.
    pub fn period(&self) -> Option<ColumnPeriod> {
        match self {
            ColumnMeaning::Period(p) => Some(*p),
            ColumnMeaning::Other(_) => None,
        }
    }
}

/// Which statement a table is, judged from its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Statement {
    /// Statement of operations / income / earnings.
    Income,
    /// Balance sheet / statement of financial position.
    Balance,
    /// Statement of cash flows.
    CashFlow,
    /// Statement of stockholders' equity.
    Equity,
    /// Anything else: highlights, segment tables, statistics, notes.
    Other,
}

impl Statement {
    /// Whether this is one of the primary statements (income, balance sheet, cash flow).
    pub fn is_primary(self) -> bool {
        matches!(
            self,
            Statement::Income | Statement::Balance | Statement::CashFlow
        )
    }

    /// Judges a table by its title lines.
    pub fn of_title(title: &[Text]) -> Statement {
        let t = title
            .iter()
            .map(|t| t.text.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let has = |words: &[&str]| crate::text::contains_any(&t, words);
        if has(&["cash flow", "cashflow"]) {
            Statement::CashFlow
        } else if has(&[
            "stockholders' equity",
            "shareholders' equity",
            "changes in equity",
            "stockholders equity",
        ]) {
            Statement::Equity
        } else if has(&["balance sheet", "financial position", "financial condition"]) {
            Statement::Balance
        } else if has(&[
            "statement of operations",
            "statements of operations",
            "statement of income",
            "statements of income",
            "income statement",
            "statement of earnings",
            "statements of earnings",
            "consolidated earnings",
            "results of operations",
            "statements of operation",
            "statement of operation",
        ]) {
            Statement::Income
        } else {
            Statement::Other
        }
    }
}

/// What stage 2 makes of one table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableMeaning {
    /// Which statement the table is.
    pub statement: Statement,
    /// One meaning per column.
    pub columns: Vec<ColumnMeaning>,
    /// The scale.
    pub scale: Scale,
    /// Why none of the table is reported, when it is not a table of amounts ("In Millions of
    /// KWHs").
    pub skip: Option<String>,
}

/// Interprets every table of the document. At least one table must have a dated column.
///
/// A column whose heading gives no usable period ("25 Months Ended", a year with no month) is
/// quarantined: it becomes [`ColumnMeaning::Other`] and its error is returned beside the
/// meanings, so that the rest of its table still converts.
pub fn interpret(
    source: &Source,
    doc: &Document,
) -> Result<(Vec<TableMeaning>, Vec<Error>), Error> {
    // Each table's scale line: its own, or the one its predecessor went by (a statement
    // continued over several breaks keeps the scale stated at its top).
    let mut scales: Vec<Option<&Text>> = Vec::with_capacity(doc.tables.len());
    for (i, t) in doc.tables.iter().enumerate() {
        let scale = t.scale.as_ref().or_else(|| {
            let p = i.checked_sub(1)?;
            inherited_scale(scales[p], t)
        });
        scales.push(scale);
    }
    let first: Vec<(TableMeaning, Vec<Error>)> = doc
        .tables
        .iter()
        .zip(&scales)
        .map(|(t, scale)| table(source, t, *scale, None))
        .collect();
    // A table whose columns carry only years ("Q4 2004", "Three Months / 2004"), under a title
    // with no date, reports the periods the release's other tables date: it takes the month
    // and day of their latest period end; with none, those of the submission header's period
    // of report, then of its fiscal year end. With none of these, its columns are quarantined.
    let release_end = first
        .iter()
        .flat_map(|(m, _)| m.columns.iter().filter_map(ColumnMeaning::period))
        .map(|p| p.period.end())
        .max()
        .map(|d| (d.month(), Some(d.day())))
        .or_else(|| header_month_day(doc));
    let mut meanings = Vec::with_capacity(first.len());
    let mut quarantined = Vec::new();
    for ((m, errors), (t, scale)) in first.into_iter().zip(doc.tables.iter().zip(&scales)) {
        let (m, errors) = match release_end {
            Some(end) if !errors.is_empty() => {
                let again = table(source, t, *scale, Some(end));
                if again.1.is_empty() {
                    again
                } else {
                    (m, errors)
                }
            }
            _ => (m, errors),
        };
        meanings.push(m);
        quarantined.extend(errors);
    }
    // A release that states no scale anywhere, whose statement's arithmetic shows its amounts
    // in thousands (net income over earnings per share is a thousandth of the share count as
    // printed): every table is in thousands, its share counts whole.
    if scales.iter().all(Option::is_none)
        && let Some(power) = doc.tables.iter().find_map(shares::implied_amounts)
    {
        for m in &mut meanings {
            m.scale = Scale {
                amounts: power,
                shares: 0,
            };
        }
    }
    let lengths: Vec<Vec<Option<Length>>> = doc
        .tables
        .iter()
        .map(|t| {
            let title: Vec<&str> = t.title.iter().map(|x| x.text.as_str()).collect();
            let title = title.join(" ");
            // The title's length is the same for every column: found once, if asked.
            let title_length = std::cell::OnceCell::new();
            t.columns
                .iter()
                .map(|c| {
                    column_length(&c.heading_text(), || {
                        *title_length.get_or_init(|| duration_words(&title))
                    })
                })
                .collect()
        })
        .collect();
    anchor_year_to_date(doc, &mut meanings, &lengths);
    fit_52_53_week_calendar(&mut meanings);
    date_only_flows(&mut meanings);
    let dated = meanings
        .iter()
        .any(|m| m.columns.iter().any(|c| c.period().is_some()));
    if !dated {
        // No column of any table is dated: the reason a column could not be is the error.
        if let Some(e) = quarantined.into_iter().next() {
            return Err(e);
        }
        let span = doc
            .tables
            .first()
            .and_then(|t| t.rows.first())
            .map_or(Span::default(), |r| {
                if r.label.text.is_empty() {
                    r.cells.first().map_or(r.label.span, |c| c.span)
                } else {
                    r.label.span
                }
            });
        return Err(Error::at(
            ErrorKind::Period,
            source,
            span,
            "this table has no dated column header: expected a header such as \
             \"Three Months Ended / Sept. 30, / 2003\" above its first row",
        ));
    }
    Ok((meanings, quarantined))
}

/// The month and day a submission header dates the release by: its period of report
/// (`YYYYMMDD`), else its registrant's fiscal year end (`MMDD`).
fn header_month_day(doc: &Document) -> Option<(u32, Option<u32>)> {
    let edgar = doc.edgar.as_ref()?;
    let digits = |v: &str, n: usize| v.len() == n && v.bytes().all(|b| b.is_ascii_digit());
    let month_day = |md: &str| -> Option<(u32, Option<u32>)> {
        let (m, d): (u32, u32) = (md[..2].parse().ok()?, md[2..].parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, Some(d)))
    };
    edgar
        .period_of_report
        .as_deref()
        .filter(|v| digits(v, 8))
        .and_then(|v| month_day(&v[4..]))
        .or_else(|| {
            edgar
                .registrant
                .as_ref()
                .or(edgar.filers.first())
                .and_then(|f| f.fiscal_year_end.as_deref())
                .filter(|v| digits(v, 4))
                .and_then(month_day)
        })
}

const NOT_PERIOD: &[&str] = &[
    "change",
    "increase",
    "decrease",
    "variance",
    "%",
    "percent",
    "pro forma",
    "proforma",
    "as adjusted",
    "adjustment",
    "adj.",
    "non-gaap",
    "reconcil",
    "excluding",
    "inc (dec)",
    "inc. (dec.)",
    "favorable",
    "unfavorable",
    "better",
    "worse",
    "b/(w)",
    // Amounts a restatement replaced; the restated column beside them is the period's.
    "previously reported",
    "originally reported",
];

/// A month and day a column with only a year may take when its heading and title give none.
type MonthDay = (u32, Option<u32>);

/// A table's meaning, and the errors of the columns it quarantined (their meaning is
/// [`ColumnMeaning::Other`]).
fn table(
    source: &Source,
    table: &Table,
    scale_line: Option<&Text>,
    release_end: Option<MonthDay>,
) -> (TableMeaning, Vec<Error>) {
    let title: Vec<&Text> = table.title.iter().collect();
    let quarters = quarter_ends(table, &title, release_end);
    let mut errors = Vec::new();
    let columns = table
        .columns
        .iter()
        .zip(&quarters)
        .map(|(c, quarter)| {
            let meaning = match quarter {
                Some(Err(why)) => Ok(ColumnMeaning::Other(why.clone())),
                Some(Ok(end)) => {
                    column_period(source, c, &c.heading_text(), &title, None, Some(*end))
                        .map(ColumnMeaning::Period)
                }
                None => column(source, c, &title, release_end),
            };
            meaning.unwrap_or_else(|e| {
                let why = format!("quarantined: {}", e.message());
                errors.push(e);
                ColumnMeaning::Other(why)
            })
        })
        .collect();
    let scale_text = scale_line.map(|t| t.text.as_str());
    let mut scale = scale(scale_text);
    if shares::printed_whole(table, scale.amounts, scale.shares) {
        scale.shares = 0;
    }
    let meaning = TableMeaning {
        statement: Statement::of_title(&table.title),
        columns,
        scale,
        skip: scale_text
            .and_then(non_monetary)
            .or_else(|| non_gaap(&table.title))
            .or_else(|| non_gaap_columns(&table.columns))
            .or_else(|| statistics(&table.title)),
    };
    (meaning, errors)
}

/// The quarter a heading numbers ("Q2 2004", "Second Quarter 2004", "2nd Qtr."), when it
/// writes no date of its own.
fn quarter_number(heading: &str) -> Option<u32> {
    if date_in(heading).is_some() {
        return None;
    }
    let words: Vec<String> = heading
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words
        .iter()
        .enumerate()
        .find_map(|(i, w)| match w.as_str() {
            "q1" => Some(1),
            "q2" => Some(2),
            "q3" => Some(3),
            "q4" => Some(4),
            "quarter" | "qtr" | "qtr." => {
                let p = words.get(i.checked_sub(1)?)?;
                ["first", "second", "third", "fourth"]
                    .iter()
                    .position(|o| o == p)
                    .or_else(|| ["1st", "2nd", "3rd", "4th"].iter().position(|o| o == p))
                    .map(|n| n as u32 + 1)
            }
            _ => None,
        })
}

/// The end date of each column that numbers a quarter and writes no date ("Q3 2004  Q2 2004
/// Q3 2003" under "Three Months Ended September 30, 2004"): `None` for other columns.
///
/// # Design
///
/// A quarter's number says when it ends only once the fiscal year is known. The release's
/// date (the title's, else the latest its other tables give) names one quarter; when that
/// date ends a calendar quarter and one of the columns is that quarter of that year, the
/// quarters are calendar quarters and each ends on the last day of its third month. Otherwise
/// the columns are not reported: giving them all the release's date would make "Q2 2004" the
/// same period as "Q3 2004".
fn quarter_ends(
    table: &Table,
    title: &[&Text],
    release_end: Option<MonthDay>,
) -> Vec<Option<Result<NaiveDate, String>>> {
    let numbered: Vec<Option<(u32, i32)>> = table
        .columns
        .iter()
        .map(|c| {
            let heading = c.heading_text();
            let n = quarter_number(&heading)?;
            let year = heading
                .split_whitespace()
                .find_map(|w| year_of(w).filter(|_| is_year_token(w)))?;
            Some((n, year))
        })
        .collect();
    if numbered.iter().all(Option::is_none) {
        return vec![None; table.columns.len()];
    }
    let title_text: Vec<&str> = title.iter().map(|t| t.text.as_str()).collect();
    let title_text = title_text.join(" ");
    let latest_year = numbered.iter().flatten().map(|&(_, y)| y).max();
    let reference = date_in(&title_text).or_else(|| {
        let (month, day) = month_day_in(&title_text).or(release_end)?;
        let year = latest_year?;
        match day {
            Some(d) => NaiveDate::from_ymd_opt(year, month, d),
            None => last_day(year, month),
        }
    });
    let calendar = reference.is_some_and(|r| {
        r.month() % 3 == 0
            && numbered
                .iter()
                .flatten()
                .any(|&(n, y)| n * 3 == r.month() && y == r.year())
    });
    numbered
        .iter()
        .map(|q| {
            let (n, year) = (*q)?;
            Some(if calendar {
                last_day(year, n * 3).ok_or_else(|| "date out of range".to_string())
            } else {
                Err(format!(
                    "the release does not say when quarter {n} of {year} ends"
                ))
            })
        })
        .collect()
}

/// A table of operating statistics ("Selected Operating Data", "Key Statistics"): its rows
/// count stores, customers or units, which no us-gaap concept of the statements reports.
fn statistics(title: &[Text]) -> Option<String> {
    let line = title.iter().find(|t| {
        let lower = t.text.to_ascii_lowercase();
        STATISTICS_TITLES
            .iter()
            .any(|w| crate::text::contains(&lower, w))
    })?;
    Some(format!(
        "a table of operating statistics (\"{}\"), not us-gaap amounts",
        line.text.trim()
    ))
}

/// A table whose title says it is a pro forma or non-GAAP presentation ("Pro Forma Condensed
/// Consolidated Statements of Operations", "Reconciliation of GAAP to Non-GAAP Net Income"):
/// its rows carry the GAAP statements' labels with other amounts, so none is a us-gaap fact.
fn non_gaap(title: &[Text]) -> Option<String> {
    let line = title.iter().find(|t| {
        let lower = t.text.to_ascii_lowercase();
        crate::text::contains_any(&lower, NON_GAAP_TITLES)
    })?;
    Some(format!(
        "a pro forma or non-GAAP table (\"{}\"), not us-gaap amounts",
        line.text.trim()
    ))
}

/// A table with a column headed as a non-GAAP measure ("GAAP | Adj. | Non-GAAP"): a
/// reconciliation, whatever its title says ("(3) Stock-based compensation was included in the
/// following GAAP operating expense categories:"). Its rows carry the statements' labels with
/// other amounts (the stock-based compensation within each expense), so none is a us-gaap fact.
fn non_gaap_columns(columns: &[Column]) -> Option<String> {
    let column = columns
        .iter()
        .find(|c| crate::text::contains_any_lower(&c.heading_text(), &["non-gaap", "non gaap"]))?;
    Some(format!(
        "a reconciliation to a non-GAAP measure (a column \"{}\"), not us-gaap amounts",
        column.heading_text().trim()
    ))
}

fn column(
    source: &Source,
    column: &Column,
    title: &[&Text],
    release_end: Option<MonthDay>,
) -> Result<ColumnMeaning, Error> {
    let heading = spaced_dates(&column.heading_text());
    let lower_heading = heading.to_ascii_lowercase();
    if let Some(k) = NOT_PERIOD.iter().find(|k| lower_heading.contains(*k)) {
        return Ok(ColumnMeaning::Other(format!(
            "the column \"{heading}\" is not a period (\"{k}\")"
        )));
    }
    let has_year = heading.split_whitespace().any(is_year_token);
    if !has_year && date_in(&heading).is_none() {
        return Ok(ColumnMeaning::Other(if heading.is_empty() {
            "the column has no heading with a date".to_string()
        } else {
            format!("the column \"{heading}\" has no date")
        }));
    }
    column_period(source, column, &heading, title, release_end, None).map(ColumnMeaning::Period)
}

fn column_period(
    source: &Source,
    column: &Column,
    heading: &str,
    title: &[&Text],
    release_end: Option<MonthDay>,
    fixed_end: Option<NaiveDate>,
) -> Result<ColumnPeriod, Error> {
    let heading = heading.to_string();
    let span: Span = column
        .heading
        .first()
        .map_or(column.span, |t| t.span)
        .join(column.span);
    let title_text: Vec<&str> = title.iter().map(|t| t.text.as_str()).collect();
    let title_text = title_text.join(" ");
    let year: Option<i32> = heading
        .split_whitespace()
        .rev()
        .find_map(|w| year_of(w).filter(|_| is_year_token(w)));
    if date_in(&heading).is_none()
        && let Some(&(start, end)) = ranges_in(&title_text)
            .iter()
            .find(|(_, e)| Some(e.year()) == year)
    {
        return Ok(ColumnPeriod {
            period: Period::Duration { start, end },
            months: None,
            in_weeks: false,
        });
    }
    let end = fixed_end
        .or_else(|| own_of_dates(&heading))
        .or_else(|| date_in(&heading))
        .or_else(|| {
            // Year in the column, month and day only in the title ("December 31,").
            let year = year?;
            let (month, day) = month_day_in(&title_text).or(release_end)?;
            match day {
                Some(d) => NaiveDate::from_ymd_opt(year, month, d),
                None => last_day(year, month),
            }
        })
        .ok_or_else(|| {
            Error::at(
                ErrorKind::Period,
                source,
                span,
                format!("column heading \"{heading}\" gives no month and day for its period"),
            )
        })?;
    let length = column_length(&heading, || duration_words(&title_text));
    let bad = |what: &str| {
        Error::at(
            ErrorKind::Period,
            source,
            span,
            format!("column heading \"{heading}\": {what}"),
        )
    };
    match length {
        None => Ok(ColumnPeriod {
            period: Period::Instant(end),
            months: None,
            in_weeks: false,
        }),
        Some(Length::Months(n)) => {
            if n == 0 || n > 24 {
                return Err(bad(&format!("{n} months is not a reporting period")));
            }
            // A period ending on a day that is not a month end belongs to a 52/53-week
            // calendar: three months are 13 weeks.
            let month_end = end.succ_opt().is_some_and(|d| d.day() == 1);
            let start = if !month_end && n % 3 == 0 {
                end - chrono::Duration::days(i64::from(n / 3 * 13) * 7 - 1)
            } else {
                end.succ_opt()
                    .and_then(|d| d.checked_sub_months(Months::new(n)))
                    .ok_or_else(|| bad("date out of range"))?
            };
            Ok(ColumnPeriod {
                period: Period::Duration { start, end },
                months: Some(n),
                in_weeks: false,
            })
        }
        Some(Length::Weeks(n)) => {
            if n == 0 || n > 106 {
                return Err(bad(&format!("{n} weeks is not a reporting period")));
            }
            let start = end - chrono::Duration::days(i64::from(n) * 7 - 1);
            let months = match n {
                12..=14 => Some(3),
                25..=27 => Some(6),
                38..=40 => Some(9),
                51..=53 => Some(12),
                _ => None,
            };
            Ok(ColumnPeriod {
                period: Period::Duration { start, end },
                months,
                in_weeks: true,
            })
        }
        // From the start of the calendar year until the release's dates show another fiscal
        // year (see `anchor_year_to_date`).
        Some(Length::YearToDate) => {
            let start = NaiveDate::from_ymd_opt(end.year(), 1, 1)
                .filter(|&s| s <= end)
                .ok_or_else(|| bad("date out of range"))?;
            Ok(ColumnPeriod {
                period: Period::Duration { start, end },
                months: whole_months(start, end),
                in_weeks: false,
            })
        }
    }
}

/// The length a column's heading states, else its table's title (`title_length`, unless the
/// heading is a date "as of").
fn column_length(heading: &str, title_length: impl FnOnce() -> Option<Length>) -> Option<Length> {
    duration_words(heading).or_else(|| {
        let at = heading
            .as_bytes()
            .get(..3)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"at "));
        if crate::text::contains_lower(heading, "as of") || at {
            None
        } else {
            title_length()
        }
    })
}

/// The number of whole months from `start` (a first of the month) to `end` (a month end).
fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let after = end.succ_opt()?;
    if start.day() != 1 || after.day() != 1 {
        return None;
    }
    let months = (after.year() - start.year()) * 12 + after.month() as i32 - start.month() as i32;
    u32::try_from(months).ok().filter(|&m| m > 0)
}

/// The period of a row under a heading that states a length ("Fourth Quarter:", "Full
/// Year:", "Three Months Ended:") in a column that gives only its end date: the duration of
/// that length ending there. `None` when no heading states a length or the column is not an
/// instant.
pub(crate) fn heading_length<'a>(
    sections: impl DoubleEndedIterator<Item = &'a str>,
) -> Option<Length> {
    sections.rev().find_map(duration_words)
}

/// The period of an instant column under a heading that states `length` ("Fourth Quarter:"):
/// the duration of that length ending on the column's date.
pub(crate) fn period_under_heading(length: Length, column: ColumnPeriod) -> Option<ColumnPeriod> {
    let Period::Instant(end) = column.period else {
        return None;
    };
    let (start, months, in_weeks) = match length {
        Length::Months(n) if (1..=24).contains(&n) => {
            let month_end = end.succ_opt().is_some_and(|d| d.day() == 1);
            let start = if !month_end && n % 3 == 0 {
                end - chrono::Duration::days(i64::from(n / 3 * 13) * 7 - 1)
            } else {
                end.succ_opt()?.checked_sub_months(Months::new(n))?
            };
            (start, Some(n), false)
        }
        Length::Weeks(n) if (1..=106).contains(&n) => (
            end - chrono::Duration::days(i64::from(n) * 7 - 1),
            None,
            true,
        ),
        _ => return None,
    };
    Some(ColumnPeriod {
        period: Period::Duration { start, end },
        months,
        in_weeks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::dates::month_of;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_and_scales() {
        assert_eq!(
            date_in("Three Months Ended Sept. 30, 2003"),
            Some(d(2003, 9, 30))
        );
        assert_eq!(
            date_in("As of the period ended December 31, 2002"),
            Some(d(2002, 12, 31))
        );
        assert_eq!(date_in("June 2003"), Some(d(2003, 6, 30)));
        assert_eq!(month_of("Sept."), Some(9));
        assert_eq!(month_of("May"), Some(5));
        assert_eq!(month_of("Mar"), Some(3));
        assert_eq!(month_of("as"), None);
        assert_eq!(
            scale(Some("(In thousands, except per share data)")),
            Scale {
                amounts: 3,
                shares: 3
            }
        );
        assert_eq!(
            scale(Some(
                "(In millions, except per share data, and percentages)"
            )),
            Scale {
                amounts: 6,
                shares: 6
            }
        );
        assert_eq!(
            scale(Some("(In thousands, except share and per share data)")),
            Scale {
                amounts: 3,
                shares: 0
            }
        );
        assert_eq!(
            scale(None),
            Scale {
                amounts: 0,
                shares: 0
            }
        );
        assert_eq!(
            scale(Some("(In thousands, except per share amounts)")),
            Scale {
                amounts: 3,
                shares: 3
            }
        );
        assert_eq!(
            scale(Some("(Dollars in thousands, shares in millions)")),
            Scale {
                amounts: 3,
                shares: 6
            }
        );
        assert_eq!(
            scale(Some("(In millions, except shares and per share amounts)")),
            Scale {
                amounts: 6,
                shares: 0
            }
        );
    }
}
