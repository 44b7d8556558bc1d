//! Calendars: year-to-date columns anchored on the fiscal year the release's dates show,
//! 52/53-week years, flows headed by dates alone, and the fiscal year and period a release
//! reports.

use super::*;
use chrono::Weekday;

/// Year-to-date columns ("Year-to-Date", "YTD") begin the day after the prior fiscal year
/// end: the latest date the release reports that falls within the year before the column's
/// end (a balance sheet's "December 31, 2003" beside "September 30, 2004"), else the
/// submission header's FISCAL YEAR END, else the calendar year. A prior year's column begins
/// on the same day a year earlier.
pub(super) fn anchor_year_to_date(
    doc: &Document,
    meanings: &mut [TableMeaning],
    columns: &[Vec<Option<Length>>],
) {
    let instants: Vec<NaiveDate> = meanings
        .iter()
        .flat_map(|m| m.columns.iter().filter_map(ColumnMeaning::period))
        .filter_map(|p| match p.period {
            Period::Instant(d) => Some(d),
            Period::Duration { .. } => None,
        })
        .collect();
    let header_year_end: Option<(u32, u32)> = doc
        .edgar
        .as_ref()
        .and_then(|e| e.registrant.as_ref().or(e.filers.first()))
        .and_then(|f| f.fiscal_year_end.as_deref())
        .filter(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|v| Some((v[..2].parse().ok()?, v[2..].parse().ok()?)));
    // The fiscal year end's month and day, from the latest year-to-date column.
    let latest_end = meanings
        .iter()
        .zip(columns)
        .flat_map(|(m, ls)| m.columns.iter().zip(ls))
        .filter(|(_, l)| matches!(l, Some(Length::YearToDate)))
        .filter_map(|(c, _)| c.period().map(|p| p.period.end()))
        .max();
    let Some(latest_end) = latest_end else {
        return;
    };
    let year_end = instants
        .iter()
        .filter(|&&d| d < latest_end && (latest_end - d).num_days() <= 350)
        .max()
        .map(|d| (d.month(), d.day()))
        .or(header_year_end);
    let Some((month, day)) = year_end else {
        return;
    };
    for (meaning, lengths) in meanings.iter_mut().zip(columns) {
        for (column, length) in meaning.columns.iter_mut().zip(lengths) {
            let (ColumnMeaning::Period(p), Some(Length::YearToDate)) = (column, length) else {
                continue;
            };
            let end = p.period.end();
            // The latest such day before the column's end.
            let Some(prior) = [end.year(), end.year() - 1]
                .iter()
                .filter_map(|&y| {
                    NaiveDate::from_ymd_opt(y, month, day).or_else(|| last_day(y, month))
                })
                .find(|&d| d < end)
            else {
                continue;
            };
            let Some(start) = prior.succ_opt() else {
                continue;
            };
            p.period = Period::Duration { start, end };
            // On a 52/53-week calendar the months are not whole: the nearest count.
            p.months = whole_months(start, end).or_else(|| {
                let days = (end - start).num_days() + 1;
                u32::try_from((days * 12 + 182) / 365)
                    .ok()
                    .filter(|&m| m > 0)
            });
        }
    }
}

/// An income or cash-flow statement whose column is headed by a date alone ("December 31, /
/// 2003", no "Year Ended" anywhere above it) reports a period, not an instant: the period the
/// release's other columns report ending on that date, when they all report the same one.
/// When they report several (a quarter and a year) or none, the column stays an instant and
/// its flows are not reported.
pub(super) fn date_only_flows(meanings: &mut [TableMeaning]) {
    let durations: Vec<ColumnPeriod> = meanings
        .iter()
        .flat_map(|m| m.columns.iter().filter_map(ColumnMeaning::period))
        .filter(|p| matches!(p.period, Period::Duration { .. }))
        .collect();
    for m in meanings.iter_mut() {
        if !matches!(m.statement, Statement::Income | Statement::CashFlow) {
            continue;
        }
        for c in &mut m.columns {
            let ColumnMeaning::Period(p) = c else {
                continue;
            };
            let Period::Instant(end) = p.period else {
                continue;
            };
            let mut ending = durations.iter().filter(|d| d.period.end() == end);
            if let Some(first) = ending.next()
                && ending.all(|d| d.period == first.period)
            {
                *p = *first;
            }
        }
    }
}

