//! What every route of the account's changes (contact details, e-mail change, password change
//! and reset, active sessions) asks before anything else: a session, except where a link stands
//! for it, and a request from the site's own pages.

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{
    assert_refused_from_other_sites, family_signup, spawn_app, FAMILY_PASSWORD, NEW_PASSWORD,
    SESSION_COOKIE,
};

/// The routes that change the signed-in account, each with a body it would accept.
fn signed_in_changes() -> Vec<(Method, &'static str, Value)> {
    vec![
        (
            Method::PUT,
            "/api/account/contact",
            family_signup("x@example.org", "92000"),
        ),
        (
            Method::POST,
            "/api/account/email-change",
            json!({ "new_email": "pirate@example.org", "current_password": FAMILY_PASSWORD }),
        ),
        (
            Method::PUT,
            "/api/account/password",
            json!({ "current_password": FAMILY_PASSWORD, "new_password": NEW_PASSWORD }),
        ),
        (
            Method::POST,
            "/api/account/sessions/end-others",
            json!({ "current_password": FAMILY_PASSWORD }),
        ),
    ]
}

#[tokio::test]
async fn without_a_session_the_account_management_routes_answer_401() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/account/contact").await.status(), 401);
    let mut routes = signed_in_changes();
    routes.push((Method::GET, "/api/account/sessions", json!({})));
    let without_cookie = app.browser();
    let forged = app
        .browser()
        .with_cookie(SESSION_COOKIE, "AAAAAAAAAAAAAAAAAAAAAA");
    for (method, path, body) in routes {
        for (browser, cookie) in [(&without_cookie, "none"), (&forged, "forged")] {
            let response = browser
                .send(browser.request(method.clone(), path).json(&body))
                .await;
            assert_eq!(response.status(), 401, "{method} {path} [{cookie}]");
        }
    }
    assert!(app.outbox().await.is_empty());
}

#[tokio::test]
async fn every_account_management_route_refuses_a_foreign_origin() {
    let app = spawn_app().await;
    let family = app.signed_in_family("visee@example.org", "92000").await;
    let sent_before = app.outbox().await.len();
    // And the routes a link opens, signed in or not.
    let mut routes = signed_in_changes();
    routes.extend([
        (
            Method::POST,
            "/api/account/email-change/verification",
            json!({ "token": "abc" }),
        ),
        (
            Method::POST,
            "/api/password-reset",
            json!({ "email": "visee@example.org" }),
        ),
        (
            Method::POST,
            "/api/password-reset/check",
            json!({ "token": "abc" }),
        ),
        (
            Method::POST,
            "/api/password-reset/new-password",
            json!({ "token": "abc", "new_password": NEW_PASSWORD }),
        ),
    ]);
    for (method, path, body) in routes {
        assert_refused_from_other_sites(&family, method, path, &body).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(app.outbox().await.len(), sent_before, "nothing was sent");
    assert_eq!(
        app.log_in("visee@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
    let details = family.read_json("/api/account/contact").await;
    assert_eq!(details["given_name"], "Amélie");
}
