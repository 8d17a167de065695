//! Calendar dates and school years, without a date library: the rules only need to know whether
//! a day exists, to compare two days, to count whole years between them, to step from day to day
//! and to know a day's weekday, and a date crate would weigh on the browser bundle for that.

use std::fmt;

/// A day of the Gregorian calendar. Ordering is chronological (year, then month, then day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date, if that day exists (no 31 April, 29 February only in leap years).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let exists = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, the form dates are stored and sent in.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The day from a count of days since 1970-01-01 (what a Unix clock gives, divided by 86,400).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The count of days since 1970-01-01 (negative before), the inverse of
    /// [`Date::from_days_since_epoch`].
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days-from-civil algorithm.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let shifted_month = i64::from((self.month + 9) % 12);
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// Today in France's calendar is close enough to UTC's for the rules here (ages on
    /// 1 September, a school year turning on 1 July): the day from Unix seconds, UTC.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Whole years from `self` (a birth date) to `on`: the age on that day. Someone born on
    /// 29 February is a year older on 1 March of a common year.
    pub fn age_on(self, on: Date) -> i32 {
        let had_birthday = (on.month, on.day) >= (self.month, self.day);
        on.year - self.year - i32::from(!had_birthday)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day of the week, Monday first as in France.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Monday to Friday.
    pub fn is_weekday(self) -> bool {
        !matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// A school year, named by the calendar year it starts in (2026 is 2026-2027).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    pub start_year: i32,
}

impl SchoolYear {
    /// The school year a family applies for on `today`: from 1 July, the coming one; before, the
    /// one under way.
    pub fn applied_for_on(today: Date) -> SchoolYear {
        let start_year = if today.month >= 7 {
            today.year
        } else {
            today.year - 1
        };
        SchoolYear { start_year }
    }

    /// The school year a day falls in: from 1 September to 31 August (the summer holidays
    /// belong to the year they end).
    pub fn of(day: Date) -> SchoolYear {
        let start_year = if day.month >= 9 {
            day.year
        } else {
            day.year - 1
        };
        SchoolYear { start_year }
    }

    /// The next school year.
    pub fn next(self) -> SchoolYear {
        SchoolYear {
            start_year: self.start_year + 1,
        }
    }

    /// 1 September, the day ages are counted on.
    pub fn first_day(self) -> Date {
        Date {
            year: self.start_year,
            month: 9,
            day: 1,
        }
    }
}

impl fmt::Display for SchoolYear {
    /// `2026-2027`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start_year, self.start_year + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn only_days_that_exist_are_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
        assert_eq!(Date::parse_iso("2026-1-05"), None);
        assert_eq!(
            Date::parse_iso("2026-01-05").unwrap().to_string(),
            "2026-01-05"
        );
    }

    #[test]
    fn unix_days_give_the_calendar_day() {
        assert_eq!(Date::from_days_since_epoch(0), date("1970-01-01"));
        assert_eq!(Date::from_days_since_epoch(-1), date("1969-12-31"));
        assert_eq!(Date::from_days_since_epoch(11_016), date("2000-02-29"));
        // 2026-11-24T12:00:00Z
        assert_eq!(Date::from_unix_seconds(1_795_521_600), date("2026-11-24"));
        // Every day of four centuries round-trips through its successor.
        let mut previous = Date::from_days_since_epoch(-80_000);
        for days in -79_999..80_000 {
            let next = Date::from_days_since_epoch(days);
            assert!(next > previous, "{next} after {previous}");
            assert!(Date::new(next.year, next.month, next.day).is_some());
            previous = next;
        }
    }

    #[test]
    fn days_count_both_ways_and_weekdays_follow() {
        for days in -80_000..80_000 {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(date("2026-12-31").plus_days(1), date("2027-01-01"));
        assert_eq!(date("2028-03-01").plus_days(-1), date("2028-02-29"));
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-09-01").weekday(), Weekday::Tuesday);
        assert_eq!(date("2026-11-11").weekday(), Weekday::Wednesday);
        assert_eq!(date("1969-12-29").weekday(), Weekday::Monday);
        assert!(!date("2026-11-15").weekday().is_weekday());
    }

    #[test]
    fn ages_count_whole_years() {
        assert_eq!(date("2016-09-01").age_on(date("2026-09-01")), 10);
        assert_eq!(date("2016-09-02").age_on(date("2026-09-01")), 9);
        assert_eq!(date("2008-02-29").age_on(date("2026-02-28")), 17);
        assert_eq!(date("2008-02-29").age_on(date("2026-03-01")), 18);
    }

    #[test]
    fn from_1_july_families_apply_for_the_coming_school_year() {
        assert_eq!(
            SchoolYear::applied_for_on(date("2026-06-30")).start_year,
            2025
        );
        assert_eq!(
            SchoolYear::applied_for_on(date("2026-07-01")).start_year,
            2026
        );
        assert_eq!(
            SchoolYear::applied_for_on(date("2026-11-24")).to_string(),
            "2026-2027"
        );
        assert_eq!(
            SchoolYear { start_year: 2026 }.first_day(),
            date("2026-09-01")
        );
    }

    #[test]
    fn a_day_belongs_to_the_school_year_under_way_summer_included() {
        assert_eq!(SchoolYear::of(date("2026-08-31")).start_year, 2025);
        assert_eq!(SchoolYear::of(date("2026-09-01")).start_year, 2026);
        assert_eq!(SchoolYear::of(date("2027-01-04")).start_year, 2026);
        assert_eq!(SchoolYear::of(date("2027-07-03")).next().start_year, 2027);
    }
}
