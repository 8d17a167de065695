//! Server-side sessions: a small table of our own rather than a crate, because what is needed is
//! small (create, find, end one, end all of an account's) and a table makes "end every other
//! session" one query. The cookie carries 128 random bits; the table keeps only their hash.

use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use passplus_validation::active_sessions::device_of;
use sqlx::{AnyPool, Row};

use crate::http::error::AppError;
use crate::platform::secrets::{random_token, token_hash};
use crate::startup::AppState;

/// `__Host-`: the browser accepts it only Secure, from the site itself, for the whole site.
pub const COOKIE_NAME: &str = "__Host-passplus_session";

/// Opens a session for an account (a new id at every login) and returns the cookie's value.
/// The browser's `User-Agent` names its device in the list of sessions (browser and system
/// only).
pub async fn create(
    pool: &AnyPool,
    now: i64,
    account_id: &str,
    headers: &HeaderMap,
) -> anyhow::Result<String> {
    let token = random_token();
    let user_agent = headers
        .get(USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at, device) \
         VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(now)
    .bind(device_of(user_agent))
    .execute(pool)
    .await?;
    Ok(token)
}

pub async fn delete(pool: &AnyPool, token: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(token_hash(token))
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of an account (after a password change or reset).
pub async fn delete_all_for_account(pool: &AnyPool, account_id: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The `Set-Cookie` value that stores a session in the browser until it closes.
pub fn cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; Secure; SameSite=Lax"
    ))
    .expect("tokens are URL-safe base64")
}

/// The `Set-Cookie` value that removes it.
pub fn removal_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "__Host-passplus_session=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0",
    )
}

pub fn set_cookie_header(value: HeaderValue) -> [(axum::http::HeaderName, HeaderValue); 1] {
    [(SET_COOKIE, value)]
}

fn token_from(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE_NAME)
}

/// The value of the cookie `name` the browser sent, if any.
pub fn cookie_value(headers: &HeaderMap, cookie_name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie_name)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The signed-in account of a request; rejects with 401 when there is none or it expired.
pub struct CurrentSession {
    pub token: String,
    pub account_id: String,
    pub created_at: i64,
}

impl FromRequestParts<AppState> for CurrentSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = token_from(&parts.headers).ok_or(AppError::Unauthorized)?;
        let now = state.clock.now();
        let row = sqlx::query(
            "SELECT account_id, created_at, last_seen_at FROM sessions WHERE id_hash = $1",
        )
        .bind(token_hash(&token))
        .fetch_optional(&state.pool)
        .await
        .map_err(anyhow::Error::from)?
        .ok_or(AppError::Unauthorized)?;
        let account_id: String = row.try_get("account_id").map_err(anyhow::Error::from)?;
        let created_at: i64 = row.try_get("created_at").map_err(anyhow::Error::from)?;
        let last_seen_at: i64 = row.try_get("last_seen_at").map_err(anyhow::Error::from)?;

        let idle = now - last_seen_at > state.config.session_idle_minutes * 60;
        let too_old = now - created_at > state.config.session_absolute_hours * 3600;
        if idle || too_old {
            delete(&state.pool, &token).await?;
            return Err(AppError::Unauthorized);
        }
        // One write a minute at most, not one per request.
        if now - last_seen_at >= 60 {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
                .bind(now)
                .bind(token_hash(&token))
                .execute(&state.pool)
                .await
                .map_err(anyhow::Error::from)?;
        }
        Ok(CurrentSession {
            token,
            account_id,
            created_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; __Host-passplus_session=abc; b=2"),
        );
        assert_eq!(token_from(&headers).as_deref(), Some("abc"));
        headers.insert(COOKIE, HeaderValue::from_static("passplus_session=abc"));
        assert_eq!(token_from(&headers), None);
    }

    #[test]
    fn the_cookie_is_host_only_http_only_secure_and_same_site() {
        let value = cookie("abc");
        let text = value.to_str().unwrap();
        for part in [
            "__Host-passplus_session=abc",
            "Path=/",
            "HttpOnly",
            "Secure",
            "SameSite=Lax",
        ] {
            assert!(text.contains(part), "{text} lacks {part}");
        }
        assert!(!text.contains("Domain"));
    }
}
