//! Background jobs. The purge deletes what the privacy registry says must not be kept any more,
//! with the periods it reads there (`privacy::periods`): accounts whose address was never
//! verified, accounts past their school years and benefit records past their six
//! (`privacy::retention`), sessions, login failures, spent links, counters and devices past their
//! time. Uploaded files live in their rows and go with them. It logs counts, never whose.
//!
//! One instance purges at a time, even with several servers on one PostgreSQL: a session-level
//! advisory lock, taken without waiting; the others skip their turn. SQLite is one server's.

use std::time::Duration;

use sqlx::AnyPool;

use crate::accounts::{login_limits, trusted_devices};
use crate::config::Config;
use crate::platform::db;
use crate::platform::quotas;
use crate::privacy::periods::{periods, Periods};
use crate::privacy::retention::{self, Mode, Removed};
use crate::startup::AppState;

/// What one purge removed, or would remove in a dry run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub unverified_accounts: u64,
    pub sessions: u64,
    pub login_failures: u64,
    pub links: u64,
    pub quotas: u64,
    pub trusted_devices: u64,
    pub past_retention: Removed,
}

/// The purge with the registry's periods: what `spawn_hourly_purge` runs. `None` when another
/// instance is purging.
pub async fn purge(pool: &AnyPool, config: &Config, now: i64) -> anyhow::Result<Option<Purged>> {
    purge_with(pool, config, periods(), now, Mode::Delete).await
}

/// The purge with `periods`, deleting or only counting (`passplus-server purge --dry-run`).
pub async fn purge_with(
    pool: &AnyPool,
    config: &Config,
    periods: &Periods,
    now: i64,
    mode: Mode,
) -> anyhow::Result<Option<Purged>> {
    let postgres = !db::is_sqlite(pool);
    let mut lock = pool.acquire().await?;
    if postgres {
        let taken: i64 = sqlx::query_scalar(
            "SELECT CAST(CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END AS BIGINT)",
        )
        .bind(PURGE_LOCK)
        .fetch_one(&mut *lock)
        .await?;
        if taken == 0 {
            return Ok(None);
        }
    }
    let outcome = purge_unlocked(pool, config, periods, now, mode).await;
    if postgres {
        let released = sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(PURGE_LOCK)
            .execute(&mut *lock)
            .await;
        if released.is_err() {
            // A connection that may still hold the lock must not go back to the pool; closed,
            // it releases the lock with it.
            lock.close().await?;
        }
    }
    outcome.map(Some)
}

/// The advisory lock's key: any number, the same in every instance ("Pass" in ASCII).
pub const PURGE_LOCK: i64 = 0x5061_7373;

async fn purge_unlocked(
    pool: &AnyPool,
    config: &Config,
    periods: &Periods,
    now: i64,
    mode: Mode,
) -> anyhow::Result<Purged> {
    let unverified_before = now - periods.unverified_account_days * 86_400;
    let idle_before = now - config.session_idle_minutes * 60;
    let created_before = now - config.session_absolute_hours * 3600;
    let failures_before = now - periods.login_failure_days * 86_400;
    let gates_before = now - config.login_limits.window_minutes * 60;
    let mut transaction = db::begin(pool).await?;
    let unverified_accounts =
        sqlx::query("DELETE FROM accounts WHERE verified_at IS NULL AND created_at < $1")
            .bind(unverified_before)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
    let sessions = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    let login_failures = sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(failures_before)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    let links = sqlx::query("DELETE FROM email_links WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    // Every allowance's window is a day at most (`Periods::check`).
    let quotas = quotas::purge(&mut transaction, now, 86_400).await?;
    let trusted_devices =
        trusted_devices::purge(&mut transaction, now - periods.trusted_device_days * 86_400)
            .await?;
    login_limits::purge_gates(&mut transaction, gates_before).await?;
    match mode {
        Mode::Delete => transaction.commit().await?,
        Mode::DryRun => transaction.rollback().await?,
    }
    let past_retention = retention::apply(pool, periods, now, mode).await?;
    Ok(Purged {
        unverified_accounts,
        sessions,
        login_failures,
        links,
        quotas,
        trusted_devices,
        past_retention,
    })
}

/// Runs the purge now and then every hour, for as long as the server runs.
pub fn spawn_hourly_purge(state: AppState) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match purge(&state.pool, &state.config, state.clock.now()).await {
                Ok(Some(purged)) if purged != Purged::default() => {
                    tracing::info!(?purged, "purge")
                }
                Ok(Some(_)) => {}
                Ok(None) => tracing::info!("purge: another instance is purging"),
                Err(error) => tracing::error!(error = format!("{error:#}"), "purge failed"),
            }
        }
    });
}
