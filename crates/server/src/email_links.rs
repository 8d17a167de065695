//! Single-use links sent by e-mail (address verification; password reset later): a random token
//! in the link, its hash in the table, an expiry, and the moment it was used.

use sqlx::{AnyConnection, Row};

use crate::secrets::{random_token, token_hash};

pub const VERIFY_EMAIL: &str = "verify_email";

/// Why a link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    Used,
    Expired,
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

/// Marks a link used and returns its account, or says why it cannot be used.
pub async fn consume(
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
    Ok(Ok(row.try_get("account_id")?))
}
