//! Background jobs. The purge deletes what the rules say must not be kept: accounts whose
//! address was never verified, expired sessions, old login failures and spent links, counters
//! and devices past their time. (Uploaded files live in their rows and go with them.) (The privacy registry's retention of pupils' data joins it
//! with re-enrolment: purging before families can re-enrol would delete pupils still in Pass+.)

use std::time::Duration;

use sqlx::AnyPool;

use crate::accounts::{login_limits, trusted_devices};
use crate::config::Config;
use crate::platform::db;
use crate::platform::quotas;
use crate::startup::AppState;

/// What one purge removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub unverified_accounts: u64,
    pub sessions: u64,
    pub login_failures: u64,
    pub links: u64,
    pub quotas: u64,
    pub trusted_devices: u64,
}

pub async fn purge(pool: &AnyPool, config: &Config, now: i64) -> anyhow::Result<Purged> {
    let unverified_before = now - config.unverified_account_days * 86_400;
    let idle_before = now - config.session_idle_minutes * 60;
    let created_before = now - config.session_absolute_hours * 3600;
    let failures_before = now - config.login_limits.window_minutes * 60;
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
    // Every allowance's window is a day at most.
    let quotas = quotas::purge(&mut transaction, now, 86_400).await?;
    let trusted_devices = trusted_devices::purge(&mut transaction, now).await?;
    login_limits::purge_gates(&mut transaction, failures_before).await?;
    transaction.commit().await?;
    Ok(Purged {
        unverified_accounts,
        sessions,
        login_failures,
        links,
        quotas,
        trusted_devices,
    })
}

/// Runs the purge now and then every hour, for as long as the server runs.
pub fn spawn_hourly_purge(state: AppState) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match purge(&state.pool, &state.config, state.clock.now()).await {
                Ok(purged) if purged != Purged::default() => tracing::info!(?purged, "purge"),
                Ok(_) => {}
                Err(error) => tracing::error!(error = format!("{error:#}"), "purge failed"),
            }
        }
    });
}
