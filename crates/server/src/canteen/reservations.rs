//! Which meals an enrolment reserves: every school day of the year on its weekdays, from the
//! first whose deadline has not passed (a meal cannot be booked later than it can be
//! cancelled). A change of weekdays moves only the meals still open to change; the others stay
//! as they were, billed or cancelled.

use passplus_validation::canteen::choices::CanteenDay;
use passplus_validation::canteen::deadlines::may_change_meal;
use passplus_validation::{Date, SchoolYear};
use sqlx::AnyConnection;

use super::store::{self, Enrolment};
use super::years::calendar;

/// The school days of `school_year` on `weekdays` that can still be booked on `today`.
pub fn days_to_reserve(school_year: SchoolYear, weekdays: &[CanteenDay], today: Date) -> Vec<Date> {
    calendar()
        .school_days(school_year)
        .into_iter()
        .filter(|day| CanteenDay::of(day.weekday()).is_some_and(|day| weekdays.contains(&day)))
        .filter(|day| may_change_meal(*day, today))
        .collect()
}

/// Makes the enrolment's meals still open to change follow `weekdays`: releases those on a day
/// no longer chosen, reserves the new days (a day kept keeps its cancellation). Returns the
/// first day changed, if any.
pub async fn follow_weekdays(
    connection: &mut AnyConnection,
    enrolment: &Enrolment,
    weekdays: &[CanteenDay],
    today: Date,
    now: i64,
) -> anyhow::Result<Option<Date>> {
    let year = enrolment.school_year;
    let reserved = store::meals(
        connection,
        &enrolment.id,
        year.first_day(),
        year.next().first_day(),
    )
    .await?;
    let released: Vec<Date> = reserved
        .iter()
        .map(|meal| meal.day)
        .filter(|day| may_change_meal(*day, today))
        .filter(|day| !CanteenDay::of(day.weekday()).is_some_and(|day| weekdays.contains(&day)))
        .collect();
    let added: Vec<Date> = days_to_reserve(year, weekdays, today)
        .into_iter()
        .filter(|day| !reserved.iter().any(|meal| meal.day == *day))
        .collect();
    store::release_meals(connection, &enrolment.id, &released).await?;
    store::reserve_meals(connection, &enrolment.id, &added, now).await?;
    Ok(released.iter().chain(&added).min().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn a_year_reserves_its_school_days_on_the_weekdays_chosen() {
        let year = SchoolYear { start_year: 2026 };
        let all = days_to_reserve(year, &[CanteenDay::Thursday], date("2026-06-01"));
        assert!(all
            .iter()
            .all(|day| day.weekday() == passplus_validation::calendar::Weekday::Thursday));
        assert!(all.len() > 30 && all.len() < 40, "{}", all.len());
        // 12 November 2026 is a Thursday after the 11th: it is a school day.
        assert!(all.contains(&date("2026-11-12")));
        assert!(
            !all.contains(&date("2026-10-22")),
            "the All Saints' holidays"
        );
    }

    #[test]
    fn a_late_enrolment_reserves_only_what_can_still_be_booked() {
        let year = SchoolYear { start_year: 2026 };
        // On Tuesday 8 December, Thursday 10's deadline (Monday 7) has passed; Monday 14's
        // (Wednesday 9) has not.
        let days = days_to_reserve(
            year,
            &[CanteenDay::Monday, CanteenDay::Thursday],
            date("2026-12-08"),
        );
        assert_eq!(days.first(), Some(&date("2026-12-14")));
    }
}
