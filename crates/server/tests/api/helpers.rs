//! `spawn_app()`: the real server on 127.0.0.1:0 with a fresh database and a small built site.

use secrecy::ExposeSecret;
use std::path::Path;
use std::sync::Arc;

use passplus_server::config::Config;
use passplus_server::platform::clock::Clock;
use passplus_server::platform::mail::{Mailer, Transport};
use passplus_server::platform::outbox;
use passplus_server::startup::{AppState, Application};
use tempfile::TempDir;

/// The bytes of the precompressed copy of the script.
pub const BROTLI_MARKER: &str = "precompressed";

/// What Trunk writes into index.html, reduced to what the server looks at.
pub const INLINE_LOADER: &str = "import init from '/passplus-web-0123456789abcdef.js';init();";

/// Where the test clock starts (a Tuesday in November 2027).
pub const START: i64 = 1_826_000_000;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub config: Config,
    pub clock: Clock,
    pub state: AppState,
    _shutdown: tokio::sync::oneshot::Sender<()>,
    _dir: Arc<TempDir>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }

    /// A request as the app's own pages send it (same origin).
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .header("origin", &self.address)
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.request(reqwest::Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// Waits until the mail worker has sent every queued message (the outbox table is empty).
    pub async fn mail_delivered(&self) {
        for _ in 0..500 {
            if outbox::pending(&self.state.pool).await.unwrap() == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the outbox was not emptied within 5 s");
    }

    /// The e-mails sent, oldest first, once every queued one is sent: each whole message.
    pub async fn outbox(&self) -> Vec<String> {
        self.mail_delivered().await;
        let mut messages: Vec<(std::time::SystemTime, String)> =
            std::fs::read_dir(&self.config.mail.outbox_dir)
                .map(|entries| {
                    entries
                        .filter_map(|entry| {
                            let entry = entry.ok()?;
                            let modified = entry.metadata().ok()?.modified().ok()?;
                            Some((modified, std::fs::read_to_string(entry.path()).ok()?))
                        })
                        .collect()
                })
                .unwrap_or_default();
        messages.sort_by_key(|(modified, _)| *modified);
        messages.into_iter().map(|(_, text)| text).collect()
    }

    /// The messages sent to an address.
    pub async fn emails_to(&self, address: &str) -> Vec<String> {
        self.outbox()
            .await
            .into_iter()
            .filter(|message| message.contains(&format!("To: {address}")))
            .collect()
    }

    /// The token of the last verification link sent to an address.
    pub async fn last_verification_token(&self, address: &str) -> String {
        let messages = self.emails_to(address).await;
        let message = messages.last().expect("an e-mail was sent");
        let start = message.find("jeton=").expect("a verification link") + "jeton=".len();
        message[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }
}

/// A server on a fresh database.
/// The password of the families the tests sign up.
pub const FAMILY_PASSWORD: &str = "une phrase de passe solide";

/// A family's signup body, living at `postal_code`.
pub fn family_signup(email: &str, postal_code: &str) -> serde_json::Value {
    serde_json::json!({
        "email": email,
        "password": FAMILY_PASSWORD,
        "given_name": "Amélie",
        "family_name": "N’Diaye-Lefèvre",
        "phone": "06 12 34 56 78",
        "address": { "street": "57 rue des Longues Raies", "postal_code": postal_code, "commune": "Nanterre" }
    })
}

pub async fn log_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/sessions",
        &serde_json::json!({ "email": email, "password": password }),
    )
    .await
}

/// The session cookie's `name=value` from a login response.
pub fn session_cookie(response: &reqwest::Response) -> String {
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap();
    set_cookie.split(';').next().unwrap().to_owned()
}

/// A verified family living at `postal_code`, logged in; returns its session cookie.
pub async fn signed_in_family(app: &TestApp, email: &str, postal_code: &str) -> String {
    let signup = app
        .post_json("/api/accounts", &family_signup(email, postal_code))
        .await;
    assert_eq!(signup.status(), 202);
    let token = app.last_verification_token(email).await;
    let verify = app
        .post_json(
            "/api/accounts/verification",
            &serde_json::json!({ "token": token }),
        )
        .await;
    assert_eq!(verify.status(), 200);
    let login = log_in(app, email, FAMILY_PASSWORD).await;
    assert_eq!(login.status(), 200);
    session_cookie(&login)
}

pub async fn spawn_app() -> TestApp {
    // Logs only when asked: `TEST_LOG=1 cargo test`.
    if std::env::var_os("TEST_LOG").is_some() {
        passplus_server::platform::telemetry::init();
    }
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let database_url = fresh_database_url(dir.path()).await;
    spawn_app_on(database_url, dir).await
}

