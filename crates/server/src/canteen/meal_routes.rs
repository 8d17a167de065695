//! `PUT /api/canteen/enrolments/{enrolment_id}/meals/{day}`: cancelling a reserved meal, or
//! booking it again, until 23:59 Paris time on the third working day before it.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::canteen::answers::Meal;
use passplus_validation::canteen::choices::MealChange;
use passplus_validation::canteen::deadlines::may_change_meal;
use passplus_validation::codes::refusal;
use passplus_validation::Date;

use super::routes::enrolment_not_found;
use super::store::{self, StoredMeal};
use super::views;
use crate::accounts::sessions::CurrentSession;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::platform::paris_time::day_in_paris;
use crate::startup::AppState;

#[utoipa::path(
    put,
    path = "/api/canteen/enrolments/{enrolment_id}/meals/{day}",
    operation_id = "changeCanteenMeal",
    tag = "canteen",
    security(("session" = [])),
    params(
        ("enrolment_id" = String, Path, description = "The enrolment's id"),
        ("day" = String, Path, description = "The meal's day, `YYYY-MM-DD`"),
    ),
    request_body = MealChange,
    responses(
        (status = 200, description = "The meal as it now stands (the same answer if it already was)", body = Meal),
        (
            status = 404,
            description = "No such enrolment in this family's account, or no meal reserved on \
                that day (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "The meal's last day to cancel or book it again has passed \
                (`meal_deadline_passed`; the meal's `last_day_to_cancel` says which); nothing \
                was changed",
            body = ErrorBody,
        ),
    ),
)]
pub async fn change(
    State(state): State<AppState>,
    session: CurrentSession,
    Path((enrolment_id, day)): Path<(String, String)>,
    ValidatedJson(change): ValidatedJson<MealChange>,
) -> Result<Json<Meal>, AppError> {
    let now = state.clock.now();
    let today = day_in_paris(now);
    let mut connection = state.pool.acquire().await?;
    if store::find_enrolment(&mut connection, &session.account_id, &enrolment_id)
        .await?
        .is_none()
    {
        drop(connection);
        return Err(enrolment_not_found(&state.pool, &session.account_id, &enrolment_id).await);
    }
    let day = Date::parse_iso(&day).ok_or(AppError::NotFound)?;
    if !may_change_meal(day, today) {
        return Err(AppError::Refused {
            status: StatusCode::CONFLICT,
            code: refusal::MEAL_DEADLINE_PASSED,
        });
    }
    // One statement: two requests at once for the same meal each leave it in the state they
    // asked for, and the last one's stands.
    if !store::set_cancelled(&mut connection, &enrolment_id, day, change.cancelled, now).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        event = "canteen",
        action = if change.cancelled { "meal_cancelled" } else { "meal_booked_again" },
        enrolment = %enrolment_id
    );
    Ok(Json(views::meal(
        StoredMeal {
            day,
            cancelled: change.cancelled,
        },
        today,
    )))
}
