//! `TestApp`: one server under test, its configuration, clock and database, and the requests of
//! a visitor with no cookies. What an area's tests do through it is in that area's helpers
//! (`accounts.rs`, `mail.rs`, `pupils.rs`); the server is started by `server.rs`.

use std::sync::Arc;

use passplus_server::config::Config;
use passplus_server::platform::clock::Clock;
use passplus_server::startup::AppState;
use tempfile::TempDir;

use super::Family;

pub struct TestApp {
    pub address: String,
    /// Without a cookie store, and following no redirects: every answer as the server gave it.
    pub client: reqwest::Client,
    pub config: Config,
    pub clock: Clock,
    pub state: AppState,
    /// Stops the server when the app is dropped.
    pub(super) _shutdown: tokio::sync::oneshot::Sender<()>,
    /// The database (SQLite), the outbox and the site; kept for a restart on the same data.
    pub(super) dir: Arc<TempDir>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A browser with an empty jar, to sign in with or to send a cookie of the test's choosing.
    pub fn browser(&self) -> Family {
        Family::new(&self.address, self.client.clone())
    }

    /// A plain GET, as a link or the address bar sends it.
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

    /// A request as the app's own pages send it (same origin), without cookies.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.browser().request(method, path)
    }

    /// A request a page of `origin` sends, without cookies.
    pub fn request_from(
        &self,
        origin: &str,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.browser().request_from(origin, method, path)
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.browser().post_json(path, body).await
    }
}
