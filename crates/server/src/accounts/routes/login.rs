//! Logging in and out. One answer for "unknown address" and "wrong password"; with the right
//! password, an unverified address is told so and offered a new link.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use passplus_validation::account::LoginForm;
use passplus_validation::email;
use sqlx::Row;

use passplus_validation::codes::refusal;

use crate::accounts::anonymous_limits;
use crate::accounts::login_limits::{self, Attempt};
use crate::accounts::passwords::hashing;
use crate::accounts::sessions::{self, CurrentSession};
use crate::accounts::trusted_devices;
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::http::openapi::HashingBusy;
use crate::startup::AppState;

/// `POST /api/sessions`
#[utoipa::path(
    post,
    path = "/api/sessions",
    operation_id = "logIn",
    tag = "accounts",
    request_body = LoginForm,
    responses(
        (
            status = 200,
            description = "`logged_in`; the session cookie is set, and a device cookie the \
                first time on this browser (its failed attempts then count apart)",
            body = Answer,
        ),
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
            description = "Too many failed attempts for this address or network, or too many \
                logins from this network (`too_many_attempts`, with `Retry-After`)",
            body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait before trying again")),
        ),
        HashingBusy,
    ),
)]
pub async fn log_in(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ValidatedJson(form): ValidatedJson<LoginForm>,
) -> Result<Response, AppError> {
    login_limits::to_the_end(log_in_to_the_end(state, client, headers, form)).await
}

async fn log_in_to_the_end(
    state: AppState,
    client: Client,
    headers: HeaderMap,
    form: LoginForm,
) -> Result<Response, AppError> {
    anonymous_limits::take(&state, &client, "/api/sessions").await?;
    let address = email::normalise(&form.email);
    let now = state.clock.now();
    let device = trusted_devices::recognise(&state.pool, &headers, &address).await?;
    let attempt = Attempt {
        email: &address,
        client: &client.limit_key,
        trusted_device: device.as_deref(),
    };
    let limits = &state.config.login_limits;
    let reservation = match login_limits::reserve(&state.pool, now, limits, &attempt).await? {
        Ok(reservation) => reservation,
        Err(retry_after_seconds) => {
            tracing::warn!(event = "login", outcome = "rate_limited", client = %client.ip);
            return Err(AppError::TooManyAttempts {
                retry_after_seconds,
            });
        }
    };

    let account =
        sqlx::query("SELECT id, password_hash, verified_at FROM accounts WHERE email = $1")
            .bind(&address)
            .fetch_optional(&state.pool)
            .await?;
    let stored_hash = account
        .as_ref()
        .map(|row| row.try_get::<String, _>("password_hash"))
        .transpose()?;
    // With no account, `verify` spends the same time on a dummy hash and says no. A check not
    // done (the queue is full…) is not an attempt that failed: it is given back.
    let matches = reservation
        .settle_by(&state.pool, hashing::verify(form.password, stored_hash))
        .await??;
    let Some(account) = account.filter(|_| matches) else {
        tracing::info!(event = "login", outcome = "failed", client = %client.ip);
        return Err(AppError::Refused {
            status: StatusCode::UNAUTHORIZED,
            code: refusal::INVALID_CREDENTIALS,
        });
    };
    let account_id: String = account.try_get("id")?;
    if account.try_get::<Option<i64>, _>("verified_at")?.is_none() {
        tracing::info!(event = "login", outcome = "unverified", account = %account_id);
        return Err(AppError::Refused {
            status: StatusCode::FORBIDDEN,
            code: refusal::EMAIL_NOT_VERIFIED,
        });
    }
    login_limits::forget_failures(&state.pool, &attempt).await?;
    // The session the browser presented, if any, ends: one browser, one session.
    if let Some(previous) = sessions::cookie_value(&headers, sessions::COOKIE_NAME) {
        sessions::delete(&state.pool, &previous).await?;
    }
    let token = sessions::create(&state.pool, now, &account_id, &headers).await?;
    let new_device =
        trusted_devices::remember(&state.pool, now, &account_id, device.as_deref()).await?;
    tracing::info!(event = "login", outcome = "ok", account = %account_id, client = %client.ip);
    let cookies = std::iter::once(sessions::cookie(&token))
        .chain(new_device)
        .map(|cookie| (SET_COOKIE, cookie));
    Ok((
        AppendHeaders(cookies.collect::<Vec<_>>()),
        answer(Outcome::LoggedIn),
    )
        .into_response())
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
