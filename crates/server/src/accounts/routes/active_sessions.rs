//! The family's sessions: `GET /api/account/sessions` lists them (device, start, last use);
//! `POST /api/account/sessions/end-others` ends all but this browser's, after the current
//! password (someone who found a session open must not lock its owner out of the others).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use passplus_validation::active_sessions::{ActiveSession, EndOtherSessionsForm};
use sqlx::Row;

use crate::accounts::passwords::current::{self as current_password, RequestOrigin};
use crate::accounts::sessions::CurrentSession;
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::AppError;
use crate::http::extract::ValidatedJson;
use crate::http::openapi::{CurrentPasswordRefusals, HashingBusy};
use crate::platform::secrets::token_hash;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/account/sessions",
    operation_id = "activeSessions",
    tag = "accounts",
    security(("session" = [])),
    responses(
        (
            status = 200,
            description = "The account's sessions, most recently used first",
            body = Vec<ActiveSession>,
        ),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<Vec<ActiveSession>>, AppError> {
    let this = token_hash(&session.token);
    let rows = sqlx::query(
        "SELECT id_hash, device, created_at, last_seen_at FROM sessions \
         WHERE account_id = $1 ORDER BY last_seen_at DESC, created_at DESC",
    )
    .bind(&session.account_id)
    .fetch_all(&state.pool)
    .await?;
    let sessions = rows
        .iter()
        .map(|row| {
            Ok(ActiveSession {
                device: row.try_get("device")?,
                started_at: row.try_get("created_at")?,
                last_seen_at: row.try_get("last_seen_at")?,
                current: row.try_get::<String, _>("id_hash")? == this,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(Json(sessions))
}

#[utoipa::path(
    post,
    path = "/api/account/sessions/end-others",
    operation_id = "endOtherSessions",
    tag = "accounts",
    security(("session" = [])),
    request_body = EndOtherSessionsForm,
    responses(
        (
            status = 200,
            description = "`other_sessions_ended`: only this browser's session remains",
            body = Answer,
        ),
        CurrentPasswordRefusals,
        HashingBusy,
    ),
)]
pub async fn end_others(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    session: CurrentSession,
    ValidatedJson(form): ValidatedJson<EndOtherSessionsForm>,
) -> Result<Json<Answer>, AppError> {
    let account = current_password::load(&state, &session.account_id).await?;
    let origin = RequestOrigin {
        client: &client.limit_key,
        headers: &headers,
    };
    current_password::verify(
        &state,
        &account,
        form.current_password,
        &origin,
        "end_other_sessions",
    )
    .await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2")
        .bind(&account.id)
        .bind(token_hash(&session.token))
        .execute(&state.pool)
        .await?
        .rows_affected();
    tracing::info!(event = "end_other_sessions", ended, account = %account.id);
    Ok(answer(Outcome::OtherSessionsEnded))
}
