//! The mail outbox: e-mails are queued with the change that causes them and sent by a worker,
//! so a slow, failing or stuck mail server never holds a request or the database, a message
//! acknowledged survives a restart, and several servers on one database send it once.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use passplus_server::platform::clock::Clock;
use passplus_server::platform::db;
use passplus_server::platform::mail::{Email, SendFailure, Sending, Transport};
use passplus_server::platform::outbox::{self, Worker};
use passplus_validation::links::VERIFY_EMAIL_PATH;
use serde_json::json;
use tokio::sync::Semaphore;

use crate::helpers::mail::link_token;
use crate::helpers::{
    family_signup, fresh_database_url, restart_with, second_instance, spawn_app,
    spawn_app_with_mail, TestApp, FAMILY_PASSWORD, START,
};

/// A mail server for tests: records what it accepts, after a delay; can be made to fail, or to
/// hang until released.
#[derive(Default)]
struct TestMail {
    delay: Duration,
    failing: AtomicBool,
    /// When set, every sending waits for a permit that never comes unless added.
    stuck: Option<Semaphore>,
    attempts: AtomicUsize,
    sent: Mutex<Vec<(String, Email)>>,
}

impl TestMail {
    fn working() -> Arc<TestMail> {
        Arc::new(TestMail::default())
    }

    fn slow(delay: Duration) -> Arc<TestMail> {
        Arc::new(TestMail {
            delay,
            ..TestMail::default()
        })
    }

    fn failing() -> Arc<TestMail> {
        let mail = TestMail::default();
        mail.failing.store(true, Ordering::SeqCst);
        Arc::new(mail)
    }

    fn stuck() -> Arc<TestMail> {
        Arc::new(TestMail {
            stuck: Some(Semaphore::new(0)),
            ..TestMail::default()
        })
    }

    fn sent_to(&self, address: &str) -> Vec<Email> {
        let sent = self.sent.lock().unwrap();
        sent.iter()
            .filter(|(_, email)| email.to == address)
            .map(|(_, email)| email.clone())
            .collect()
    }

    fn sent_ids(&self) -> Vec<String> {
        let sent = self.sent.lock().unwrap();
        sent.iter().map(|(id, _)| id.clone()).collect()
    }

    async fn wait_for_attempts(&self, at_least: usize) {
        for _ in 0..500 {
            if self.attempts.load(Ordering::SeqCst) >= at_least {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the mail server was not tried {at_least} times within 5 s");
    }
}

impl Transport for TestMail {
    fn send<'a>(&'a self, id: &'a str, email: &'a Email) -> Sending<'a> {
        Box::pin(async move {
            self.attempts.fetch_add(1, Ordering::SeqCst);
            if let Some(gate) = &self.stuck {
                let _permit = gate.acquire().await;
            }
            tokio::time::sleep(self.delay).await;
            if self.failing.load(Ordering::SeqCst) {
                return Err(SendFailure {
                    permanent: false,
                    reason: "test mail server down".to_owned(),
                });
            }
            self.sent
                .lock()
                .unwrap()
                .push((id.to_owned(), email.clone()));
            Ok(())
        })
    }
}

