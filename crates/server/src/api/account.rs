//! `GET /api/account`: the signed-in family's own account.

use axum::extract::State;
use axum::Json;
use passplus_validation::account::AccountSummary;
use sqlx::Row;

use crate::error::AppError;
use crate::sessions::CurrentSession;
use crate::startup::AppState;

pub async fn current(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<AccountSummary>, AppError> {
    let row = sqlx::query("SELECT email, given_name FROM accounts WHERE id = $1")
        .bind(&session.account_id)
        .fetch_optional(&state.pool)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok(Json(AccountSummary {
        email: row.try_get("email")?,
        given_name: row.try_get("given_name")?,
        logged_in_since: session.created_at,
    }))
}