/// Periods stated in months on a 52/53-week calendar.
///
/// A release whose periods are stated in weeks, or end on a day that is not a month end
/// ("Three Months Ended November 1, 2003"), keeps a 52/53-week calendar: its "three months" are
/// 13 weeks even when one of them happens to end on a month end (January 31, 2004). A period
/// that follows a fiscal year end (a first quarter, a year to date, a year) begins the day
/// after it, so a 53rd week lands where the calendar puts it. When every date the release
/// reports falls on one weekday, its fiscal year ends on the last (or nearest) such weekday of
/// a month, which the release shows ([`YearEnd::shown`]); a start within a week of the day
/// after that calendar's year end moves there (the three months ended December 31, 2022 after
/// a year ended on the last Saturday of September, September 24, 2022, are 14 weeks). Else a
/// start within a week of the day after a date the release reports (the prior year end on the
/// balance sheet) moves there (twelve months ended February 3, 2007 after a year ended January
/// 28, 2006 are 53 weeks).
pub(super) fn fit_52_53_week_calendar(meanings: &mut [TableMeaning]) {
    let periods = || {
        meanings
            .iter()
            .flat_map(|m| m.columns.iter().filter_map(ColumnMeaning::period))
    };
    let is_month_end = |d: NaiveDate| d.succ_opt().is_some_and(|n| n.day() == 1);
    let on_weeks = periods().any(|p| {
        p.in_weeks
            || (p.months.is_some()
                && matches!(p.period, Period::Duration { .. })
                && !is_month_end(p.period.end()))
    });
    if !on_weeks {
        return;
    }
    let mut instants: Vec<NaiveDate> = periods()
        .filter_map(|p| match p.period {
            Period::Instant(d) => Some(d),
            Period::Duration { .. } => None,
        })
        .collect();
    instants.sort_unstable();
    instants.dedup();
    let year_end = YearEnd::shown(&periods().collect::<Vec<_>>());
    for meaning in meanings.iter_mut() {
        for column in &mut meaning.columns {
            let ColumnMeaning::Period(p) = column else {
                continue;
            };
            let (Some(n), false, Period::Duration { start, end }) =
                (p.months, p.in_weeks, p.period)
            else {
                continue;
            };
            let mut first = start;
            if n % 3 == 0 && is_month_end(end) {
                first = end - chrono::Duration::days(i64::from(n / 3 * 13) * 7 - 1);
            }
            let near = |d: &NaiveDate| *d < end && (*d - first).num_days().abs() <= 7;
            let after_calendar_year_end = year_end
                .and_then(|y| y.before(end))
                .and_then(|d| d.succ_opt())
                .filter(near);
            if let Some(after_year_end) = after_calendar_year_end.or_else(|| {
                instants
                    .iter()
                    .filter_map(|i| i.succ_opt())
                    .find(|d| *d != first && near(d))
            }) {
                first = after_year_end;
            }
            p.period = Period::Duration { start: first, end };
        }
    }
}

/// The fiscal year end of a 52/53-week calendar: the last `weekday` of `month`, or with
/// `nearest` the `weekday` nearest that month's last day (at most three days either side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearEnd {
    weekday: Weekday,
    month: u32,
    nearest: bool,
}

impl YearEnd {
    /// The calendar the release's dates show, if they show one: every period end falls on one
    /// weekday (two dates at least), and the ends of its twelve-month periods and the dates
    /// that end no period of the release (a balance sheet's prior year end) are year ends.
    /// A year end in the first three days of a month is the nearest weekday to the end of the
    /// month before; one four to six days before its month's end is that month's last weekday;
    /// one in the last four days fits both, and is read as the last unless another year end
    /// shows the nearest. Year ends that disagree show no calendar.
    fn shown(periods: &[ColumnPeriod]) -> Option<YearEnd> {
        let mut ends: Vec<NaiveDate> = periods.iter().map(|p| p.period.end()).collect();
        ends.sort_unstable();
        ends.dedup();
        let weekday = ends.first()?.weekday();
        if ends.len() < 2 || ends.iter().any(|d| d.weekday() != weekday) {
            return None;
        }
        let ends_a_duration = |d: NaiveDate| {
            periods
                .iter()
                .any(|p| matches!(p.period, Period::Duration { end, .. } if end == d))
        };
        let year_ends = periods.iter().filter_map(|p| match p.period {
            Period::Duration { end, .. } if p.months == Some(12) => Some(end),
            Period::Instant(d) if !ends_a_duration(d) => Some(d),
            _ => None,
        });
        // (month, Some(nearest)) when the date decides between last and nearest.
        let mut month = None;
        let mut nearest = None;
        for d in year_ends {
            let (m, reading) = if d.day() <= 3 {
                let before = d.checked_sub_months(Months::new(1))?;
                (before.month(), Some(true))
            } else {
                let to_end = last_day(d.year(), d.month())?.day() - d.day();
                match to_end {
                    0..=3 => (d.month(), None),
                    4..=6 => (d.month(), Some(false)),
                    _ => return None,
                }
            };
            if month.is_some_and(|x| x != m) {
                return None;
            }
            month = Some(m);
            if let Some(r) = reading {
                if nearest.is_some_and(|x| x != r) {
                    return None;
                }
                nearest = Some(r);
            }
        }
        Some(YearEnd {
            weekday,
            month: month?,
            nearest: nearest.unwrap_or(false),
        })
    }