/// Waits until the outbox's only message has failed `attempts` times; returns when it is due.
async fn recorded_failures(app: &TestApp, attempts: i64) -> i64 {
    for _ in 0..500 {
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT attempts, next_attempt_at FROM outbox")
                .fetch_optional(&app.state.pool)
                .await
                .unwrap();
        match row {
            Some((recorded, next_attempt_at)) if recorded == attempts => return next_attempt_at,
            Some((recorded, _)) => assert!(recorded < attempts, "{recorded} failures recorded"),
            None => panic!("the message left the outbox"),
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{attempts} failures were not recorded within 5 s");
}

async fn wait_until_sent(mail: &TestMail, address: &str, count: usize) -> Vec<Email> {
    for _ in 0..500 {
        let sent = mail.sent_to(address);
        if sent.len() >= count {
            return sent;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("fewer than {count} messages to {address} within 5 s");
}

#[tokio::test]
async fn a_message_acknowledged_while_the_mail_server_is_down_is_sent_after_a_restart() {
    let down = TestMail::failing();
    let app = spawn_app_with_mail(down.clone()).await;
    let signup = app.sign_up("patiente@example.org").await;
    assert_eq!(signup.status(), 202);
    // The failure is recorded: the message waits for its next attempt, held by nobody.
    recorded_failures(&app, 1).await;

    let working = TestMail::working();
    let app = restart_with(app, Some(working.clone())).await;
    // The first failure put the message back for 30 seconds.
    app.clock.advance(31);
    let sent = wait_until_sent(&working, "patiente@example.org", 1).await;
    // The row goes once the transport has taken the message: a moment after, not at once.
    app.mail_delivered().await;
    assert_eq!(verify_by_link(&app, &sent[0]).await, 200);
}

/// Uses the verification link of a message; returns the answer's status.
async fn verify_by_link(app: &TestApp, message: &Email) -> u16 {
    let token = link_token(&message.body, VERIFY_EMAIL_PATH).expect("a verification link");
    app.verify(&token).await.status().as_u16()
}

#[tokio::test]
async fn a_failing_mail_server_is_retried_with_back_off_and_the_message_sent_once() {
    let mail = TestMail::failing();
    let app = spawn_app_with_mail(mail.clone()).await;
    app.sign_up("retry@example.org").await;
    assert_eq!(recorded_failures(&app, 1).await, app.clock.now() + 30);
    // Due again after 30 s: fails a second time, then waits 60 s.
    app.clock.advance(30);
    assert_eq!(recorded_failures(&app, 2).await, app.clock.now() + 60);

    mail.failing.store(false, Ordering::SeqCst);
    app.clock.advance(60);
    wait_until_sent(&mail, "retry@example.org", 1).await;
    // Later passes of the worker find nothing more to send.
    app.clock.advance(3600);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(mail.sent_to("retry@example.org").len(), 1);
    assert_eq!(mail.attempts.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn two_servers_on_one_database_send_each_message_once() {
    let (first_mail, second_mail) = (
        TestMail::slow(Duration::from_millis(5)),
        TestMail::slow(Duration::from_millis(5)),
    );
    let first = spawn_app_with_mail(first_mail.clone()).await;
    let second = second_instance(&first, Some(second_mail.clone())).await;
    // Families signing up through either server, as behind a load balancer.
    for index in 0..20 {
        let server = if index % 2 == 0 { &first } else { &second };
        let signup = server
            .sign_up_with(&family_signup(
                &format!("famille{index}@example.org"),
                "78000",
            ))
            .await;
        assert_eq!(signup.status(), 202);
    }
    first.mail_delivered().await;
    let mut ids = first_mail.sent_ids();
    ids.extend(second_mail.sent_ids());
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), 20, "every message sent once");
    assert_eq!(unique.len(), 20);
}

#[tokio::test]
async fn workers_racing_for_the_same_messages_never_send_one_twice() {
    let dir = tempfile::tempdir().unwrap();
    let pool = db::connect(&fresh_database_url(dir.path()).await)
        .await
        .unwrap();
    let clock = Clock::fixed(START);
    let mut transaction = db::begin(&pool).await.unwrap();
    for index in 0..40 {
        let email = Email {
            to: format!("course{index}@example.org"),
            subject: "Test".to_owned(),
            body: format!("Message {index}"),
        };
        outbox::enqueue(&mut transaction, clock.now(), &email, "test")
            .await
            .unwrap();
    }
    transaction.commit().await.unwrap();

    let mails: Vec<Arc<TestMail>> = (0..3)
        .map(|_| TestMail::slow(Duration::from_millis(5)))
        .collect();
    let workers: Vec<Worker> = mails
        .iter()
        .map(|mail| Worker::new(pool.clone(), clock.clone(), mail.clone()))
        .collect();
    // All three look at the same due messages at the same moment.
    let counts: Vec<usize> = join_all(workers.iter().map(Worker::deliver_due))
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(counts.iter().sum::<usize>(), 40);
    let ids: Vec<String> = mails.iter().flat_map(|mail| mail.sent_ids()).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 40);
    assert!(
        counts.iter().filter(|count| **count > 0).count() >= 2,
        "the workers shared the work: {counts:?}"
    );
    assert_eq!(outbox::pending(&pool).await.unwrap(), 0);
}

/// How long one request takes, with its status.
async fn timed(app: &TestApp, path: &str, body: &serde_json::Value) -> (u16, Duration) {
    let started = Instant::now();
    let status = app.post_json(path, body).await.status().as_u16();
    (status, started.elapsed())
}

/// The middle of five durations.
fn median(mut durations: Vec<Duration>) -> Duration {
    durations.sort();
    durations[durations.len() / 2]
}

#[tokio::test]
async fn with_a_slow_mail_server_known_and_unknown_addresses_get_the_same_answer_as_fast() {
    let mail = TestMail::slow(Duration::from_millis(500));
    let app = spawn_app_with_mail(mail.clone()).await;
    signed_in_family_without_outbox(&app, &mail, "connue@example.org").await;
    for (path, known, unknown) in [
        (
            "/api/accounts/verification-email",
            json!({ "email": "connue@example.org" }),
            json!({ "email": "inconnue@example.org" }),
        ),
        (
            "/api/password-reset",
            json!({ "email": "connue@example.org" }),
            json!({ "email": "inconnue@example.org" }),
        ),
        (
            "/api/accounts",
            family_signup("connue@example.org", "92000"),
            family_signup("inconnue-bis@example.org", "92000"),
        ),
    ] {
        let (mut known_times, mut unknown_times) = (Vec::new(), Vec::new());
        // Interleaved, so that the machine's load weighs on both alike.
        for _ in 0..3 {
            let (known_status, known_time) = timed(&app, path, &known).await;
            let (unknown_status, unknown_time) = timed(&app, path, &unknown).await;
            assert_eq!(known_status, unknown_status, "{path}");
            assert_eq!(known_status, 202, "{path}");
            known_times.push(known_time);
            unknown_times.push(unknown_time);
        }
        let (known, unknown) = (median(known_times), median(unknown_times));
        // A message sent during the request would add the mail server's 500 ms to one of them.
        assert!(
            known.abs_diff(unknown) < Duration::from_millis(250),
            "{path}: known {known:?}, unknown {unknown:?}"
        );
    }
}

/// A verified, signed-in family when the test's own transport receives the messages.
async fn signed_in_family_without_outbox(app: &TestApp, mail: &TestMail, address: &str) {
    assert_eq!(app.sign_up(address).await.status(), 202);
    let sent = wait_until_sent(mail, address, 1).await;
    assert_eq!(verify_by_link(app, &sent[0]).await, 200);
}

#[tokio::test]
async fn requests_whose_mail_is_stuck_delay_neither_the_session_check_nor_a_login() {
    let working = TestMail::working();
    let app = spawn_app_with_mail(working.clone()).await;
    signed_in_family_without_outbox(&app, &working, "attente@example.org").await;
    let stuck = TestMail::stuck();
    let app = restart_with(app, Some(stuck.clone())).await;

    // Four requests whose messages the mail server never accepts.
    let bodies: Vec<_> = (0..4)
        .map(|index| family_signup(&format!("bloquee{index}@example.org"), "78000"))
        .collect();
    let answers = join_all(bodies.iter().map(|body| timed(&app, "/api/accounts", body))).await;
    assert!(answers.iter().all(|(status, _)| *status == 202));
    stuck.wait_for_attempts(1).await;

    let started = Instant::now();
    let session = app.get("/api/session").await;
    assert_eq!(session.status(), 200);
    assert!(started.elapsed() < Duration::from_secs(1));
    let started = Instant::now();
    let login = app.log_in("attente@example.org", FAMILY_PASSWORD).await;
    assert_eq!(login.status(), 200);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn every_message_to_one_address_counts_toward_one_hourly_quota() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("assiegee@example.org", "92000").await;
    for _ in 0..2 {
        let reset = app.ask_password_reset("assiegee@example.org").await;
        assert_eq!(reset.status(), 202);
    }
    // Someone signing up again and again with the address: "you already have an account".
    for _ in 0..10 {
        let signup = app.sign_up("assiegee@example.org").await;
        assert_eq!(signup.status(), 202);
    }
    let sent = app.emails_to("assiegee@example.org").await;
    let count = |marker: &str| sent.iter().filter(|m| m.contains(marker)).count();
    assert_eq!(
        sent.len(),
        10,
        "one verification, two resets, seven notices"
    );
    assert_eq!(count("/verifier-mon-adresse#jeton="), 1);
    assert_eq!(count("/nouveau-mot-de-passe#jeton="), 2);
    assert_eq!(count("/connexion"), 7, "the notices' login link");

    app.clock.advance(3601);
    app.ask_password_reset("assiegee@example.org").await;
    assert_eq!(app.emails_to("assiegee@example.org").await.len(), 11);
}

#[tokio::test]
async fn link_quotas_hold_when_requests_arrive_together() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("ensemble@example.org", "92000").await;
    let requests = (0..12).map(|_| app.ask_password_reset("ensemble@example.org"));
    let answers = join_all(requests).await;
    assert!(answers.iter().all(|answer| answer.status() == 202));
    let resets = app
        .emails_to("ensemble@example.org")
        .await
        .into_iter()
        .filter(|message| message.contains("/nouveau-mot-de-passe#jeton="))
        .count();
    assert_eq!(resets, 3);
}
