//! The mail outbox: a request that sends an e-mail writes it to the `outbox` table in the same
//! transaction as the change that causes it, and a worker sends it afterwards. So no request
//! waits for a mail server, no transaction is held open during an SMTP conversation, and a
//! message acknowledged to the person survives a restart or a crash: if the change is committed,
//! so is its message.
//!
//! Each instance runs a worker. A worker takes a message by writing its own id and a lease on the
//! row, conditionally on nobody holding it (a compare-and-set that works alike on SQLite and on
//! PostgreSQL at read committed, where `FOR UPDATE SKIP LOCKED` would be PostgreSQL's own way), so
//! several instances on one database never send a message twice. Once sent, the row is deleted;
//! a failure puts it back with an exponential back-off. A worker that dies while sending leaves a
//! lease that runs out, and the message is sent again then: the only case of a second copy,
//! which carries the same `Message-ID`.
//!
//! Every message counts toward one hourly quota per recipient (`MAIL_PER_ADDRESS`), whatever
//! the route that sends it, so that no form can be used to flood someone's mailbox.

use std::sync::Arc;
use std::time::Duration;

use sqlx::{AnyConnection, AnyPool, Row};
use tokio::sync::Notify;

use super::mail::{Email, SendFailure, Transport};
use super::quotas::{Allowance, Granted};
use crate::platform::clock::Clock;
use crate::platform::secrets::random_token;

/// Messages one address may be sent in an hour, all purposes together.
pub const MAIL_PER_ADDRESS: Allowance = Allowance {
    kind: "mail_to_address",
    limit: 10,
    window_seconds: 3600,
};

/// How long a worker holds a message it took: longer than any SMTP conversation (lettre gives
/// up after a minute), so that a live worker is never overtaken.
const LEASE_SECONDS: i64 = 5 * 60;

/// First wait after a failure, doubled at each further failure up to `LONGEST_WAIT_SECONDS`.
const FIRST_WAIT_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 3600;

/// A message still failing after this long is given up (its links have expired long before).
const GIVE_UP_AFTER_SECONDS: i64 = 3 * 86_400;

/// How often a worker looks for messages queued by other instances, or due again.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Messages taken per look.
const BATCH: i64 = 20;

/// Whether a message was queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    Yes,
    /// The recipient's hourly quota is spent: the message is dropped (and logged).
    OverQuota,
}

/// Queues `email` in the caller's transaction; it is sent once the transaction commits (call
/// [`Outbox::wake`] then, or the worker finds it within `POLL_INTERVAL`).
pub async fn enqueue(
    connection: &mut AnyConnection,
    now: i64,
    email: &Email,
    event: &'static str,
) -> anyhow::Result<Queued> {
    let address = email.to.to_lowercase();
    if let Granted::No { .. } = MAIL_PER_ADDRESS.take(connection, &address, now).await? {
        tracing::warn!(event, outcome = "mail_quota_reached");
        return Ok(Queued::OverQuota);
    }
    sqlx::query(
        "INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts) \
         VALUES ($1, $2, $3, $4, $5, $5, 0)",
    )
    .bind(random_token())
    .bind(&email.to)
    .bind(&email.subject)
    .bind(&email.body)
    .bind(now)
    .execute(connection)
    .await?;
    Ok(Queued::Yes)
}

/// This instance's handle on its worker.
#[derive(Clone, Default)]
pub struct Outbox {
    wake: Arc<Notify>,
}

impl Outbox {
    /// Tells the worker a message was committed, so that it goes at once.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Starts this instance's worker; it runs until aborted.
    pub fn spawn_worker(
        &self,
        pool: AnyPool,
        clock: Clock,
        transport: Arc<dyn Transport>,
    ) -> tokio::task::JoinHandle<()> {
        let wake = Arc::clone(&self.wake);
        let worker = Worker::new(pool, clock, transport);
        tokio::spawn(async move {
            loop {
                if let Err(error) = worker.deliver_due().await {
                    tracing::error!(error = format!("{error:#}"), "outbox: delivery failed");
                }
                tokio::select! {
                    () = wake.notified() => {}
                    () = tokio::time::sleep(POLL_INTERVAL) => {}
                }
            }
        })
    }
}

/// One worker: takes due messages, sends them, records what happened.
pub struct Worker {
    id: String,
    pool: AnyPool,
    clock: Clock,
    transport: Arc<dyn Transport>,
}

