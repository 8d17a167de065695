//! What a pupil's card shows at a moment: its first name and collège, the school year of the
//! days shown with the canteen days of that year, today's meal and the next five school days'.
//! Days are Paris's and school days the canteen's calendar.

use passplus_validation::card::{CardDay, CardMeal, CardStatus, NEXT_DAYS};
use passplus_validation::{Date, SchoolYear};
use sqlx::AnyConnection;

use crate::canteen::store::{self as canteen_store, Enrolment};
use crate::canteen::years::calendar;
use crate::platform::paris_time::day_in_paris;
use crate::pupils::store as pupils_store;

/// The furthest ahead the next school days are looked for: past the summer holidays.
const LOOKAHEAD_DAYS: i64 = 120;

/// The card of `pupil_id` at `now`, if the pupil still exists.
pub async fn card_of(
    connection: &mut AnyConnection,
    pupil_id: &str,
    now: i64,
) -> anyhow::Result<Option<CardStatus>> {
    let Some(family) = pupils_store::family_of(connection, pupil_id).await? else {
        return Ok(None);
    };
    let Some(pupil) = pupils_store::find(connection, &family, pupil_id).await? else {
        return Ok(None);
    };
    let today = day_in_paris(now);
    let next_days = next_school_days(today);
    let shown_year = SchoolYear::of(if calendar().is_school_day(today) {
        today
    } else {
        next_days.first().copied().unwrap_or(today)
    });
    let enrolments: Vec<Enrolment> = canteen_store::enrolments(connection, &family)
        .await?
        .into_iter()
        .filter(|enrolment| enrolment.pupil_id == pupil_id)
        .collect();
    let until = next_days.last().copied().unwrap_or(today).plus_days(1);
    let mut meals = Vec::new();
    for enrolment in &enrolments {
        meals.extend(canteen_store::meals(connection, &enrolment.id, today, until).await?);
    }
    let meal_on = |day: Date| {
        if !calendar().is_school_day(day) {
            return CardMeal::None;
        }
        match meals.iter().find(|meal| meal.day == day) {
            Some(meal) if meal.cancelled => CardMeal::Cancelled,
            Some(_) => CardMeal::Reserved,
            None => CardMeal::None,
        }
    };
    let card_day = |day: Date| CardDay {
        day: day.to_string(),
        meal: meal_on(day),
    };
    let weekdays = enrolments
        .iter()
        .find(|enrolment| enrolment.school_year == shown_year)
        .map(|enrolment| enrolment.weekdays.clone())
        .unwrap_or_default();
    Ok(Some(CardStatus {
        given_name: pupil.given_name,
        college_name: pupil.college_name,
        school_year: shown_year.start_year,
        weekdays,
        today: card_day(today),
        next_days: next_days.into_iter().map(card_day).collect(),
        updated_at: now,
    }))
}

/// The school days after `today`, at most [`NEXT_DAYS`] of them.
fn next_school_days(today: Date) -> Vec<Date> {
    (1..=LOOKAHEAD_DAYS)
        .map(|ahead| today.plus_days(ahead))
        .filter(|day| calendar().is_school_day(*day))
        .take(NEXT_DAYS)
        .collect()
}
