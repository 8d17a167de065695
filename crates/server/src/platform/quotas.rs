//! Counted allowances in the database: at most `limit` uses of something per window (e-mails to
//! one address an hour, links of one kind for one account, anonymous requests from one client).
//!
//! Taking a use is one statement that increments the counter and returns it, so two requests
//! at the same moment can never both take the last use: PostgreSQL locks the row for the
//! upsert (whatever the isolation level), SQLite has one writer at a time. Kept in the database
//! rather than in memory (a rate-limiting crate such as governor counts per process), so that
//! limits hold across restarts and across several server instances on one PostgreSQL.
//!
//! Windows are fixed: they start with the first use and last `window_seconds`. The key is
//! stored hashed, so that the table holds no e-mail address or client address.

use sqlx::{AnyConnection, Row};

use crate::platform::secrets::token_hash;

/// What is counted, and how much of it is allowed.
#[derive(Debug, Clone, Copy)]
pub struct Allowance {
    /// Names what is counted, so that two allowances on one key count apart.
    pub kind: &'static str,
    pub limit: i64,
    pub window_seconds: i64,
}

/// Whether a use was granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granted {
    Yes,
    /// All used; the window ends in this many seconds.
    No {
        retry_after_seconds: i64,
    },
}

impl Allowance {
    /// Takes one use for `key` (an address, an account id, a client), in the caller's
    /// transaction when it has one: a use taken by a change that is rolled back is given back.
    pub async fn take(
        &self,
        connection: &mut AnyConnection,
        key: &str,
        now: i64,
    ) -> anyhow::Result<Granted> {
        let row = sqlx::query(
            "INSERT INTO quotas (key_hash, window_start, used) VALUES ($1, $2, 1) \
             ON CONFLICT (key_hash) DO UPDATE SET \
               used = CASE WHEN quotas.window_start <= $3 THEN 1 ELSE quotas.used + 1 END, \
               window_start = CASE WHEN quotas.window_start <= $3 THEN $2 \
                                   ELSE quotas.window_start END \
             RETURNING used, window_start",
        )
        .bind(self.key_hash(key))
        .bind(now)
        .bind(now - self.window_seconds)
        .fetch_one(connection)
        .await?;
        let used: i64 = row.try_get("used")?;
        let window_start: i64 = row.try_get("window_start")?;
        Ok(if used <= self.limit {
            Granted::Yes
        } else {
            Granted::No {
                retry_after_seconds: (window_start + self.window_seconds - now).max(1),
            }
        })
    }

    fn key_hash(&self, key: &str) -> String {
        token_hash(&format!("{}\u{0}{key}", self.kind))
    }
}

/// Forgets the counters whose window ended more than `longest_window_seconds` ago (the purge).
pub async fn purge(
    connection: &mut AnyConnection,
    now: i64,
    longest_window_seconds: i64,
) -> anyhow::Result<u64> {
    Ok(sqlx::query("DELETE FROM quotas WHERE window_start < $1")
        .bind(now - longest_window_seconds)
        .execute(connection)
        .await?
        .rows_affected())
}
