//! Checking the current password before a sensitive change (e-mail, password) of a signed-in
//! account. A wrong password counts as a failed login for the account's address and the client,
//! so that a stolen session cannot be used to guess the password faster than the login form.

use axum::http::StatusCode;
use passplus_validation::codes::refusal::CURRENT_PASSWORD_WRONG;
use sqlx::Row;

use crate::accounts::login_limits::{self, Attempt};
use crate::accounts::passwords::hashing;
use crate::accounts::trusted_devices;
use crate::http::error::AppError;
use crate::startup::AppState;

/// The signed-in account, as the checks need it.
#[derive(Clone)]
pub struct Account {
    pub id: String,
    /// The stored (lower-cased) address.
    pub email: String,
    /// Given and family names, which a new password must not be built on.
    pub names: [String; 2],
    password_hash: String,
}

/// The account of a session; 401 if it was deleted meanwhile.
pub async fn load(state: &AppState, account_id: &str) -> Result<Account, AppError> {
    let row = sqlx::query(
        "SELECT email, password_hash, given_name, family_name FROM accounts WHERE id = $1",
    )
    .bind(account_id)
    .fetch_optional(&state.pool)
    .await?
    .ok_or(AppError::Unauthorized)?;
    Ok(Account {
        id: account_id.to_owned(),
        email: row.try_get("email")?,
        names: [row.try_get("given_name")?, row.try_get("family_name")?],
        password_hash: row.try_get("password_hash")?,
    })
}

/// Accepts the right password unless the login limits are reached (429); refuses a wrong one
/// with 403 `current_password_wrong`, counted as a failed login. The attempt is reserved
/// before the hash, as a login's is, so that attempts sent together cannot pass the limit.
/// `event` names the log line.
pub async fn verify(
    state: &AppState,
    account: &Account,
    password: String,
    request: &RequestOrigin<'_>,
    event: &'static str,
) -> Result<(), AppError> {
    let (state, account) = (state.clone(), account.clone());
    let (client, headers) = (request.client.to_owned(), request.headers.clone());
    login_limits::to_the_end(async move {
        let request = RequestOrigin {
            client: &client,
            headers: &headers,
        };
        verify_to_the_end(&state, &account, password, &request, event).await
    })
    .await
}

async fn verify_to_the_end(
    state: &AppState,
    account: &Account,
    password: String,
    request: &RequestOrigin<'_>,
    event: &'static str,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let device = trusted_devices::recognise(&state.pool, request.headers, &account.email).await?;
    let attempt = Attempt {
        email: &account.email,
        client: request.client,
        trusted_device: device.as_deref(),
    };
    let limits = &state.config.login_limits;
    let reservation = match login_limits::reserve(&state.pool, now, limits, &attempt).await? {
        Ok(reservation) => reservation,
        Err(retry_after_seconds) => {
            tracing::warn!(event, outcome = "rate_limited", account = %account.id);
            return Err(AppError::TooManyAttempts {
                retry_after_seconds,
            });
        }
    };
    let check = hashing::verify(password, Some(account.password_hash.clone()));
    let matches = reservation.settle_by(&state.pool, check).await??;
    if !matches {
        tracing::info!(event, outcome = "wrong_password", account = %account.id);
        return Err(AppError::Refused {
            status: StatusCode::FORBIDDEN,
            code: CURRENT_PASSWORD_WRONG,
        });
    }
    login_limits::forget_failures(&state.pool, &attempt).await?;
    Ok(())
}

/// Where a request comes from, as the limits count it.
pub struct RequestOrigin<'a> {
    pub client: &'a str,
    pub headers: &'a axum::http::HeaderMap,
}
