//! Login rate limits: failed attempts are recorded per address tried and per client, and a
//! login is refused while either count in the sliding window reaches its limit. Kept in the
//! database so that limits hold across restarts and server instances.

use sqlx::{AnyPool, Row};

use crate::config::LoginLimits;

/// Seconds until a login may be tried again, if it may not now.
pub async fn wait_needed(
    pool: &AnyPool,
    now: i64,
    limits: &LoginLimits,
    email: &str,
    client_ip: &str,
) -> anyhow::Result<Option<i64>> {
    let window = limits.window_minutes * 60;
    let since = now - window;
    let mut wait = None;
    for (column, value, limit) in [
        ("email", email, limits.per_account),
        ("client_ip", client_ip, limits.per_client),
    ] {
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS failures, MIN(at) AS oldest FROM login_failures \
             WHERE {column} = $1 AND at > $2"
        ))
        .bind(value)
        .bind(since)
        .fetch_one(pool)
        .await?;
        let failures: i64 = row.try_get("failures")?;
        if failures >= limit {
            // The block lifts when the oldest failure in the window leaves it.
            let oldest: i64 = row.try_get("oldest")?;
            let seconds = (oldest + window - now).max(1);
            wait = Some(wait.map_or(seconds, |w: i64| w.max(seconds)));
        }
    }
    Ok(wait)
}

pub async fn record_failure(
    pool: &AnyPool,
    now: i64,
    email: &str,
    client_ip: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO login_failures (id, email, client_ip, at) VALUES ($1, $2, $3, $4)")
        .bind(crate::secrets::random_token())
        .bind(email)
        .bind(client_ip)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

/// A successful login forgets the address's failures (the client's stay counted).
pub async fn forget_failures(pool: &AnyPool, email: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email)
        .execute(pool)
        .await?;
    Ok(())
}
