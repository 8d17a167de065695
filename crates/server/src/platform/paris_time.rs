//! Paris's calendar, for rules stated in it ("until 23:59 Paris time"): the clock's Unix seconds
//! become the day it is in Paris, summer time included. Only the server does this; the browser
//! is told the day and shows dates.

use std::sync::OnceLock;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use passplus_validation::Date;

fn paris() -> &'static TimeZone {
    static PARIS: OnceLock<TimeZone> = OnceLock::new();
    PARIS.get_or_init(|| {
        jiff::tz::db()
            .get("Europe/Paris")
            .expect("the bundled time-zone database knows Paris")
    })
}

/// The day it is in Paris at `unix_seconds`.
pub fn day_in_paris(unix_seconds: i64) -> Date {
    let instant = Timestamp::from_second(unix_seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    let civil = paris().to_datetime(instant).date();
    Date::new(
        i32::from(civil.year()),
        civil.month() as u32,
        civil.day() as u32,
    )
    .expect("jiff's dates exist")
}

/// The Unix second at which `day` begins in Paris (for tests and for moving a clock to a day).
pub fn start_of_day_in_paris(day: Date) -> i64 {
    let civil = jiff::civil::date(day.year as i16, day.month as i8, day.day as i8);
    civil
        .to_zoned_datetime(paris().clone())
        .expect("every day begins in Paris")
        .timestamp()
        .as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn the_day_turns_at_midnight_in_paris_not_in_utc() {
        // 2026-12-07 23:30 in Paris is 22:30 UTC (winter, UTC+1).
        let monday_late = start_of_day_in_paris(date("2026-12-07")) + 23 * 3600 + 30 * 60;
        assert_eq!(monday_late, 1_796_682_600);
        assert_eq!(day_in_paris(monday_late), date("2026-12-07"));
        assert_eq!(day_in_paris(monday_late + 30 * 60), date("2026-12-08"));
    }

    #[test]
    fn summer_time_is_two_hours_ahead_of_utc() {
        // 2027-06-15 00:00 in Paris is 2027-06-14 22:00 UTC.
        let start = start_of_day_in_paris(date("2027-06-15"));
        assert_eq!(day_in_paris(start - 1), date("2027-06-14"));
        assert_eq!(day_in_paris(start), date("2027-06-15"));
        assert_eq!(start % 86_400, 22 * 3600);
    }
}
