//! `/api/canteen` and `/api/canteen/enrolments`: the family's canteen overview, enrolling pupils
//! for a school year (their meals reserved for it at once), one enrolment with its meals, and a
//! change of weekdays.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::canteen::answers::{
    CanteenEnrolment, CanteenOffer, CanteenOverview, EnrolmentList,
};
use passplus_validation::canteen::choices::{CanteenDay, CanteenEnrolmentForm, WeekdaysForm};
use passplus_validation::canteen::deadlines::may_change_weekdays;
use passplus_validation::codes::{self, refusal};
use passplus_validation::{links, Date, FieldErrors, SchoolYear};
use sqlx::{AnyConnection, AnyPool};

use super::emails::{self, Recorded};
use super::reservations;
use super::store::{self, NewEnrolment, NotAdded};
use super::views;
use super::years;
use crate::accounts::sessions::CurrentSession;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::http::not_found;
use crate::platform::paris_time::day_in_paris;
use crate::platform::{db, outbox};
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/canteen",
    operation_id = "canteen",
    tag = "canteen",
    security(("session" = [])),
    responses(
        (
            status = 200,
            description = "The school years open to enrolment, each pupil's place in them and \
                the family's price",
            body = CanteenOverview,
        ),
    ),
)]
pub async fn overview(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<CanteenOverview>, AppError> {
    let today = day_in_paris(state.clock.now());
    let mut connection = state.pool.acquire().await?;
    let overview = views::overview(
        &mut connection,
        &state.config.canteen,
        &session.account_id,
        today,
    )
    .await?;
    Ok(Json(overview))
}

#[utoipa::path(
    post,
    path = "/api/canteen/enrolments",
    operation_id = "enrolInCanteen",
    tag = "canteen",
    security(("session" = [])),
    request_body = CanteenEnrolmentForm,
    responses(
        (
            status = 201,
            description = "The pupils are enrolled and a meal is reserved on every school day \
                of their weekdays still ahead (from the first whose deadline has not passed); \
                an e-mail says so",
            body = EnrolmentList,
        ),
        (
            status = 404,
            description = "A pupil is not in this family's account (`not_found`); nothing was \
                changed",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "A pupil is already enrolled for that year (`already_enrolled`), or \
                the canteen is not offered to it that year (`canteen_not_offered`: a collège \
                the Département does not run, a year not open, a pupil past 3e); nothing was \
                changed",
            body = ErrorBody,
        ),
    ),
)]
pub async fn enrol(
    State(state): State<AppState>,
    session: CurrentSession,
    ValidatedJson(form): ValidatedJson<CanteenEnrolmentForm>,
) -> Result<(StatusCode, Json<EnrolmentList>), AppError> {
    let now = state.clock.now();
    let today = day_in_paris(now);
    let school_year = SchoolYear {
        start_year: form.school_year,
    };
    if !years::open_years(today).contains(&school_year) {
        return Err(not_offered());
    }
    let rules = years::rules(&state.config.canteen, school_year);

    let mut transaction = db::begin(&state.pool).await?;
    let mut enrolled = Vec::new();
    for (index, choice) in form.pupils.iter().enumerate() {
        let Some(pupil) =
            store::pupil(&mut transaction, &session.account_id, &choice.pupil_id).await?
        else {
            drop(transaction);
            return Err(not_found::not_found_for(
                &state.pool,
                not_found::PUPIL,
                &session.account_id,
                &choice.pupil_id,
            )
            .await);
        };
        let already = store::is_enrolled(&mut transaction, &pupil.id, school_year).await?;
        let (offer, class) = super::offers::offer(&pupil, school_year, already);
        match offer {
            CanteenOffer::Open => {}
            CanteenOffer::Enrolled => return Err(already_enrolled()),
            _ => return Err(not_offered()),
        }
        if choice.weekdays.contains(&CanteenDay::Wednesday) && !pupil.serves_wednesday {
            return Err(AppError::Invalid(FieldErrors::one(
                &format!("pupils.{index}.weekdays"),
                codes::WEDNESDAY_NOT_SERVED,
            )));
        }
        let new = NewEnrolment {
            pupil_id: &pupil.id,
            school_year,
            class: &class,
            weekdays: &choice.weekdays,
            diet: choice.diet,
            allergy_plan: choice.allergy_plan,
        };
        let id = match store::insert_enrolment(&mut transaction, &new, now).await {
            Ok(id) => id,
            Err(NotAdded::AlreadyEnrolled) => return Err(already_enrolled()),
            Err(NotAdded::Failed(error)) => return Err(error.into()),
        };
        let days = reservations::days_to_reserve(school_year, &choice.weekdays, today);
        store::reserve_meals(&mut transaction, &id, &days, now).await?;
        enrolled.push(id);
    }

    let mut answers = Vec::new();
    for id in &enrolled {
        let enrolment = store::find_enrolment(&mut transaction, &session.account_id, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the new enrolment is not found"))?;
        answers.push(
            views::enrolment(
                &mut transaction,
                &session.account_id,
                enrolment,
                rules,
                today,
            )
            .await?,
        );
    }
    let to = account_email(&mut transaction, &session.account_id).await?;
    let recorded: Vec<Recorded> = answers
        .iter()
        .map(|enrolment| Recorded {
            given_name: &enrolment.given_name,
            weekdays: &enrolment.weekdays,
            diet: enrolment.diet,
            allergy_plan: enrolment.allergy_plan,
        })
        .collect();
    let price_cents = answers
        .first()
        .map_or(rules.price_rule.max_cents, |e| e.price_cents);
    let dates = emails::EnrolmentDates {
        first_meal: answers
            .iter()
            .filter_map(|enrolment| enrolment.meals.first())
            .filter_map(|meal| Date::parse_iso(&meal.day))
            .min(),
        weekdays_until: may_change_weekdays(rules.weekdays_deadline, today)
            .then_some(rules.weekdays_deadline),
    };
    let email = emails::enrolment_recorded(
        &to,
        school_year,
        &recorded,
        rules.price_rule,
        price_cents,
        dates,
        &state.link(links::CANTEEN_PATH),
    );
    // Queued with the enrolment: both are kept, or neither.
    outbox::enqueue(&mut transaction, now, &email, "canteen_enrolment").await?;
    transaction.commit().await?;
    state.outbox.wake();
    tracing::info!(
        event = "canteen",
        action = "enrolled",
        pupils = enrolled.len(),
        school_year = school_year.start_year
    );
    Ok((
        StatusCode::CREATED,
        Json(EnrolmentList {
            enrolments: answers,
        }),
    ))
}

#[utoipa::path(
    get,
    path = "/api/canteen/enrolments/{enrolment_id}",
    operation_id = "canteenEnrolment",
    tag = "canteen",
    security(("session" = [])),
    params(("enrolment_id" = String, Path, description = "The enrolment's id")),
    responses(
        (status = 200, description = "The enrolment with every meal of its school year", body = CanteenEnrolment),
        (
            status = 404,
            description = "No such enrolment in this family's account (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(enrolment_id): Path<String>,
) -> Result<Json<CanteenEnrolment>, AppError> {
    let today = day_in_paris(state.clock.now());
    let mut connection = state.pool.acquire().await?;
    let Some(enrolment) =
        store::find_enrolment(&mut connection, &session.account_id, &enrolment_id).await?
    else {
        return Err(enrolment_not_found(&state.pool, &session.account_id, &enrolment_id).await);
    };
    let rules = years::rules(&state.config.canteen, enrolment.school_year);
    let answer = views::enrolment(
        &mut connection,
        &session.account_id,
        enrolment,
        rules,
        today,
    )
    .await?;
    Ok(Json(answer))
}

#[utoipa::path(
    put,
    path = "/api/canteen/enrolments/{enrolment_id}/weekdays",
    operation_id = "changeCanteenWeekdays",
    tag = "canteen",
    security(("session" = [])),
    params(("enrolment_id" = String, Path, description = "The enrolment's id")),
    request_body = WeekdaysForm,
    responses(
        (
            status = 200,
            description = "The weekdays are changed: meals whose deadline has not passed follow \
                them (a day kept keeps its cancellation), the others stay as they were; an \
                e-mail says so",
            body = CanteenEnrolment,
        ),
        (
            status = 404,
            description = "No such enrolment in this family's account (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "The school year's last day to change weekdays has passed \
                (`weekdays_deadline_passed`); nothing was changed",
            body = ErrorBody,
        ),
    ),
)]
pub async fn change_weekdays(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(enrolment_id): Path<String>,
    ValidatedJson(form): ValidatedJson<WeekdaysForm>,
) -> Result<Json<CanteenEnrolment>, AppError> {
    let now = state.clock.now();
    let today = day_in_paris(now);
    let mut transaction = db::begin(&state.pool).await?;
    let Some(enrolment) =
        store::find_enrolment(&mut transaction, &session.account_id, &enrolment_id).await?
    else {
        drop(transaction);
        return Err(enrolment_not_found(&state.pool, &session.account_id, &enrolment_id).await);
    };
    let rules = years::rules(&state.config.canteen, enrolment.school_year);
    if !may_change_weekdays(rules.weekdays_deadline, today) {
        return Err(AppError::Refused {
            status: StatusCode::CONFLICT,
            code: refusal::WEEKDAYS_DEADLINE_PASSED,
        });
    }
    if form.weekdays.contains(&CanteenDay::Wednesday) && !enrolment.serves_wednesday {
        return Err(AppError::Invalid(FieldErrors::one(
            "weekdays",
            codes::WEDNESDAY_NOT_SERVED,
        )));
    }
    let first_changed =
        reservations::follow_weekdays(&mut transaction, &enrolment, &form.weekdays, today, now)
            .await?;
    store::set_weekdays(&mut transaction, &enrolment.id, &form.weekdays, now).await?;
    let to = account_email(&mut transaction, &session.account_id).await?;
    let email = emails::weekdays_changed(
        &to,
        enrolment.school_year,
        &enrolment.given_name,
        &form.weekdays,
        first_changed,
        &state.link(links::CANTEEN_PATH),
    );
    outbox::enqueue(&mut transaction, now, &email, "canteen_weekdays").await?;
    let changed = store::find_enrolment(&mut transaction, &session.account_id, &enrolment_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the changed enrolment is not found"))?;
    let answer =
        views::enrolment(&mut transaction, &session.account_id, changed, rules, today).await?;
    transaction.commit().await?;
    state.outbox.wake();
    tracing::info!(event = "canteen", action = "weekdays_changed", enrolment = %enrolment_id);
    Ok(Json(answer))
}

pub(super) async fn account_email(
    connection: &mut AnyConnection,
    account_id: &str,
) -> anyhow::Result<String> {
    Ok(
        sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_one(connection)
            .await?,
    )
}

fn already_enrolled() -> AppError {
    AppError::Refused {
        status: StatusCode::CONFLICT,
        code: refusal::ALREADY_ENROLLED,
    }
}

fn not_offered() -> AppError {
    AppError::Refused {
        status: StatusCode::CONFLICT,
        code: refusal::CANTEEN_NOT_OFFERED,
    }
}

/// 404 for an enrolment id this family has none under (logged when another family's).
pub(super) async fn enrolment_not_found(
    pool: &AnyPool,
    account_id: &str,
    enrolment_id: &str,
) -> AppError {
    not_found::not_found_for(pool, not_found::ENROLMENT, account_id, enrolment_id).await
}
