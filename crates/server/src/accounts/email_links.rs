//! Single-use links sent by e-mail (address verification, e-mail change, password reset): a random
//! token in the link, its hash in the table, an expiry, and the moment it was used.

use axum::http::StatusCode;
use sqlx::{AnyConnection, Row};

use passplus_validation::codes::refusal;

use crate::http::error::AppError;

use crate::platform::secrets::{random_token, token_hash};

pub const VERIFY_EMAIL: &str = "verify_email";
/// Verifies a new address for an account; the link's row holds that address (`new_email`).
pub const CHANGE_EMAIL: &str = "change_email";
pub const RESET_PASSWORD: &str = "reset_password";

/// Why a link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    Used,
    Expired,
}

impl LinkProblem {
    /// The stable code the app explains: 404 `link_invalid`, 409 `link_used`, 410 `link_expired`.
    pub fn code(self) -> &'static str {
        match self {
            LinkProblem::Unknown => refusal::LINK_INVALID,
            LinkProblem::Used => refusal::LINK_USED,
            LinkProblem::Expired => refusal::LINK_EXPIRED,
        }
    }

    /// The refusal, logged under the `event` of the request that met it.
    pub fn logged_refusal(self, event: &'static str) -> AppError {
        tracing::info!(event, outcome = self.code());
        self.refusal()
    }

    pub fn refusal(self) -> AppError {
        let status = match self {
            LinkProblem::Unknown => StatusCode::NOT_FOUND,
            LinkProblem::Used => StatusCode::CONFLICT,
            LinkProblem::Expired => StatusCode::GONE,
        };
        AppError::Refused {
            status,
            code: self.code(),
        }
    }
}

/// Creates a link for an account and returns its token.
pub async fn create(
    connection: &mut AnyConnection,
    account_id: &str,
    purpose: &str,
    now: i64,
    valid_seconds: i64,
) -> anyhow::Result<String> {
    let token = random_token();
    sqlx::query(
        "INSERT INTO email_links (token_hash, account_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(purpose)
    .bind(now)
    .bind(now + valid_seconds)
    .execute(connection)
    .await?;
    Ok(token)
}

/// The account of a link that may still be used, or why it cannot be; changes nothing (a page
/// can say a link is dead before the person types anything).
pub async fn check(
    connection: &mut AnyConnection,
    token: &str,
    purpose: &str,
    now: i64,
) -> anyhow::Result<Result<String, LinkProblem>> {
    let row = sqlx::query(
        "SELECT account_id, expires_at, used_at FROM email_links \
         WHERE token_hash = $1 AND purpose = $2",
    )
    .bind(token_hash(token))
    .bind(purpose)
    .fetch_optional(&mut *connection)
    .await?;
    let Some(row) = row else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if row.try_get::<Option<i64>, _>("used_at")?.is_some() {
        return Ok(Err(LinkProblem::Used));
    }
    if row.try_get::<i64, _>("expires_at")? < now {
        return Ok(Err(LinkProblem::Expired));
    }
    Ok(Ok(row.try_get("account_id")?))
}

/// Marks a link used and returns its account, or says why it cannot be used.
pub async fn consume(
    connection: &mut AnyConnection,
    token: &str,
    purpose: &str,
    now: i64,
) -> anyhow::Result<Result<String, LinkProblem>> {
    let account_id = match check(&mut *connection, token, purpose, now).await? {
        Ok(account_id) => account_id,
        Err(problem) => return Ok(Err(problem)),
    };
    // The condition makes two simultaneous uses of one link end with a single winner.
    let marked = sqlx::query(
        "UPDATE email_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(now)
    .bind(token_hash(token))
    .execute(&mut *connection)
    .await?;
    if marked.rows_affected() == 0 {
        return Ok(Err(LinkProblem::Used));
    }
    Ok(Ok(account_id))
}

/// Voids an account's other unused links of one purpose (a newer one was used).
pub async fn void_unused(
    connection: &mut AnyConnection,
    account_id: &str,
    purpose: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE email_links SET used_at = $1 \
         WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(account_id)
    .bind(purpose)
    .execute(connection)
    .await?;
    Ok(())
}
