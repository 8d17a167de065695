//! Login rate limits: failed attempts are counted per address tried and per client in a sliding
//! window, and an attempt is refused while either count would pass its limit. Kept in the
//! database so that limits hold across restarts and server instances.
//!
//! An attempt is **reserved before the password is hashed**: in one transaction, the counts it
//! belongs to are locked (an upsert on a gate row per address, client or device, which
//! PostgreSQL locks until the commit and SQLite serialises anyway), counted, and its row written
//! if they are within their limits. Attempts arriving together are so counted one after the
//! other, and no more than the limit ever reach the hash (counting first and writing the failure
//! after the hash let 50 simultaneous wrong passwords through). A right password gives the
//! reservation back; a wrong one settles it as a failure. While the limit is reached only with
//! attempts still in flight (a family logging in on two devices at once, a burst of correct
//! logins), the refusal asks to retry in [`IN_FLIGHT_RETRY_SECONDS`], not when the window
//! ends: those attempts may yet be given back.
//!
//! A browser that logged in to the account before carries a device cookie (`trusted_devices`,
//! OWASP's "device cookie" pattern): its attempts count on their own, so that failures made
//! elsewhere (someone guessing the address's password) cannot lock the owner out of their
//! usual browser. Attempts without such a cookie share the address's and the client's counts.

use std::future::Future;

use sqlx::{AnyConnection, AnyPool, Row};

use crate::config::LoginLimits;
use crate::http::error::AppError;
use crate::platform::db;
use crate::platform::secrets::{random_token, token_hash};

/// Who is trying: the address tried, the client address, and the device if it is one the
/// account trusts.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub client: &'a str,
    /// The stored hash of a device cookie valid for this address.
    pub trusted_device: Option<&'a str>,
}

/// An attempt that may go ahead; it counts as a failure unless given back.
#[must_use = "a reservation is in flight, then a failure, unless settled"]
pub struct Reservation {
    id: String,
}

/// How long an attempt may stay in flight (queued for a hash, then hashed) before it counts as
/// a failure even unsettled (its server died mid-check).
const IN_FLIGHT_SECONDS: i64 = 60;
/// The wait asked for while the limit is reached only with attempts in flight.
pub const IN_FLIGHT_RETRY_SECONDS: i64 = 2;

/// Runs a check that reserves an attempt (a login, a current password) in a task of its own,
/// so that it goes to its end whatever the client does: a client hanging up once the attempt
/// is reserved (a phone losing its network) must not leave it in flight, to count as a failure.
pub async fn to_the_end<T: Send + 'static>(
    check: impl Future<Output = Result<T, AppError>> + Send + 'static,
) -> Result<T, AppError> {
    tokio::spawn(check)
        .await
        .map_err(|error| AppError::Internal(error.into()))?
}

/// Reserves an attempt, or says how many seconds to wait before one may be made.
pub async fn reserve(
    pool: &AnyPool,
    now: i64,
    limits: &LoginLimits,
    attempt: &Attempt<'_>,
) -> anyhow::Result<Result<Reservation, i64>> {
    let mut transaction = db::begin(pool).await?;
    // Always in this order (address or device, then client), so two attempts never wait for
    // each other's gates in a cycle.
    for gate in attempt.gates() {
        sqlx::query(
            "INSERT INTO login_gates (key_hash, touched_at) VALUES ($1, $2) \
             ON CONFLICT (key_hash) DO UPDATE SET touched_at = $2",
        )
        .bind(token_hash(&gate))
        .bind(now)
        .execute(&mut *transaction)
        .await?;
    }
    if let Some(seconds) = wait_needed(&mut transaction, now, limits, attempt).await? {
        transaction.rollback().await?;
        return Ok(Err(seconds));
    }
    let id = random_token();
    sqlx::query(
        "INSERT INTO login_failures (id, email, client_ip, device, at, in_flight_until) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(attempt.email)
    .bind(attempt.client)
    .bind(attempt.trusted_device)
    .bind(now)
    .bind(now + IN_FLIGHT_SECONDS)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(Ok(Reservation { id }))
}

impl Attempt<'_> {
    /// The counts this attempt belongs to, as gate keys.
    fn gates(&self) -> Vec<String> {
        match self.trusted_device {
            Some(device) => vec![format!("device\u{0}{device}")],
            None => vec![
                format!("email\u{0}{}", self.email),
                format!("client\u{0}{}", self.client),
            ],
        }
    }
}

