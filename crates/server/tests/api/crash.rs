//! The crash test: the real server binary under a write load (signups, verifications, pupils with
//! photos), killed with SIGKILL at a random moment, restarted on the same data, three times.
//! Everything that got a 2xx before a kill is found afterwards: the account, its verification,
//! the pupil and its photo, the verification e-mail (sent, or still queued); SQLite's
//! `integrity_check` says `ok`, and no file is left without its pupil.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::multipart::Form;
use sqlx::Row;
use tempfile::TempDir;

use crate::binary::{client, new_family, post_json, token_in_outbox, Server};
use crate::helpers::pupils::{pupil, pupil_body, COLLEGE_92};
use crate::helpers::{family_signup, fresh_database_url};

const ROUNDS: usize = 3;

/// What the server acknowledged with a 2xx.
#[derive(Default, Clone)]
struct Acknowledged {
    signups: Vec<String>,
    verified: Vec<String>,
    /// (pupil id, the family's session cookie).
    pupils: Vec<(String, String)>,
}

/// A small deterministic generator for the kill moments (the seed is printed on failure).
struct Moments(u64);

impl Moments {
    fn next_millis(&mut self, from: u64, to: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from + self.0 % (to - from)
    }
}

/// A photo of a phone's size, smooth enough to weigh what one does (about 44 KB): the load's
/// pace depends on it.
fn photo() -> Vec<u8> {
    let image = image::RgbImage::from_fn(600, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .unwrap();
    out
}

/// A pupil named `name` with a photo, as a multipart body.
fn pupil_with_photo(name: &str) -> Form {
    let photo = ("photo", "image/jpeg", photo());
    pupil_body(&pupil(name, (14, 3, 2014), COLLEGE_92, false), vec![photo])
}

/// Signups, one after another, until the server stops answering.
async fn sign_up(address: String, round: usize, acknowledged: Arc<Mutex<Acknowledged>>) {
    for i in 0.. {
        let email = format!("charge.{round}.{i}@example.fr");
        match post_json(&address, "/api/accounts", family_signup(&email, "92000")).await {
            Some(202) => acknowledged.lock().unwrap().signups.push(email),
            Some(status) => panic!("signup answered {status}"),
            None => return,
        }
    }
}

/// Verifies the addresses signed up in this round (from `first`), as their e-mails arrive.
async fn verify(
    address: String,
    outbox: PathBuf,
    acknowledged: Arc<Mutex<Acknowledged>>,
    first: usize,
    killed: Arc<AtomicBool>,
) {
    let mut done = first;
    while !killed.load(Ordering::SeqCst) {
        let next = acknowledged.lock().unwrap().signups.get(done).cloned();
        let Some(email) = next else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let Some(token) = token_in_outbox(&outbox, &email).await else {
            return;
        };
        let body = serde_json::json!({ "token": token });
        match post_json(&address, "/api/accounts/verification", body).await {
            Some(200) => acknowledged.lock().unwrap().verified.push(email),
            Some(status) => panic!("verification answered {status}"),
            None => return,
        }
        done += 1;
    }
}

/// Pupils and their photos, ten for the family signed in (the most a family may have), then
/// for new families, until the server stops answering.
async fn add_pupils(
    address: String,
    outbox: PathBuf,
    (round, first_family): (usize, String),
    acknowledged: Arc<Mutex<Acknowledged>>,
) {
    let mut cookie = first_family;
    for family in 1.. {
        for child in 0..10 {
            let sent = client()
                .post(format!("{address}/api/pupils"))
                .header("origin", &address)
                .header("cookie", &cookie)
                .multipart(pupil_with_photo(&format!(
                    "Enfant{}",
                    "é".repeat(child + 1)
                )))
                .send()
                .await;
            let Ok(response) = sent else { return };
            if response.status() != 201 {
                panic!("adding a pupil answered {}", response.status());
            }
            let Ok(body) = response.json::<serde_json::Value>().await else {
                return;
            };
            let id = body["id"].as_str().unwrap().to_owned();
            acknowledged
                .lock()
                .unwrap()
                .pupils
                .push((id, cookie.clone()));
        }
        let email = format!("famille.{round}.{family}@example.fr");
        let Some(next) = new_family(&address, &outbox, &email).await else {
            return;
        };
        cookie = next;
    }
}

/// Everything acknowledged is there, and the database is whole.
async fn check(address: &str, database_url: &str, outbox: &Path, acknowledged: &Acknowledged) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database_url).await.unwrap();
    // The queue first, the folder after: a message only moves from the one to the other (the
    // restarted server's worker is sending meanwhile), so read in this order none is missed.
    let mut not_queued = Vec::new();
    for email in &acknowledged.signups {
        let account = sqlx::query("SELECT COUNT(*) AS n FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(account.get::<i64, _>("n"), 1, "{email}: account lost");
        let queued = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE recipient = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap()
            .get::<i64, _>("n");
        if queued == 0 {
            not_queued.push(email);
        }
    }
    let sent: Vec<String> = std::fs::read_dir(outbox)
        .unwrap()
        .flatten()
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap_or_default())
        .collect();
    for email in not_queued {
        let written = sent
            .iter()
            .any(|message| message.contains(&format!("To: {email}")));
        assert!(written, "{email}: verification e-mail lost");
    }
    for email in &acknowledged.verified {
        let row = sqlx::query("SELECT verified_at FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(
            row.get::<Option<i64>, _>("verified_at").is_some(),
            "{email}: verification lost"
        );
    }
    for (id, cookie) in &acknowledged.pupils {
        let response = client()
            .get(format!("{address}/api/pupils/{id}/photo"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "pupil {id}: photo lost");
        let bytes = response.bytes().await.unwrap();
        assert!(
            bytes.starts_with(&[0xFF, 0xD8]),
            "pupil {id}: photo damaged"
        );
    }
    let orphans = sqlx::query(
        "SELECT COUNT(*) AS n FROM pupil_files WHERE pupil_id NOT IN (SELECT id FROM pupils)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(orphans.get::<i64, _>("n"), 0, "files without their pupil");
    if database_url.starts_with("sqlite:") {
        let integrity = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(integrity.get::<String, _>(0), "ok");
    }
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn what_was_acknowledged_survives_a_kill_at_any_moment() {
    let dir = TempDir::new().unwrap();
    let database_url = fresh_database_url(dir.path()).await;
    let outbox = dir.path().join("outbox");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut moments = Moments(seed);
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    for round in 0..ROUNDS {
        let server = Server::start(dir.path(), &database_url, Stdio::inherit(), "warn");
        let address = server.address.clone();
        let family = new_family(&address, &outbox, &format!("famille.{round}.0@example.fr"))
            .await
            .expect("a family before the load");
        let first = acknowledged.lock().unwrap().signups.len();
        let killed = Arc::new(AtomicBool::new(false));
        let load = [
            tokio::spawn(sign_up(address.clone(), round, acknowledged.clone())),
            tokio::spawn(verify(
                address.clone(),
                outbox.clone(),
                acknowledged.clone(),
                first,
                killed.clone(),
            )),
            tokio::spawn(add_pupils(
                address.clone(),
                outbox.clone(),
                (round, family),
                acknowledged.clone(),
            )),
        ];
        let kill_after = moments.next_millis(300, 2000);
        tokio::time::sleep(Duration::from_millis(kill_after)).await;
        server.kill();
        killed.store(true, Ordering::SeqCst);
        for task in load {
            if let Ok(Err(panic)) = tokio::time::timeout(Duration::from_secs(10), task).await {
                std::panic::resume_unwind(panic.into_panic());
            }
        }
        let server = Server::start(dir.path(), &database_url, Stdio::inherit(), "warn");
        let done = acknowledged.lock().unwrap().clone();
        eprintln!(
            "round {round} (seed {seed}): killed after {kill_after} ms; so far {} signups, {} \
             verified, {} pupils acknowledged",
            done.signups.len(),
            done.verified.len(),
            done.pupils.len()
        );
        check(&server.address, &database_url, &outbox, &done).await;
        server.kill();
    }
    let done = acknowledged.lock().unwrap();
    assert!(
        !done.signups.is_empty() && !done.pupils.is_empty(),
        "the load acknowledged nothing to check"
    );
}
