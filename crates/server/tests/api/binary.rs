//! The server binary as a process of its own, for the tests that need one: killed mid-write
//! (`crash`), or read from its standard error (`logs`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use passplus_validation::links::VERIFY_EMAIL_PATH;

use crate::helpers::mail::{link_token, messages_in};
use crate::helpers::{family_signup, CookieJar, FAMILY_PASSWORD, SESSION_COOKIE};

/// The server binary running on `database_url`, its e-mails written to `outbox` in its folder.
pub struct Server {
    child: Child,
    pub address: String,
}

impl Server {
    /// Starts it in `dir` on `database_url`, its log (standard error, at `level`) sent to `log`,
    /// and waits until it listens.
    pub fn start(dir: &Path, database_url: &str, log: Stdio, level: &str) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let site = dir.join("dist");
        std::fs::create_dir_all(&site).unwrap();
        let temporary = dir.join("tmp");
        std::fs::create_dir_all(&temporary).unwrap();
        std::fs::write(
            site.join("index.html"),
            "<!DOCTYPE html><title>Pass+</title>",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_passplus-server"))
            .current_dir(dir)
            .env("PASSPLUS_LISTEN", format!("127.0.0.1:{port}"))
            .env(
                "PASSPLUS_PUBLIC_BASE_URL",
                format!("http://127.0.0.1:{port}"),
            )
            .env("PASSPLUS_DATABASE_URL", database_url)
            .env("PASSPLUS_STATIC_DIR", &site)
            .env("PASSPLUS_FILES_DIR", dir.join("files"))
            .env("PASSPLUS_MAIL__OUTBOX_DIR", dir.join("outbox"))
            // Every request comes from this machine.
            .env("PASSPLUS_ANONYMOUS_LIMITS__PER_CLIENT", "1000000")
            .env("RUST_LOG", level)
            // Where uploads are spooled while they arrive.
            .env("TMPDIR", &temporary)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("the server binary starts");
        let mut ready = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut ready)
            .unwrap();
        assert!(ready.starts_with("Pass+ is ready"), "{ready}");
        Server {
            child,
            address: format!("http://127.0.0.1:{port}"),
        }
    }

    /// The process id, to read its state under `/proc`.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown, no flush, whatever the server was doing.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The length of a link's token (128 bits in URL-safe base64).
const TOKEN_CHARS: usize = 22;

/// The token of the verification e-mail written for `email`, once the worker wrote it.
pub async fn token_in_outbox(outbox: &Path, email: &str) -> Option<String> {
    for _ in 0..100 {
        let to_email = messages_in(outbox)
            .into_iter()
            .find(|message| message.contains(&format!("To: {email}")));
        // The mailer writes a message while this reads: a link cut short (or not there yet) is
        // a file still being written, read again shortly.
        let token = to_email.and_then(|message| link_token(&message, VERIFY_EMAIL_PATH));
        if let Some(token) = token.filter(|token| token.len() == TOKEN_CHARS) {
            return Some(token);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

pub async fn post_json(address: &str, path: &str, body: serde_json::Value) -> Option<u16> {
    let response = client()
        .post(format!("{address}{path}"))
        .header("origin", address)
        .json(&body)
        .send()
        .await
        .ok()?;
    Some(response.status().as_u16())
}

/// A verified family, logged in: its session cookie as a `Cookie` header, `name=value` (none
/// once the server is gone).
pub async fn new_family(address: &str, outbox: &Path, email: &str) -> Option<String> {
    let signup = post_json(address, "/api/accounts", family_signup(email, "92000")).await?;
    assert_eq!(signup, 202);
    let token = token_in_outbox(outbox, email).await?;
    let body = serde_json::json!({ "token": token });
    let verification = post_json(address, "/api/accounts/verification", body).await?;
    assert_eq!(verification, 200);
    let login = client()
        .post(format!("{address}/api/sessions"))
        .header("origin", address)
        .json(&serde_json::json!({ "email": email, "password": FAMILY_PASSWORD }))
        .send()
        .await
        .ok()?;
    assert_eq!(login.status(), 200);
    let mut jar = CookieJar::default();
    jar.keep_from(&login);
    let session = jar.get(SESSION_COOKIE).expect("a session cookie");
    Some(format!("{SESSION_COOKIE}={session}"))
}
