//! Logging in and out. One answer for "unknown address" and "wrong password"; with the right
//! password, an unverified address is told so and offered a new link.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use passplus_validation::account::LoginForm;
use passplus_validation::email;
use sqlx::Row;

use super::answers::{answer, Answer, Outcome};
use crate::client_ip::client_ip;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidatedJson;
use crate::sessions::{self, CurrentSession};
use crate::startup::AppState;
use crate::{login_limits, passwords};

/// `POST /api/sessions`
#[utoipa::path(
    post,
    path = "/api/sessions",
    operation_id = "logIn",
    tag = "accounts",
    request_body = LoginForm,
    responses(
        (status = 200, description = "`logged_in`; the session cookie is set", body = Answer),
        (
            status = 401,
            description = "Unknown address or wrong password, one answer for both \
                (`invalid_credentials`)",
            body = ErrorBody,
        ),
        (
            status = 403,
            description = "Right password, address not verified yet (`email_not_verified`)",
            body = ErrorBody,
        ),
        (
            status = 429,
            description = "Too many failed attempts for this address or network \
                (`too_many_attempts`, with `Retry-After`)",
            body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait before trying again")),
        ),
    ),
)]
pub async fn log_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ValidatedJson(form): ValidatedJson<LoginForm>,
) -> Result<impl IntoResponse, AppError> {
    let address = email::normalise(&form.email);
    let client = client_ip(peer.ip(), &headers, &state.config.trusted_proxies).to_string();
    let now = state.clock.now();
    let limits = &state.config.login_limits;
    if let Some(retry_after_seconds) =
        login_limits::wait_needed(&state.pool, now, limits, &address, &client).await?
    {
        tracing::warn!(event = "login", outcome = "rate_limited", client = %client);
        return Err(AppError::TooManyAttempts {
            retry_after_seconds,
        });
    }

    let account =
        sqlx::query("SELECT id, password_hash, verified_at FROM accounts WHERE email = $1")
            .bind(&address)
            .fetch_optional(&state.pool)
            .await?;
    let stored_hash = account
        .as_ref()
        .map(|row| row.try_get::<String, _>("password_hash"))
        .transpose()?;
    // With no account, `verify` spends the same time on a dummy hash and says no.
    let matches = passwords::verify(form.password, stored_hash).await?;
    let Some(account) = account.filter(|_| matches) else {
        return Err(failed_login(&state, now, &address, &client).await?);
    };
    let account_id: String = account.try_get("id")?;
    if account.try_get::<Option<i64>, _>("verified_at")?.is_none() {
        tracing::info!(event = "login", outcome = "unverified", account = %account_id);
        return Err(AppError::Refused {
            status: StatusCode::FORBIDDEN,
            code: "email_not_verified",
        });
    }
    login_limits::forget_failures(&state.pool, &address).await?;
    let token = sessions::create(&state.pool, now, &account_id).await?;
    tracing::info!(event = "login", outcome = "ok", account = %account_id);
    Ok((
        sessions::set_cookie_header(sessions::cookie(&token)),
        answer(Outcome::LoggedIn),
    ))
}

async fn failed_login(
    state: &AppState,
    now: i64,
    address: &str,
    client: &str,
) -> anyhow::Result<AppError> {
    login_limits::record_failure(&state.pool, now, address, client).await?;
    tracing::info!(event = "login", outcome = "failed", client = %client);
    Ok(AppError::Refused {
        status: StatusCode::UNAUTHORIZED,
        code: "invalid_credentials",
    })
}

/// `DELETE /api/sessions/current`
#[utoipa::path(
    delete,
    path = "/api/sessions/current",
    operation_id = "logOut",
    tag = "accounts",
    security(("session" = [])),
    responses(
        (status = 204, description = "The session is ended and its cookie removed"),
    ),
)]
pub async fn log_out(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<impl IntoResponse, AppError> {
    sessions::delete(&state.pool, &session.token).await?;
    tracing::info!(event = "logout", account = %session.account_id);
    Ok((
        StatusCode::NO_CONTENT,
        sessions::set_cookie_header(sessions::removal_cookie()),
    ))
}
