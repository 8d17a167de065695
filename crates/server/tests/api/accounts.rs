//! The family account journey through the API: sign up, verify, log in and out, and what must be
//! refused on the way.

use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

const PASSWORD: &str = "une phrase de passe solide";

fn signup_body(email: &str) -> Value {
    json!({
        "email": email,
        "password": PASSWORD,
        "given_name": "Amélie",
        "family_name": "N’Diaye-Lefèvre",
        "phone": "06 12 34 56 78",
        "address": { "street": "57 rue des Longues Raies", "postal_code": "92000", "commune": "Nanterre" }
    })
}

async fn sign_up(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_json("/api/accounts", &signup_body(email)).await
}

async fn verify(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_json("/api/accounts/verification", &json!({ "token": token }))
        .await
}

async fn log_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/sessions",
        &json!({ "email": email, "password": password }),
    )
    .await
}

/// Signs up and verifies; returns nothing, the account is ready to log in.
async fn verified_account(app: &TestApp, email: &str) {
    assert_eq!(sign_up(app, email).await.status(), 202);
    let token = app.last_verification_token(&email.to_lowercase()).await;
    assert_eq!(verify(app, &token).await.status(), 200);
}

/// The session cookie's `name=value` from a login response.
fn session_cookie(response: &reqwest::Response) -> String {
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn get_account(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/account"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

async fn error_code(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_whole_journey_signup_verify_login_account_logout() {
    let app = spawn_app().await;
    let response = sign_up(&app, "Famille.Exemple@Example.org").await;
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    // Not verified yet: the right password is told so; nothing else learns it.
    let refused = log_in(&app, "famille.exemple@example.org", PASSWORD).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(error_code(refused).await, "email_not_verified");

    let token = app
        .last_verification_token("famille.exemple@example.org")
        .await;
    assert_eq!(verify(&app, &token).await.status(), 200);

    let login = log_in(&app, "FAMILLE.exemple@example.org", PASSWORD).await;
    assert_eq!(login.status(), 200);
    let set_cookie = login.headers()["set-cookie"].to_str().unwrap().to_owned();
    for attribute in [
        "__Host-passplus_session=",
        "HttpOnly",
        "Secure",
        "SameSite=Lax",
        "Path=/",
    ] {
        assert!(
            set_cookie.contains(attribute),
            "{set_cookie} lacks {attribute}"
        );
    }
    let cookie = session_cookie(&login);

    let session = app
        .client
        .get(app.url("/api/session"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        session.json::<Value>().await.unwrap()["given_name"],
        "Amélie"
    );
    let account = get_account(&app, &cookie).await;
    assert_eq!(account.status(), 200);
    let account: Value = account.json().await.unwrap();
    assert_eq!(account["given_name"], "Amélie");
    assert_eq!(account["email"], "famille.exemple@example.org");
    assert_eq!(account["logged_in_since"], crate::helpers::START);

    let logout = app
        .request(reqwest::Method::DELETE, "/api/sessions/current")
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    assert!(logout.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(get_account(&app, &cookie).await.status(), 401);
}

#[tokio::test]
async fn each_login_gets_a_new_session_id() {
    let app = spawn_app().await;
    verified_account(&app, "deux@example.org").await;
    let first = session_cookie(&log_in(&app, "deux@example.org", PASSWORD).await);
    let second = session_cookie(&log_in(&app, "deux@example.org", PASSWORD).await);
    assert_ne!(first, second);
    assert_eq!(get_account(&app, &first).await.status(), 200);
    assert_eq!(get_account(&app, &second).await.status(), 200);
}

#[tokio::test]
async fn an_address_with_an_account_gets_the_same_answer_and_its_owner_an_email() {
    let app = spawn_app().await;
    verified_account(&app, "prise@example.org").await;
    let mut other = signup_body("Prise@example.org");
    other["password"] = json!("un tout autre mot de passe");
    let response = app.post_json("/api/accounts", &other).await;
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    let emails = app.emails_to("prise@example.org").await;
    assert!(emails.last().unwrap().contains("Un compte existe déjà"));
    // Nothing changed: the first password still opens the account.
    assert_eq!(
        log_in(&app, "prise@example.org", PASSWORD).await.status(),
        200
    );
    assert_eq!(
        log_in(&app, "prise@example.org", "un tout autre mot de passe")
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn signing_up_again_before_verifying_sends_a_fresh_link() {
    let app = spawn_app().await;
    sign_up(&app, "distrait@example.org").await;
    let first = app.last_verification_token("distrait@example.org").await;
    assert_eq!(sign_up(&app, "distrait@example.org").await.status(), 202);
    let second = app.last_verification_token("distrait@example.org").await;
    assert_ne!(first, second);
    assert_eq!(verify(&app, &second).await.status(), 200);
}

#[tokio::test]
async fn new_links_are_limited_to_five_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    sign_up(&app, "flot@example.org").await;
    for _ in 0..6 {
        let resend = app
            .post_json(
                "/api/accounts/verification-email",
                &json!({ "email": "flot@example.org" }),
            )
            .await;
        assert_eq!(resend.status(), 202);
    }
    assert_eq!(app.emails_to("flot@example.org").await.len(), 5);
    app.clock.advance(3601);
    app.post_json(
        "/api/accounts/verification-email",
        &json!({ "email": "flot@example.org" }),
    )
    .await;
    assert_eq!(app.emails_to("flot@example.org").await.len(), 6);
}

#[tokio::test]
async fn unknown_address_and_wrong_password_get_one_answer() {
    let app = spawn_app().await;
    verified_account(&app, "connue@example.org").await;
    let wrong_password = log_in(&app, "connue@example.org", "pas le bon mot de passe").await;
    let unknown = log_in(&app, "inconnue@example.org", PASSWORD).await;
    assert_eq!(wrong_password.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert_eq!(
        wrong_password.json::<Value>().await.unwrap(),
        unknown.json::<Value>().await.unwrap()
    );
}

#[tokio::test]
async fn a_link_works_once_and_for_24_hours() {
    let app = spawn_app().await;
    sign_up(&app, "lien@example.org").await;
    let token = app.last_verification_token("lien@example.org").await;
    assert_eq!(verify(&app, &token).await.status(), 200);
    let again = verify(&app, &token).await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, "link_used");

    let unknown = verify(&app, "AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, "link_invalid");

    sign_up(&app, "tard@example.org").await;
    let late = app.last_verification_token("tard@example.org").await;
    app.clock.advance(24 * 3600 + 1);
    let expired = verify(&app, &late).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, "link_expired");

    // A new link, asked with the same answer as for any address, works.
    for email in ["tard@example.org", "personne@example.org"] {
        let resend = app
            .post_json(
                "/api/accounts/verification-email",
                &json!({ "email": email }),
            )
            .await;
        assert_eq!(resend.status(), 202);
    }
    assert!(app.emails_to("personne@example.org").await.is_empty());
    let fresh = app.last_verification_token("tard@example.org").await;
    assert_ne!(fresh, late);
    assert_eq!(verify(&app, &fresh).await.status(), 200);
}

#[tokio::test]
async fn five_failures_lock_the_account_for_the_window_even_with_the_right_password() {
    let app = spawn_app().await;
    verified_account(&app, "cible@example.org").await;
    for _ in 0..5 {
        assert_eq!(
            log_in(&app, "cible@example.org", "mauvais mot de passe")
                .await
                .status(),
            401
        );
    }
    let blocked = log_in(&app, "cible@example.org", PASSWORD).await;
    assert_eq!(blocked.status(), 429);
    let retry_after: i64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    let body: Value = blocked.json().await.unwrap();
    assert_eq!(body["error"], "too_many_attempts");
    assert_eq!(body["retry_after_seconds"], retry_after);

    app.clock.advance(15 * 60 + 1);
    assert_eq!(
        log_in(&app, "cible@example.org", PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn fifty_failures_from_one_client_block_it_whatever_the_address() {
    let app = spawn_app().await;
    verified_account(&app, "autre@example.org").await;
    for attempt in 0..50 {
        let email = format!("essai{attempt}@example.org");
        assert_eq!(
            log_in(&app, &email, "mauvais mot de passe").await.status(),
            401
        );
    }
    assert_eq!(
        log_in(&app, "autre@example.org", PASSWORD).await.status(),
        429
    );
}

#[tokio::test]
async fn requests_from_another_origin_change_nothing() {
    let app = spawn_app().await;
    let foreign = app
        .client
        .post(app.url("/api/accounts"))
        .header("origin", "https://evil.example")
        .json(&signup_body("cible@example.org"))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert_eq!(error_code(foreign).await, "cross_origin");
    let no_origin = app
        .client
        .post(app.url("/api/sessions"))
        .json(&json!({ "email": "cible@example.org", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status(), 403);
    assert!(app.outbox().await.is_empty(), "nothing was sent");
    // The address is still free: a same-origin signup creates it.
    assert_eq!(sign_up(&app, "cible@example.org").await.status(), 202);
    assert!(app.last_verification_token("cible@example.org").await.len() >= 22);
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_foreign_origin() {
    let app = spawn_app().await;
    let routes = [
        (
            reqwest::Method::POST,
            "/api/accounts",
            signup_body("x@example.org"),
        ),
        (
            reqwest::Method::POST,
            "/api/accounts/verification",
            json!({ "token": "abc" }),
        ),
        (
            reqwest::Method::POST,
            "/api/accounts/verification-email",
            json!({ "email": "x@example.org" }),
        ),
        (
            reqwest::Method::POST,
            "/api/sessions",
            json!({ "email": "x@example.org", "password": PASSWORD }),
        ),
        (reqwest::Method::DELETE, "/api/sessions/current", json!({})),
    ];
    for (method, path, body) in routes {
        for origin in ["https://evil.example", "null"] {
            let response = app
                .client
                .request(method.clone(), app.url(path))
                .header("origin", origin)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 403, "{method} {path} from {origin}");
            assert_eq!(error_code(response).await, "cross_origin");
        }
        let cross_site = app
            .client
            .request(method.clone(), app.url(path))
            .header("sec-fetch-site", "cross-site")
            .header("origin", &app.address)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status(), 403, "{method} {path} cross-site");
    }
    assert!(app.outbox().await.is_empty());
}

#[tokio::test]
async fn without_a_session_the_account_routes_answer_401() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/account").await.status(), 401);
    // Asking who is signed in is no error for an anonymous visitor.
    assert_eq!(app.get_json("/api/session").await, (200, Value::Null));
    let forged = get_account(&app, "__Host-passplus_session=AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(forged.status(), 401);
    let logout = app
        .request(reqwest::Method::DELETE, "/api/sessions/current")
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 401);
}

#[tokio::test]
async fn all_of_an_accounts_sessions_can_be_ended_at_once() {
    let app = spawn_app().await;
    verified_account(&app, "partout@example.org").await;
    verified_account(&app, "ailleurs@example.org").await;
    let phone = session_cookie(&log_in(&app, "partout@example.org", PASSWORD).await);
    let computer = session_cookie(&log_in(&app, "partout@example.org", PASSWORD).await);
    let other = session_cookie(&log_in(&app, "ailleurs@example.org", PASSWORD).await);
    let account_id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind("partout@example.org")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    passplus_server::accounts::sessions::delete_all_for_account(&app.state.pool, &account_id)
        .await
        .unwrap();
    assert_eq!(get_account(&app, &phone).await.status(), 401);
    assert_eq!(get_account(&app, &computer).await.status(), 401);
    assert_eq!(
        get_account(&app, &other).await.status(),
        200,
        "other accounts keep theirs"
    );
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_and_after_12_hours() {
    let app = spawn_app().await;
    verified_account(&app, "session@example.org").await;
    let idle = session_cookie(&log_in(&app, "session@example.org", PASSWORD).await);
    app.clock.advance(31 * 60);
    assert_eq!(get_account(&app, &idle).await.status(), 401);

    let busy = session_cookie(&log_in(&app, "session@example.org", PASSWORD).await);
    for _ in 0..(12 * 3) {
        app.clock.advance(20 * 60);
        assert_eq!(get_account(&app, &busy).await.status(), 200);
    }
    app.clock.advance(20 * 60);
    assert_eq!(get_account(&app, &busy).await.status(), 401);
}

#[tokio::test]
async fn unverified_accounts_are_deleted_after_seven_days() {
    let app = spawn_app().await;
    sign_up(&app, "oubli@example.org").await;
    verified_account(&app, "fidele@example.org").await;
    let token = app.last_verification_token("oubli@example.org").await;

    app.clock.advance(7 * 86_400 - 10);
    let purged =
        passplus_server::platform::jobs::purge(&app.state.pool, &app.config, app.clock.now())
            .await
            .unwrap();
    assert_eq!(purged.unverified_accounts, 0);

    app.clock.advance(20);
    let purged =
        passplus_server::platform::jobs::purge(&app.state.pool, &app.config, app.clock.now())
            .await
            .unwrap();
    assert_eq!(purged.unverified_accounts, 1);
    assert_eq!(verify(&app, &token).await.status(), 404);
    // The address is free again, and the verified account was kept.
    assert_eq!(
        log_in(&app, "fidele@example.org", PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn unreadable_bodies_are_400_and_invalid_ones_422_with_codes() {
    let app = spawn_app().await;
    let garbage = app
        .request(reqwest::Method::POST, "/api/accounts")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);

    let mut body = signup_body("pas-une-adresse");
    body["phone"] = json!("01 23");
    body["address"]["postal_code"] = json!("9200");
    let invalid = app.post_json("/api/accounts", &body).await;
    assert_eq!(invalid.status(), 422);
    let errors: Value = invalid.json().await.unwrap();
    assert_eq!(errors["fields"]["email"][0], "email_invalid");
    assert_eq!(errors["fields"]["phone"][0], "phone_not_french");
    assert_eq!(
        errors["fields"]["address.postal_code"][0],
        "postal_code_invalid"
    );
    assert!(app.outbox().await.is_empty());
}

/// The server answers every invalid vector of the shared table with the very code the browser
/// computes for it.
#[tokio::test]
async fn every_invalid_shared_vector_gets_the_same_code_from_the_api() {
    use passplus_validation::account_vectors::{account_vectors, VectorForm};
    let app = spawn_app().await;
    let mut checked = 0;
    for vector in account_vectors().unwrap() {
        let Some(expected) = vector.expected_code() else {
            continue;
        };
        let field = vector.field().unwrap();
        let (path, body) = match vector.form() {
            VectorForm::Signup(form) => ("/api/accounts", serde_json::to_value(form).unwrap()),
            VectorForm::Login(form) => ("/api/sessions", serde_json::to_value(form).unwrap()),
            VectorForm::VerifyEmail(form) => (
                "/api/accounts/verification",
                serde_json::to_value(form).unwrap(),
            ),
        };
        let response = app.post_json(path, &body).await;
        assert_eq!(response.status(), 422, "{path} {body}");
        let errors: Value = response.json().await.unwrap();
        assert_eq!(
            errors["fields"][field][0], expected,
            "{path} {body}: {errors}"
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} invalid vectors");
    assert!(
        app.outbox().await.is_empty(),
        "an invalid request sent an e-mail"
    );
}

#[tokio::test]
async fn signing_up_first_with_someone_elses_address_gives_no_hold_on_their_account() {
    let app = spawn_app().await;
    // Someone signs up with the address first, with a password of their own…
    let mut intruder = signup_body("victime@example.org");
    intruder["password"] = json!("le mot de passe de l intrus");
    intruder["given_name"] = json!("Intrus");
    assert_eq!(
        app.post_json("/api/accounts", &intruder).await.status(),
        202
    );
    let intruders_link = app.last_verification_token("victime@example.org").await;
    // …then the address's owner signs up, and verifies with the link their signup sent.
    assert_eq!(sign_up(&app, "victime@example.org").await.status(), 202);
    let owners_link = app.last_verification_token("victime@example.org").await;
    assert_ne!(owners_link, intruders_link);
    assert_eq!(verify(&app, &owners_link).await.status(), 200);

    let intruder_login = log_in(&app, "victime@example.org", "le mot de passe de l intrus").await;
    assert_eq!(intruder_login.status(), 401);
    let owner_login = log_in(&app, "victime@example.org", PASSWORD).await;
    assert_eq!(owner_login.status(), 200);
    let account: Value = get_account(&app, &session_cookie(&owner_login))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(account["given_name"], "Amélie");
    // The first signup's link no longer works.
    let late = verify(&app, &intruders_link).await;
    assert_eq!(late.status(), 409);
}
