//! The canteen's two deadlines: a meal is cancelled (or booked again) until 23:59, Paris time, of
//! the third working day before it; the weekdays are changed until a date set for each school
//! year (27 September by default). Both compare days of Paris's calendar: the server turns its
//! clock into Paris's day, the browser only shows the dates.

use crate::calendar::{Date, SchoolYear};
use crate::canteen::holidays::is_working_day;

/// How many working days before a meal it must be cancelled.
pub const WORKING_DAYS_BEFORE_A_MEAL: u32 = 3;

/// The last day on which a meal can be cancelled or booked again, until 23:59: the third working
/// day before it (Monday to Friday, public holidays excepted; school holidays count). A
/// Thursday meal in a plain week: the Monday before.
pub fn last_day_to_cancel(meal: Date) -> Date {
    let mut day = meal;
    let mut working_days = 0;
    while working_days < WORKING_DAYS_BEFORE_A_MEAL {
        day = day.plus_days(-1);
        if is_working_day(day) {
            working_days += 1;
        }
    }
    day
}

/// True while a meal may still be cancelled or booked again, on `today` (Paris).
pub fn may_change_meal(meal: Date, today: Date) -> bool {
    today <= last_day_to_cancel(meal)
}

/// The default last day to change the weekdays of a school year: 27 September.
pub fn default_weekdays_deadline(school_year: SchoolYear) -> Date {
    Date::new(school_year.start_year, 9, 27).expect("27 September exists")
}

/// True while the weekdays of an enrolment may be changed, on `today` (Paris): until the
/// deadline, that day included.
pub fn may_change_weekdays(deadline: Date, today: Date) -> bool {
    today <= deadline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn a_thursday_meal_in_a_plain_week_is_cancelled_until_monday() {
        assert_eq!(last_day_to_cancel(date("2026-12-10")), date("2026-12-07"));
        assert!(may_change_meal(date("2026-12-10"), date("2026-12-07")));
        assert!(!may_change_meal(date("2026-12-10"), date("2026-12-08")));
    }

    #[test]
    fn weekends_and_public_holidays_are_not_counted() {
        // Monday: Friday, Thursday, Wednesday.
        assert_eq!(last_day_to_cancel(date("2026-12-14")), date("2026-12-09"));
        // Thursday 12 November 2026, after Wednesday 11 November: Tuesday, Monday, Friday.
        assert_eq!(last_day_to_cancel(date("2026-11-12")), date("2026-11-06"));
    }

    #[test]
    fn the_weekdays_change_until_the_deadline_included() {
        let deadline = default_weekdays_deadline(SchoolYear { start_year: 2026 });
        assert_eq!(deadline, date("2026-09-27"));
        assert!(may_change_weekdays(deadline, date("2026-09-27")));
        assert!(!may_change_weekdays(deadline, date("2026-09-28")));
    }
}
