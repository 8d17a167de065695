//! A family's browser: a jar of its own that every answer updates, and requests as the site's
//! own pages send them (same origin). Two browsers of one family are two `Family` values.

use std::sync::{Arc, Mutex};

use reqwest::header::{COOKIE, USER_AGENT};
use reqwest::Method;
use serde_json::Value;

use super::cookie_jar::CookieJar;
use super::TestApp;

/// The session cookie, ended by a logout or a password change.
pub const SESSION_COOKIE: &str = "__Host-passplus_session";
/// The trusted-device cookie a login leaves, which the login limits recognise.
pub const DEVICE_COOKIE: &str = "__Host-passplus_device";

pub struct Family {
    /// The server this browser talks to, which is also the origin of its pages.
    address: String,
    client: reqwest::Client,
    user_agent: Option<String>,
    /// Shared by [`Family::through`]: one browser, whichever server answers.
    jar: Arc<Mutex<CookieJar>>,
}

impl Family {
    /// A browser with an empty jar.
    pub fn new(address: &str, client: reqwest::Client) -> Family {
        Family {
            address: address.to_owned(),
            client,
            user_agent: None,
            jar: Arc::default(),
        }
    }

    /// The browser describing itself as `user_agent` (what the list of sessions shows).
    pub fn with_user_agent(mut self, user_agent: &str) -> Family {
        self.user_agent = Some(user_agent.to_owned());
        self
    }

    /// The browser holding `name=value` as well (a forged session, a device cookie alone…).
    pub fn with_cookie(self, name: &str, value: &str) -> Family {
        self.jar.lock().unwrap().insert(name, value);
        self
    }

    /// The browser dropping a cookie, as one that keeps none does (private browsing, cookies
    /// cleared at exit). Without [`DEVICE_COOKIE`], its failed passwords count against the
    /// address for every browser instead of on their own.
    pub fn forget_cookie(&self, name: &str) {
        self.jar.lock().unwrap().remove(name);
    }

    /// Another browser holding a copy of this one's cookies as they are now, whatever this one
    /// does next: to check that the server, not only the jar, has let go of a cookie.
    pub fn copy(&self) -> Family {
        Family {
            address: self.address.clone(),
            client: self.client.clone(),
            user_agent: self.user_agent.clone(),
            jar: Arc::new(Mutex::new(self.jar.lock().unwrap().clone())),
        }
    }

    /// This browser, same jar, reaching another server on the same database (behind a load
    /// balancer, or the one started again after a stop).
    pub fn through(&self, app: &TestApp) -> Family {
        Family {
            address: app.address.clone(),
            client: app.client.clone(),
            user_agent: self.user_agent.clone(),
            jar: self.jar.clone(),
        }
    }

    /// A cookie's value, if the jar holds it.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.jar.lock().unwrap().get(name).map(str::to_owned)
    }

    /// The `Cookie` header this browser sends, for requests written by hand.
    pub fn cookie_header(&self) -> String {
        self.jar.lock().unwrap().header().unwrap_or_default()
    }

    /// A request from one of the site's own pages, with the browser's cookies; send it with
    /// [`Family::send`] so that the jar sees the answer.
    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.request_from(&self.address, method, path)
    }

    /// A request the browser sends, cookies and all, for a page of `origin`.
    pub fn request_from(
        &self,
        origin: &str,
        method: Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .header("origin", origin);
        if let Some(cookies) = self.jar.lock().unwrap().header() {
            request = request.header(COOKIE, cookies);
        }
        if let Some(user_agent) = &self.user_agent {
            request = request.header(USER_AGENT, user_agent);
        }
        request
    }

    /// Sends a request and keeps the cookies its answer sets or clears.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> reqwest::Response {
        let response = request.send().await.expect("request sent");
        self.jar.lock().unwrap().keep_from(&response);
        response
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.send(self.request(Method::GET, path)).await
    }

    /// The JSON of something the family may read (asserts a 200).
    pub async fn read_json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("a JSON body")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.send(self.request(Method::POST, path).json(body)).await
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.send(self.request(Method::PUT, path).json(body)).await
    }

    pub async fn delete(&self, path: &str) -> reqwest::Response {
        self.send(self.request(Method::DELETE, path)).await
    }

    pub async fn send_multipart(
        &self,
        method: Method,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        self.send(self.request(method, path).multipart(form)).await
    }
}
