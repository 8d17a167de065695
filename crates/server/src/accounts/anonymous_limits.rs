//! The allowance of anonymous requests that cost a password hash or send an e-mail (signup, a
//! new verification link, a reset link, a login): at most so many per client in a window, so
//! that one client can neither keep the hashing threads busy nor use the forms to send mail
//! in bulk. Counted in the database (`platform::quotas`) under the client's limit key (its
//! IPv4 address or IPv6 /64), so it holds across instances.

use crate::http::client_ip::Client;
use crate::http::error::AppError;
use crate::platform::quotas::{Allowance, Granted};
use crate::startup::AppState;

/// Takes one request from the client's allowance, or refuses it (429 `too_many_attempts` with
/// `Retry-After`). Called once the body is found valid: a refused body costs nothing, so it
/// does not count.
pub async fn take(state: &AppState, client: &Client, path: &'static str) -> Result<(), AppError> {
    let limits = &state.config.anonymous_limits;
    let allowance = Allowance {
        kind: "anonymous_costly_requests",
        limit: limits.per_client,
        window_seconds: limits.window_minutes * 60,
    };
    let mut connection = state.pool.acquire().await?;
    let now = state.clock.now();
    match allowance
        .take(&mut connection, &client.limit_key, now)
        .await?
    {
        Granted::Yes => Ok(()),
        Granted::No {
            retry_after_seconds,
        } => {
            tracing::warn!(event = "client_allowance", outcome = "rate_limited", client = %client.ip, path);
            Err(AppError::TooManyAttempts {
                retry_after_seconds,
            })
        }
    }
}