impl Worker {
    pub fn new(pool: AnyPool, clock: Clock, transport: Arc<dyn Transport>) -> Worker {
        Worker {
            id: random_token(),
            pool,
            clock,
            transport,
        }
    }

    /// Sends every message due now that nobody holds; returns how many were sent.
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        let mut sent = 0;
        loop {
            let now = self.clock.now();
            let due: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM outbox WHERE next_attempt_at <= $1 \
                 AND (claimed_until IS NULL OR claimed_until <= $1) \
                 ORDER BY next_attempt_at, created_at LIMIT $2",
            )
            .bind(now)
            .bind(BATCH)
            .fetch_all(&self.pool)
            .await?;
            if due.is_empty() {
                return Ok(sent);
            }
            let mut taken_any = false;
            for id in due {
                if let Some(message) = self.take(&id, now).await? {
                    taken_any = true;
                    if self.send(&id, message).await? {
                        sent += 1;
                    }
                }
            }
            // Everything seen was taken by other workers meanwhile: theirs to send.
            if !taken_any {
                return Ok(sent);
            }
        }
    }

    /// Holds a message for this worker if nobody else does; returns it and its history.
    async fn take(&self, id: &str, now: i64) -> anyhow::Result<Option<Pending>> {
        let taken = sqlx::query(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 \
             WHERE id = $3 AND next_attempt_at <= $4 \
             AND (claimed_until IS NULL OR claimed_until <= $4)",
        )
        .bind(&self.id)
        .bind(now + LEASE_SECONDS)
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if taken.rows_affected() == 0 {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT recipient, subject, body, created_at, attempts FROM outbox \
             WHERE id = $1 AND claimed_by = $2",
        )
        .bind(id)
        .bind(&self.id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(Pending {
            email: Email {
                to: row.try_get("recipient")?,
                subject: row.try_get("subject")?,
                body: row.try_get("body")?,
            },
            created_at: row.try_get("created_at")?,
            attempts: row.try_get("attempts")?,
        }))
    }

    /// Sends a message this worker holds and records the outcome; true if it went.
    async fn send(&self, id: &str, message: Pending) -> anyhow::Result<bool> {
        let outcome = self.transport.send(id, &message.email).await;
        let now = self.clock.now();
        match outcome {
            Ok(()) => {
                sqlx::query("DELETE FROM outbox WHERE id = $1 AND claimed_by = $2")
                    .bind(id)
                    .bind(&self.id)
                    .execute(&self.pool)
                    .await?;
                tracing::info!(outbox_id = id, attempts = message.attempts + 1, "mail sent");
                Ok(true)
            }
            Err(failure)
                if failure.permanent || now - message.created_at > GIVE_UP_AFTER_SECONDS =>
            {
                self.give_up(id, &failure).await?;
                Ok(false)
            }
            Err(failure) => {
                let attempts = message.attempts + 1;
                let wait = retry_wait(attempts);
                sqlx::query(
                    "UPDATE outbox SET attempts = $1, next_attempt_at = $2, \
                     claimed_by = NULL, claimed_until = NULL WHERE id = $3 AND claimed_by = $4",
                )
                .bind(attempts)
                .bind(now + wait)
                .bind(id)
                .bind(&self.id)
                .execute(&self.pool)
                .await?;
                tracing::warn!(
                    outbox_id = id,
                    attempts,
                    retry_in_seconds = wait,
                    reason = %failure.reason,
                    "mail not sent, will retry"
                );
                Ok(false)
            }
        }
    }

    async fn give_up(&self, id: &str, failure: &SendFailure) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM outbox WHERE id = $1 AND claimed_by = $2")
            .bind(id)
            .bind(&self.id)
            .execute(&self.pool)
            .await?;
        tracing::error!(
            outbox_id = id,
            permanent = failure.permanent,
            reason = %failure.reason,
            "mail given up"
        );
        Ok(())
    }
}

struct Pending {
    email: Email,
    created_at: i64,
    attempts: i64,
}

/// Seconds to wait after the `attempts`-th failure: 30 s, 1 min, 2 min… up to an hour.
fn retry_wait(attempts: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    (FIRST_WAIT_SECONDS << doublings).min(LONGEST_WAIT_SECONDS)
}

/// Messages not sent yet (tests and the crash check wait for it to reach 0).
pub async fn pending(pool: &AnyPool) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(pool)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::retry_wait;

    #[test]
    fn the_wait_doubles_after_each_failure_up_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(retry_wait).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(retry_wait(1000), 3600);
    }
}
