//! School days: the zone C calendar (`data/school-calendar-zone-c.json`, data an administrator
//! can correct, not code) minus the public holidays and the Friday after Ascension (the pont de
//! l'Ascension, without classes every year).

use serde::Deserialize;

use crate::calendar::{Date, SchoolYear};
use crate::canteen::holidays::{ascension, is_public_holiday};

/// The calendar shipped with the service, for 2025-2026 and 2026-2027.
pub const ZONE_C: &str = include_str!("../../data/school-calendar-zone-c.json");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolCalendar {
    years: Vec<CalendarYear>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct CalendarYear {
    school_year: SchoolYear,
    first_day: Date,
    /// The first day of the summer holidays.
    summer_from: Date,
    /// First day without classes, and the day classes resume.
    holidays: Vec<(Date, Date)>,
}

impl SchoolCalendar {
    /// Reads a calendar in the shipped file's format; `Err` says what is wrong.
    pub fn parse(json: &str) -> Result<SchoolCalendar, String> {
        let file: CalendarFile = serde_json::from_str(json).map_err(|error| error.to_string())?;
        let day = |text: &str| Date::parse_iso(text).ok_or(format!("not a date: {text}"));
        let years = file
            .years
            .into_iter()
            .map(|year| {
                let holidays = year
                    .holidays
                    .iter()
                    .map(|holiday| Ok((day(&holiday.from)?, day(&holiday.until)?)))
                    .collect::<Result<Vec<_>, String>>()?;
                let year = CalendarYear {
                    school_year: SchoolYear {
                        start_year: year.school_year,
                    },
                    first_day: day(&year.first_day)?,
                    summer_from: day(&year.summer_from)?,
                    holidays,
                };
                year.check()?;
                Ok(year)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(SchoolCalendar { years })
    }

    /// The shipped zone C calendar.
    pub fn zone_c() -> SchoolCalendar {
        SchoolCalendar::parse(ZONE_C).expect("the shipped calendar is valid (tested)")
    }

    /// The school years the calendar knows.
    pub fn school_years(&self) -> impl Iterator<Item = SchoolYear> + '_ {
        self.years.iter().map(|year| year.school_year)
    }

    /// True on a day with classes: Monday to Friday (the collège decides whether its canteen
    /// serves on Wednesday), between the first day and the summer, outside the holidays, not a
    /// public holiday nor the Friday after Ascension. False for a school year the calendar does
    /// not know.
    pub fn is_school_day(&self, day: Date) -> bool {
        let Some(year) = self.year_of(day) else {
            return false;
        };
        day.weekday().is_weekday()
            && day >= year.first_day
            && day < year.summer_from
            && !year
                .holidays
                .iter()
                .any(|(from, until)| day >= *from && day < *until)
            && !is_public_holiday(day)
            && day != ascension(day.year).plus_days(1)
    }

    /// The school days of a school year, in order (none for a year the calendar does not know).
    pub fn school_days(&self, school_year: SchoolYear) -> Vec<Date> {
        let Some(year) = self.years.iter().find(|y| y.school_year == school_year) else {
            return Vec::new();
        };
        let mut days = Vec::new();
        let mut day = year.first_day;
        while day < year.summer_from {
            if self.is_school_day(day) {
                days.push(day);
            }
            day = day.plus_days(1);
        }
        days
    }

    fn year_of(&self, day: Date) -> Option<&CalendarYear> {
        let school_year = SchoolYear::of(day);
        self.years
            .iter()
            .find(|year| year.school_year == school_year)
    }
}

impl CalendarYear {
    /// A year whose dates are in order and within it.
    fn check(&self) -> Result<(), String> {
        let name = self.school_year;
        if SchoolYear::of(self.first_day) != name || SchoolYear::of(self.summer_from) != name {
            return Err(format!(
                "{name}: its first day and summer are not in {name}"
            ));
        }
        for (from, until) in &self.holidays {
            if !(self.first_day < *from && from < until && *until < self.summer_from) {
                return Err(format!(
                    "{name}: the holiday from {from} to {until} is out of order"
                ));
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
struct CalendarFile {
    years: Vec<YearEntry>,
}

#[derive(Deserialize)]
struct YearEntry {
    school_year: i32,
    first_day: String,
    summer_from: String,
    holidays: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
struct HolidayEntry {
    from: String,
    until: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn the_shipped_calendar_knows_two_school_years() {
        let calendar = SchoolCalendar::zone_c();
        let years: Vec<i32> = calendar.school_years().map(|y| y.start_year).collect();
        assert_eq!(years, [2025, 2026]);
    }

    #[test]
    fn classes_resume_on_the_last_day_of_a_holiday_and_stop_on_its_first() {
        let calendar = SchoolCalendar::zone_c();
        assert!(
            calendar.is_school_day(date("2026-10-16")),
            "Friday before Toussaint"
        );
        assert!(!calendar.is_school_day(date("2026-10-19")));
        assert!(
            calendar.is_school_day(date("2026-11-02")),
            "classes resume on Monday"
        );
        assert!(!calendar.is_school_day(date("2026-08-31")));
        assert!(
            calendar.is_school_day(date("2026-09-01")),
            "rentrée, a Tuesday"
        );
        assert!(calendar.is_school_day(date("2027-07-02")));
        assert!(!calendar.is_school_day(date("2027-07-05")), "summer");
        assert!(
            !calendar.is_school_day(date("2027-05-07")),
            "pont de l'Ascension"
        );
        assert!(!calendar.is_school_day(date("2026-11-11")));
        assert!(
            !calendar.is_school_day(date("2028-01-10")),
            "a year the calendar does not know"
        );
    }

    #[test]
    fn a_school_year_has_about_170_days_with_classes() {
        let calendar = SchoolCalendar::zone_c();
        for start_year in [2025, 2026] {
            let days = calendar.school_days(SchoolYear { start_year });
            assert!(
                (165..=180).contains(&days.len()),
                "{start_year}: {}",
                days.len()
            );
            assert!(days.windows(2).all(|pair| pair[0] < pair[1]));
        }
    }

    #[test]
    fn a_calendar_out_of_order_is_refused() {
        let json = ZONE_C.replace("\"2026-10-17\"", "\"2026-11-17\"");
        assert!(SchoolCalendar::parse(&json)
            .unwrap_err()
            .contains("out of order"));
        assert!(SchoolCalendar::parse("{\"years\": [{}]}").is_err());
    }
}
