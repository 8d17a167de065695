//! The database: SQLite (default, a file created on start) or PostgreSQL, through one `AnyPool`
//! and one set of portable migrations.

use std::path::Path;
use std::str::FromStr;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};

pub async fn connect(database_url: &str) -> anyhow::Result<AnyPool> {
    sqlx::any::install_default_drivers();
    let is_sqlite = database_url.starts_with("sqlite:");
    if is_sqlite {
        create_sqlite_parent_dir(database_url)?;
    }
    let options = AnyConnectOptions::from_str(database_url)
        .with_context(|| format!("invalid database URL {}", redact(database_url)))?;
    let pool = AnyPoolOptions::new()
        .max_connections(if is_sqlite { 4 } else { 10 })
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if is_sqlite {
                    // WAL lets readers work during a write; the timeout makes a writer wait for
                    // another instead of failing at once; SQLite does not enforce keys unasked.
                    connection
                        .execute(
                            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; \
                             PRAGMA foreign_keys = ON;",
                        )
                        .await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open the database {}", redact(database_url)))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .context("database migrations failed")?;
    Ok(pool)
}

/// Starts a transaction that writes. SQLite's default transaction takes the write lock only at
/// its first write, and fails at once ("database is locked") if another connection wrote since
/// it read; an immediate one takes the lock first, waiting its turn (`busy_timeout`), so that
/// concurrent requests queue instead of failing. PostgreSQL's row locks need nothing of the kind.
pub async fn begin(pool: &AnyPool) -> sqlx::Result<Transaction<'static, Any>> {
    if is_sqlite(pool) {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// Whether the pool is SQLite's (otherwise PostgreSQL's), for the few statements that differ.
pub fn is_sqlite(pool: &AnyPool) -> bool {
    pool.connect_options().database_url.scheme() == "sqlite"
}

/// Whether the database answers, for the health check.
pub async fn is_up(pool: &AnyPool) -> bool {
    sqlx::query("SELECT 1").execute(pool).await.is_ok()
}

fn create_sqlite_parent_dir(database_url: &str) -> anyhow::Result<()> {
    let path = database_url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    Ok(())
}

/// The URL without its password, for messages and logs.
pub fn redact(database_url: &str) -> String {
    match (database_url.find("://"), database_url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &database_url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _password)) => format!(
                    "{}{user}:***{}",
                    &database_url[..scheme_end + 3],
                    &database_url[at..]
                ),
                None => database_url.to_owned(),
            }
        }
        _ => database_url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_the_logs() {
        assert_eq!(
            redact("postgres://passplus:s3cret@db:5432/passplus"),
            "postgres://passplus:***@db:5432/passplus"
        );
        assert_eq!(
            redact("sqlite://data/passplus.db?mode=rwc"),
            "sqlite://data/passplus.db?mode=rwc"
        );
    }
}
