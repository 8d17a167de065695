//! The French public holidays (jours fériés) of a year, Easter's three included, computed: no
//! table to renew each year.

use crate::calendar::Date;

/// Easter Sunday of a Gregorian year (the anonymous algorithm, also known as Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32).expect("Easter is a day of March or April")
}

/// Ascension Thursday, 39 days after Easter Sunday.
pub fn ascension(year: i32) -> Date {
    easter_sunday(year).plus_days(39)
}

/// The eleven public holidays of a year, in calendar order.
pub fn public_holidays(year: i32) -> [Date; 11] {
    let fixed = |month, day| Date::new(year, month, day).expect("a fixed holiday exists");
    let easter = easter_sunday(year);
    let mut days = [
        fixed(1, 1),
        // Easter Monday, Ascension Thursday, Whit Monday.
        easter.plus_days(1),
        easter.plus_days(39),
        easter.plus_days(50),
        fixed(5, 1),
        fixed(5, 8),
        fixed(7, 14),
        fixed(8, 15),
        fixed(11, 1),
        fixed(11, 11),
        fixed(12, 25),
    ];
    days.sort();
    days
}

pub fn is_public_holiday(day: Date) -> bool {
    public_holidays(day.year).contains(&day)
}

/// A working day (jour ouvré): Monday to Friday, not a public holiday. School holidays are
/// working days.
pub fn is_working_day(day: Date) -> bool {
    day.weekday().is_weekday() && !is_public_holiday(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (year, easter) in [
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2019, "2019-04-21"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter_sunday(year), date(easter), "{year}");
        }
    }

    #[test]
    fn the_calendars_moving_holidays_are_found() {
        // ../shared/data/school-calendar-zone-c.md
        assert!(is_public_holiday(date("2026-04-06")));
        assert_eq!(ascension(2026), date("2026-05-14"));
        assert!(is_public_holiday(date("2026-05-25")));
        assert!(is_public_holiday(date("2027-03-29")));
        assert_eq!(ascension(2027), date("2027-05-06"));
        assert!(is_public_holiday(date("2027-05-17")));
        assert!(
            !is_public_holiday(date("2026-05-15")),
            "the bridge is not a holiday"
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays_not_school_holidays() {
        assert!(!is_working_day(date("2026-11-11")));
        assert!(!is_working_day(date("2026-11-14")));
        assert!(
            is_working_day(date("2026-10-20")),
            "a Tuesday of the Toussaint holidays"
        );
    }
}