/// A server on a fresh database that hands its e-mails to `transport` (slow, failing…).
pub async fn spawn_app_with_mail(transport: Arc<dyn Transport>) -> TestApp {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let database_url = fresh_database_url(dir.path()).await;
    spawn_app_with(database_url, dir, Some(transport)).await
}

/// A server on a fresh database whose configuration `tweak` changes first.
pub async fn spawn_app_configured(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let database_url = fresh_database_url(dir.path()).await;
    spawn(database_url, dir, None, tweak).await
}

/// A server on an existing database (to test what survives a restart).
pub async fn spawn_app_on(database_url: String, dir: Arc<TempDir>) -> TestApp {
    spawn_app_with(database_url, dir, None).await
}

/// A server on `database_url`, with its files under `dir`; its e-mails go to `transport`, or
/// to the outbox folder as in development.
pub async fn spawn_app_with(
    database_url: String,
    dir: Arc<TempDir>,
    transport: Option<Arc<dyn Transport>>,
) -> TestApp {
    spawn(database_url, dir, transport, |_| {}).await
}

async fn spawn(
    database_url: String,
    dir: Arc<TempDir>,
    transport: Option<Arc<dyn Transport>>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let static_dir = dir.path().join("dist");
    write_site(&static_dir);
    // Bound first, so that the public base URL (links, the Origin check) names its port.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let listen = listener.local_addr().unwrap();
    let mut config = Config {
        listen,
        database_url: database_url.into(),
        public_base_url: format!("http://{listen}"),
        static_dir,
        ..Config::default()
    };
    config.mail.outbox_dir = dir.path().join("outbox");
    config.files_dir = dir.path().join("files");
    tweak(&mut config);
    let clock = Clock::fixed(START);
    let transport = match transport {
        Some(transport) => transport,
        None => Arc::new(Mailer::new(&config.mail).unwrap()),
    };
    let application = Application::build_on(listener, &config, clock.clone(), transport)
        .await
        .expect("the app starts");
    let state = application.state();
    let address = format!("http://{}", application.address().unwrap());
    let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(application.run_until(async move {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        address,
        client,
        config,
        clock,
        state,
        _shutdown: shutdown,
        _dir: dir,
    }
}

/// A server that is stopped, and the database it leaves.
pub async fn restart(app: TestApp) -> TestApp {
    restart_with(app, None).await
}

/// As [`restart`], the new server handing its e-mails to `transport`.
pub async fn restart_with(app: TestApp, transport: Option<Arc<dyn Transport>>) -> TestApp {
    let database_url = app.config.database_url.expose_secret().to_owned();
    let dir = app._dir.clone();
    drop(app);
    spawn_app_with(database_url, dir, transport).await
}

/// A second server on the same database as `app` (as two instances behind a load balancer).
pub async fn second_instance(app: &TestApp, transport: Option<Arc<dyn Transport>>) -> TestApp {
    spawn_app_with(
        app.config.database_url.expose_secret().to_owned(),
        app._dir.clone(),
        transport,
    )
    .await
}

pub async fn fresh_database_url(dir: &Path) -> String {
    match std::env::var("PASSPLUS_TEST_POSTGRES_URL") {
        Ok(server) if !server.is_empty() => create_postgres_database(&server).await,
        _ => format!("sqlite://{}?mode=rwc", dir.join("passplus.db").display()),
    }
}

/// One PostgreSQL database per test, on the cluster `cargo xtask test` started.
async fn create_postgres_database(server: &str) -> String {
    use sqlx::Connection;
    let name = format!(
        "passplus_test_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let mut connection = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .unwrap();
    format!("{server}/{name}")
}

fn write_site(static_dir: &Path) {
    std::fs::create_dir_all(static_dir).unwrap();
    let index = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><title>Pass+</title>\
         <script type=\"module\">{INLINE_LOADER}</script></head>\
         <body><div id=\"app\"><h1>Pass+</h1></div></body></html>"
    );
    std::fs::write(static_dir.join("index.html"), &index).unwrap();
    std::fs::write(
        static_dir.join("passplus-web-0123456789abcdef.js"),
        "init();",
    )
    .unwrap();
    // The server picks the precompressed file; it never decodes it, so a marker will do.
    std::fs::write(
        static_dir.join("passplus-web-0123456789abcdef.js.br"),
        BROTLI_MARKER,
    )
    .unwrap();
    std::fs::write(static_dir.join("robots.txt"), "User-agent: *\n").unwrap();
}
