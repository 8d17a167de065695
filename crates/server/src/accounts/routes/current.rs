//! `GET /api/account`: the signed-in family's own account; `GET /api/session`: who is signed
//! in, if anyone (the app asks at start: an anonymous visitor is no error).

use axum::extract::State;
use axum::Json;
use passplus_validation::account::AccountSummary;
use sqlx::Row;

use crate::accounts::sessions::CurrentSession;
use crate::http::error::AppError;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/account",
    operation_id = "account",
    tag = "accounts",
    security(("session" = [])),
    responses(
        (status = 200, description = "The signed-in family's account", body = AccountSummary),
    ),
)]
pub async fn current(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<AccountSummary>, AppError> {
    Ok(Json(summary(&state, &session).await?))
}

/// The account of the session, or `null`.
#[utoipa::path(
    get,
    path = "/api/session",
    operation_id = "currentSession",
    tag = "accounts",
    responses(
        (
            status = 200,
            description = "The signed-in account, or `null` for an anonymous visitor",
            body = Option<AccountSummary>,
        ),
    ),
)]
pub async fn session(
    State(state): State<AppState>,
    session: Result<CurrentSession, AppError>,
) -> Result<Json<Option<AccountSummary>>, AppError> {
    match session {
        Ok(session) => match summary(&state, &session).await {
            Ok(account) => Ok(Json(Some(account))),
            Err(AppError::Unauthorized) => Ok(Json(None)),
            Err(error) => Err(error),
        },
        Err(AppError::Unauthorized) => Ok(Json(None)),
        Err(error) => Err(error),
    }
}

async fn summary(state: &AppState, session: &CurrentSession) -> Result<AccountSummary, AppError> {
    let row = sqlx::query("SELECT email, given_name FROM accounts WHERE id = $1")
        .bind(&session.account_id)
        .fetch_optional(&state.pool)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok(AccountSummary {
        email: row.try_get("email")?,
        given_name: row.try_get("given_name")?,
        logged_in_since: session.created_at,
    })
}
