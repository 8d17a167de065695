//! Device cookies (OWASP's "device cookie" pattern against lockout): a browser that logged in
//! to an account successfully gets a cookie naming it as one of the account's devices, and its
//! failed attempts are counted on their own (see `login_limits`). A random token whose hash is
//! stored, like the session's, rather than a signed value: it needs no key shared by the
//! instances, and deleting the row revokes it.

use axum::http::{HeaderMap, HeaderValue};
use sqlx::AnyPool;

use crate::accounts::sessions::cookie_value;
use crate::platform::secrets::{random_token, token_hash};
use crate::privacy::periods::periods;

pub const COOKIE_NAME: &str = "__Host-passplus_device";

/// The stored hash of the browser's device cookie, if it names a device of the account whose
/// address is `email`.
pub async fn recognise(
    pool: &AnyPool,
    headers: &HeaderMap,
    email: &str,
) -> anyhow::Result<Option<String>> {
    let Some(token) = cookie_value(headers, COOKIE_NAME) else {
        return Ok(None);
    };
    let hash = token_hash(&token);
    let known: Option<String> = sqlx::query_scalar(
        "SELECT trusted_devices.token_hash FROM trusted_devices \
         JOIN accounts ON accounts.id = trusted_devices.account_id \
         WHERE trusted_devices.token_hash = $1 AND accounts.email = $2",
    )
    .bind(&hash)
    .bind(email)
    .fetch_optional(pool)
    .await?;
    Ok(known)
}

/// After a successful login: the device is remembered (or its last use updated); returns the
/// cookie to set when it is new to the account.
pub async fn remember(
    pool: &AnyPool,
    now: i64,
    account_id: &str,
    known: Option<&str>,
) -> anyhow::Result<Option<HeaderValue>> {
    if let Some(hash) = known {
        sqlx::query("UPDATE trusted_devices SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(hash)
            .execute(pool)
            .await?;
        return Ok(None);
    }
    let token = random_token();
    sqlx::query(
        "INSERT INTO trusted_devices (token_hash, account_id, created_at, last_used_at) \
         VALUES ($1, $2, $3, $3)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(Some(cookie(&token)))
}

/// Forgets the devices unused since `unused_since` (the purge, with the registry's period).
pub async fn purge(connection: &mut sqlx::AnyConnection, unused_since: i64) -> anyhow::Result<u64> {
    Ok(
        sqlx::query("DELETE FROM trusted_devices WHERE last_used_at < $1")
            .bind(unused_since)
            .execute(connection)
            .await?
            .rows_affected(),
    )
}

/// Kept across browser restarts (unlike the session), sent only to the site, never to scripts.
fn cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; Max-Age={}; HttpOnly; Secure; SameSite=Strict",
        periods().trusted_device_days * 86_400
    ))
    .expect("tokens are URL-safe base64")
}
