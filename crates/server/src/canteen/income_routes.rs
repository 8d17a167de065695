//! `PUT /api/canteen/years/{school_year}/income`: the revenu fiscal de référence and tax parts
//! the family declares for a school year, from which its reduced price is computed once its
//! tax notice is validated.

use axum::extract::{Path, State};
use axum::Json;
use passplus_validation::canteen::answers::CanteenPrice;
use passplus_validation::canteen::income::IncomeForm;

use super::store;
use super::years;
use crate::accounts::sessions::CurrentSession;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::platform::db;
use crate::platform::paris_time::day_in_paris;
use crate::startup::AppState;

#[utoipa::path(
    put,
    path = "/api/canteen/years/{school_year}/income",
    operation_id = "declareCanteenIncome",
    tag = "canteen",
    security(("session" = [])),
    params(("school_year" = String, Path, description = "The school year by its first calendar year: `2026` is 2026-2027")),
    request_body = IncomeForm,
    responses(
        (
            status = 200,
            description = "The income is recorded; the price that follows (the full price \
                until the tax notice is validated; a validated notice goes back to waiting \
                when the income changes)",
            body = CanteenPrice,
        ),
        (
            status = 404,
            description = "The school year is not a year (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "That school year is not open (`canteen_not_offered`); nothing was \
                changed",
            body = ErrorBody,
        ),
    ),
)]
pub async fn declare(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(school_year): Path<String>,
    ValidatedJson(form): ValidatedJson<IncomeForm>,
) -> Result<Json<CanteenPrice>, AppError> {
    let now = state.clock.now();
    let school_year = years::open_year_named(&school_year, day_in_paris(now))?;
    let income = form
        .income()
        .ok_or_else(|| anyhow::anyhow!("a valid income form has an income"))?;
    let rule = years::rules(&state.config.canteen, school_year).price_rule;
    let mut transaction = db::begin(&state.pool).await?;
    store::set_income(
        &mut transaction,
        &session.account_id,
        school_year,
        income,
        now,
    )
    .await?;
    let price = store::price(&mut transaction, &session.account_id, school_year, rule).await?;
    transaction.commit().await?;
    tracing::info!(event = "canteen", action = "income_declared");
    Ok(Json(price))
}
