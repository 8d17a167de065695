//! The canteen's answers, built from what is stored and from today's date in Paris: the
//! family's overview, an enrolment with its meals, a meal.

use passplus_validation::canteen::answers::{
    CanteenEnrolment, CanteenOffer, CanteenOverview, CanteenPupil, CanteenYear, EnrolmentSummary,
    Meal,
};
use passplus_validation::canteen::deadlines::{
    last_day_to_cancel, may_change_meal, may_change_weekdays,
};
use passplus_validation::{Date, SchoolYear};
use sqlx::AnyConnection;

use super::offers::offer;
use super::store::{self, Enrolment, StoredMeal};
use super::years::{self, YearRules};
use crate::config::CanteenConfig;

/// An enrolment's choices, as the overview lists them.
fn summary(enrolment: &Enrolment) -> EnrolmentSummary {
    EnrolmentSummary {
        id: enrolment.id.clone(),
        weekdays: enrolment.weekdays.clone(),
        diet: enrolment.diet,
        allergy_plan: enrolment.allergy_plan,
    }
}

pub fn meal(stored: StoredMeal, today: Date) -> Meal {
    Meal {
        day: stored.day.to_string(),
        cancelled: stored.cancelled,
        last_day_to_cancel: last_day_to_cancel(stored.day).to_string(),
        may_change: may_change_meal(stored.day, today),
    }
}

/// The family's overview on `today`.
pub async fn overview(
    connection: &mut AnyConnection,
    config: &CanteenConfig,
    account_id: &str,
    today: Date,
) -> anyhow::Result<CanteenOverview> {
    let pupils = store::pupils(connection, account_id).await?;
    let enrolments = store::enrolments(connection, account_id).await?;
    let mut open = Vec::new();
    for school_year in years::open_years(today) {
        let rules = years::rules(config, school_year);
        let price = store::price(connection, account_id, school_year, rules.price_rule).await?;
        let pupils = pupils
            .iter()
            .map(|pupil| {
                let enrolment_of = |year: SchoolYear| {
                    enrolments
                        .iter()
                        .find(|e| e.pupil_id == pupil.id && e.school_year == year)
                };
                let enrolment = enrolment_of(school_year);
                let (offer, class) = offer(pupil, school_year, enrolment.is_some());
                let year_before = SchoolYear {
                    start_year: school_year.start_year - 1,
                };
                let year_before = enrolment_of(year_before).filter(|_| offer == CanteenOffer::Open);
                CanteenPupil {
                    pupil_id: pupil.id.clone(),
                    given_name: pupil.given_name.clone(),
                    college_name: pupil.college_name.clone(),
                    class: enrolment.map_or(class, |e| e.class.clone()),
                    serves_wednesday: pupil.serves_wednesday,
                    offer,
                    enrolment: enrolment.map(summary),
                    year_before: year_before.map(summary),
                }
            })
            .collect();
        open.push(CanteenYear {
            school_year: school_year.start_year,
            weekdays_deadline: rules.weekdays_deadline.to_string(),
            may_change_weekdays: may_change_weekdays(rules.weekdays_deadline, today),
            price,
            pupils,
        });
    }
    Ok(CanteenOverview {
        today: today.to_string(),
        years: open,
    })
}

/// An enrolment with every meal of its school year.
pub async fn enrolment(
    connection: &mut AnyConnection,
    account_id: &str,
    enrolment: Enrolment,
    rules: YearRules,
    today: Date,
) -> anyhow::Result<CanteenEnrolment> {
    let year = enrolment.school_year;
    let meals = store::meals(
        connection,
        &enrolment.id,
        year.first_day(),
        year.next().first_day(),
    )
    .await?;
    let price = store::price(connection, account_id, year, rules.price_rule).await?;
    Ok(CanteenEnrolment {
        id: enrolment.id,
        pupil_id: enrolment.pupil_id,
        given_name: enrolment.given_name,
        college_name: enrolment.college_name,
        school_year: year.start_year,
        class: enrolment.class,
        weekdays: enrolment.weekdays,
        diet: enrolment.diet,
        allergy_plan: enrolment.allergy_plan,
        serves_wednesday: enrolment.serves_wednesday,
        weekdays_deadline: rules.weekdays_deadline.to_string(),
        may_change_weekdays: may_change_weekdays(rules.weekdays_deadline, today),
        today: today.to_string(),
        price_cents: price.price_cents,
        meals: meals
            .into_iter()
            .map(|stored| meal(stored, today))
            .collect(),
    })
}