impl Reservation {
    /// Runs `check` (the password's hash) and settles the reservation by its outcome: a right
    /// password gives it back, a wrong one makes it a failure, a check not done (the queue is
    /// full) gives it back. Callers run it through [`to_the_end`].
    pub async fn settle_by<E>(
        self,
        pool: &AnyPool,
        check: impl Future<Output = Result<bool, E>>,
    ) -> anyhow::Result<Result<bool, E>> {
        let outcome = check.await;
        match outcome {
            Ok(false) => self.settle_as_failure(pool).await?,
            Ok(true) | Err(_) => self.give_back(pool).await?,
        }
        Ok(outcome)
    }

    /// The password was wrong: the attempt is a failure for the rest of the window.
    async fn settle_as_failure(self, pool: &AnyPool) -> anyhow::Result<()> {
        sqlx::query("UPDATE login_failures SET in_flight_until = NULL WHERE id = $1")
            .bind(&self.id)
            .execute(pool)
            .await?;
        Ok(())
    }

    /// The attempt did not fail (right password, or the request could not be completed): it is
    /// not counted.
    async fn give_back(self, pool: &AnyPool) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE id = $1")
            .bind(&self.id)
            .execute(pool)
            .await?;
        Ok(())
    }
}

/// Seconds until one more attempt counted with this one is allowed, if it is not now.
async fn wait_needed(
    connection: &mut AnyConnection,
    now: i64,
    limits: &LoginLimits,
    attempt: &Attempt<'_>,
) -> anyhow::Result<Option<i64>> {
    let window = limits.window_minutes * 60;
    let since = now - window;
    let counts: Vec<(&str, Vec<&str>, i64)> = match attempt.trusted_device {
        Some(device) => vec![(
            "email = $1 AND device = $2",
            vec![attempt.email, device],
            limits.per_account,
        )],
        None => vec![
            (
                "email = $1 AND device IS NULL",
                vec![attempt.email],
                limits.per_account,
            ),
            (
                "client_ip = $1 AND device IS NULL",
                vec![attempt.client],
                limits.per_client,
            ),
        ],
    };
    let mut wait = None;
    for (condition, values, limit) in counts {
        // Failures (settled, or in flight for too long) apart from attempts in flight.
        let first = values.len() + 1;
        let sql = format!(
            "SELECT COUNT(*) AS attempts, \
             COALESCE(SUM(CASE WHEN in_flight_until > ${} THEN 1 ELSE 0 END), 0) AS in_flight, \
             MIN(CASE WHEN in_flight_until > ${} THEN NULL ELSE at END) AS oldest \
             FROM login_failures WHERE {condition} AND at > ${first}",
            first + 1,
            first + 1,
        );
        let mut query = sqlx::query(&sql);
        for value in values {
            query = query.bind(value);
        }
        let row = query
            .bind(since)
            .bind(now)
            .fetch_one(&mut *connection)
            .await?;
        let attempts: i64 = row.try_get("attempts")?;
        let in_flight: i64 = row.try_get("in_flight")?;
        let seconds = if attempts - in_flight >= limit {
            // The block lifts when the oldest failure in the window leaves it.
            let oldest: i64 = row.try_get("oldest")?;
            (oldest + window - now).max(1)
        } else if attempts >= limit {
            IN_FLIGHT_RETRY_SECONDS
        } else {
            continue;
        };
        wait = Some(wait.map_or(seconds, |w: i64| w.max(seconds)));
    }
    Ok(wait)
}

/// Forgets the gates untouched for a window (the purge).
pub async fn purge_gates(connection: &mut AnyConnection, before: i64) -> anyhow::Result<u64> {
    Ok(sqlx::query("DELETE FROM login_gates WHERE touched_at < $1")
        .bind(before)
        .execute(connection)
        .await?
        .rows_affected())
}

/// A successful login forgets the address's failures counted with it: those of its device, or
/// those made without a device cookie.
pub async fn forget_failures(pool: &AnyPool, attempt: &Attempt<'_>) -> anyhow::Result<()> {
    let query = match attempt.trusted_device {
        Some(device) => sqlx::query("DELETE FROM login_failures WHERE email = $1 AND device = $2")
            .bind(attempt.email)
            .bind(device),
        None => sqlx::query("DELETE FROM login_failures WHERE email = $1 AND device IS NULL")
            .bind(attempt.email),
    };
    query.execute(pool).await?;
    Ok(())
}
