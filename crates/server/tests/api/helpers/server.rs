//! Starting the server under test: the real application on 127.0.0.1:0 with a fresh database
//! (SQLite in a temporary folder, or a new PostgreSQL database when
//! `PASSPLUS_TEST_POSTGRES_URL` names a server), a fixed clock and a small built site; again on
//! the same data, or a second instance beside it.

use secrecy::ExposeSecret;
use std::path::Path;
use std::sync::Arc;

use passplus_server::config::Config;
use passplus_server::platform::clock::Clock;
use passplus_server::platform::mail::{Mailer, Transport};
use passplus_server::startup::Application;
use passplus_validation::links;
use tempfile::TempDir;

use super::TestApp;

/// The body of the one pre-rendered page of the tests' site (the login page).
pub const PRERENDERED_LOGIN: &str = "<!DOCTYPE html><html lang=\"fr\"><head><title>Se connecter – \
    Pass+</title></head><body><div id=\"app\"><main><h1>Se connecter</h1></main></div></body></html>";

/// The bytes of the precompressed copy of the script.
pub const BROTLI_MARKER: &str = "precompressed";

/// The loader the build writes into index.html, reduced to what the server looks at.
pub const INLINE_LOADER: &str = "import init from '/passplus-web-0123456789abcdef.js';init();";

/// The canteen app's loader, reduced likewise.
pub const CANTEEN_LOADER: &str = "import init from '/passplus-cantine-0123456789abcdef.js';init();";

/// Where the test clock starts (a Tuesday in November 2027).
pub const START: i64 = 1_826_000_000;

/// A server on a fresh database.
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
        dir,
    }
}

/// A server that is stopped, and the database it leaves.
pub async fn restart(app: TestApp) -> TestApp {
    restart_with(app, None).await
}

/// As [`restart`], the new server handing its e-mails to `transport`.
pub async fn restart_with(app: TestApp, transport: Option<Arc<dyn Transport>>) -> TestApp {
    let database_url = app.config.database_url.expose_secret().to_owned();
    let dir = app.dir.clone();
    drop(app);
    spawn_app_with(database_url, dir, transport).await
}

/// A second server on the same database as `app` (as two instances behind a load balancer).
pub async fn second_instance(app: &TestApp, transport: Option<Arc<dyn Transport>>) -> TestApp {
    spawn_app_with(
        app.config.database_url.expose_secret().to_owned(),
        app.dir.clone(),
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
    // The canteen's app, in its folder, with a loader of its own.
    let canteen = static_dir.join("cantine");
    std::fs::create_dir_all(&canteen).unwrap();
    std::fs::write(
        canteen.join("index.html"),
        format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Cantine – Pass+</title>\
             <script type=\"module\">{CANTEEN_LOADER}</script></head>\
             <body><div id=\"app\"><h1>Cantine</h1></div></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(static_dir.join("robots.txt"), "User-agent: *\n").unwrap();
    // One pre-rendered page, as the build writes them (the others fall back to index.html).
    let login = static_dir.join(links::prerendered_file(links::LOGIN_PATH));
    std::fs::create_dir_all(login.parent().unwrap()).unwrap();
    std::fs::write(&login, PRERENDERED_LOGIN).unwrap();
    std::fs::write(login.with_extension("html.br"), BROTLI_MARKER).unwrap();
}