    /// The fiscal year end of the year whose month `month` falls in `year`.
    fn in_year(self, year: i32) -> Option<NaiveDate> {
        let month_end = last_day(year, self.month)?;
        let back = (7 + month_end.weekday().num_days_from_monday()
            - self.weekday.num_days_from_monday())
            % 7;
        let last = month_end - chrono::Duration::days(i64::from(back));
        Some(if self.nearest && back > 3 {
            last + chrono::Duration::days(7)
        } else {
            last
        })
    }

    /// The latest fiscal year end before `date`.
    fn before(self, date: NaiveDate) -> Option<NaiveDate> {
        (date.year() - 1..=date.year() + 1)
            .rev()
            .filter_map(|y| self.in_year(y))
            .find(|&d| d < date)
    }
}

/// The fiscal year and period a set of column periods reports, judged from the longest
/// duration ending on the latest date: 9 months ending in September → (2003, "Q3").
pub fn fiscal_focus(periods: &[ColumnPeriod]) -> Option<(NaiveDate, i32, String, Option<Period>)> {
    let end = periods.iter().map(|p| p.period.end()).max()?;
    let longest = periods
        .iter()
        .filter(|p| matches!(p.period, Period::Duration { .. }) && p.period.end() == end)
        .max_by_key(|p| match p.period {
            Period::Duration { start, .. } => (end - start).num_days(),
            Period::Instant(_) => 0,
        });
    let (year, focus) = match longest {
        Some(p) => {
            let months = p.months.unwrap_or(3);
            let Period::Duration { start, .. } = p.period else {
                unreachable!()
            };
            let fy_end = start.checked_add_months(Months::new(12))?.pred_opt()?;
            let focus = match months {
                12 => "FY".to_string(),
                m if m % 3 == 0 && m < 12 => format!("Q{}", m / 3),
                6 => "H1".to_string(),
                _ => "FY".to_string(),
            };
            (fy_end.year(), focus)
        }
        None => (end.year(), "FY".to_string()),
    };
    Some((end, year, focus, longest.map(|p| p.period)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn instant(date: NaiveDate) -> ColumnPeriod {
        ColumnPeriod {
            period: Period::Instant(date),
            months: None,
            in_weeks: false,
        }
    }

    fn quarter(start: NaiveDate, end: NaiveDate) -> ColumnPeriod {
        ColumnPeriod {
            period: Period::Duration { start, end },
            months: Some(3),
            in_weeks: false,
        }
    }

    #[test]
    fn a_year_end_inside_its_month_is_the_last_weekday() {
        // Quarters ended December 30, 2023 and December 31, 2022; the balance sheet's prior
        // year end September 30, 2023: all Saturdays.
        let periods = [
            quarter(d(2023, 10, 1), d(2023, 12, 30)),
            quarter(d(2022, 10, 2), d(2022, 12, 31)),
            instant(d(2023, 12, 30)),
            instant(d(2023, 9, 30)),
        ];
        let year_end = YearEnd::shown(&periods).unwrap();
        assert_eq!(
            year_end,
            YearEnd {
                weekday: Weekday::Sat,
                month: 9,
                nearest: false
            }
        );
        assert_eq!(year_end.in_year(2022), Some(d(2022, 9, 24)));
        assert_eq!(year_end.before(d(2022, 12, 31)), Some(d(2022, 9, 24)));
        assert_eq!(year_end.before(d(2023, 12, 30)), Some(d(2023, 9, 30)));
    }

    #[test]
    fn a_year_end_early_in_the_next_month_is_the_nearest_weekday() {
        // A year ended February 3, 2007 beside one ended January 28, 2006: the Saturday
        // nearest January 31.
        let periods = [instant(d(2007, 2, 3)), instant(d(2006, 1, 28))];
        let year_end = YearEnd::shown(&periods).unwrap();
        assert!(year_end.nearest);
        assert_eq!(year_end.month, 1);
        assert_eq!(year_end.in_year(2005), Some(d(2005, 1, 29)));
        assert_eq!(year_end.in_year(2003), Some(d(2003, 2, 1)));
    }

    #[test]
    fn dates_on_several_weekdays_show_no_calendar() {
        let periods = [instant(d(2023, 12, 31)), instant(d(2022, 12, 31))];
        assert_eq!(YearEnd::shown(&periods), None);
    }
}
