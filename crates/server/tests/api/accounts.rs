//! The family account journey through the API (the server's `accounts/` signup, login and
//! current routes): sign up, verify, log in and out, the session and its lifetimes, and what
//! must be refused on the way.

use passplus_validation::codes::refusal;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{
    assert_refused_from_other_sites, error_body, error_code, family_signup, spawn_app,
    FAMILY_PASSWORD, SESSION_COOKIE, START,
};

#[tokio::test]
async fn the_whole_journey_signup_verify_login_account_logout() {
    let app = spawn_app().await;
    let response = app.sign_up("Famille.Exemple@Example.org").await;
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    // Not verified yet: the right password is told so; nothing else learns it.
    let refused = app
        .log_in("famille.exemple@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(error_code(refused).await, refusal::EMAIL_NOT_VERIFIED);

    let token = app
        .last_verification_token("famille.exemple@example.org")
        .await;
    assert_eq!(app.verify(&token).await.status(), 200);

    let family = app.browser();
    let login = family
        .log_in("FAMILLE.exemple@example.org", FAMILY_PASSWORD)
        .await;
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

    let session = family.get("/api/session").await;
    assert_eq!(
        session.json::<Value>().await.unwrap()["given_name"],
        "Amélie"
    );
    let account = family.get("/api/account").await;
    assert_eq!(account.status(), 200);
    let account: Value = account.json().await.unwrap();
    assert_eq!(account["given_name"], "Amélie");
    assert_eq!(account["email"], "famille.exemple@example.org");
    assert_eq!(account["logged_in_since"], START);

    // A copy of the cookie, kept by whoever might have it, shows the server ended the session.
    let kept = family.copy();
    let logout = family.log_out().await;
    assert_eq!(logout.status(), 204);
    assert!(logout.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(family.cookie(SESSION_COOKIE), None, "the browser forgot it");
    assert_eq!(kept.get("/api/account").await.status(), 401);
}

#[tokio::test]
async fn each_login_gets_a_new_session_id() {
    let app = spawn_app().await;
    app.verified_account("deux@example.org").await;
    let first = app
        .log_in_as_family("deux@example.org", FAMILY_PASSWORD)
        .await;
    let second = app
        .log_in_as_family("deux@example.org", FAMILY_PASSWORD)
        .await;
    assert_ne!(first.cookie(SESSION_COOKIE), second.cookie(SESSION_COOKIE));
    assert_eq!(first.get("/api/account").await.status(), 200);
    assert_eq!(second.get("/api/account").await.status(), 200);
}

#[tokio::test]
async fn an_address_with_an_account_gets_the_same_answer_and_its_owner_an_email() {
    let app = spawn_app().await;
    app.verified_account("prise@example.org").await;
    let mut other = family_signup("Prise@example.org", "92000");
    other["password"] = json!("un tout autre mot de passe");
    let response = app.sign_up_with(&other).await;
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    let emails = app.emails_to("prise@example.org").await;
    assert!(emails.last().unwrap().contains("Un compte existe déjà"));
    // Nothing changed: the first password still opens the account.
    assert_eq!(
        app.log_in("prise@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.log_in("prise@example.org", "un tout autre mot de passe")
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn signing_up_again_before_verifying_sends_a_fresh_link() {
    let app = spawn_app().await;
    app.sign_up("distrait@example.org").await;
    let first = app.last_verification_token("distrait@example.org").await;
    assert_eq!(app.sign_up("distrait@example.org").await.status(), 202);
    let second = app.last_verification_token("distrait@example.org").await;
    assert_ne!(first, second);
    assert_eq!(app.verify(&second).await.status(), 200);
}

#[tokio::test]
async fn new_links_are_limited_to_five_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    app.sign_up("flot@example.org").await;
    for _ in 0..6 {
        let resend = app.resend_verification("flot@example.org").await;
        assert_eq!(resend.status(), 202);
    }
    assert_eq!(app.emails_to("flot@example.org").await.len(), 5);
    app.clock.advance(3601);
    app.resend_verification("flot@example.org").await;
    assert_eq!(app.emails_to("flot@example.org").await.len(), 6);
}

#[tokio::test]
async fn unknown_address_and_wrong_password_get_one_answer() {
    let app = spawn_app().await;
    app.verified_account("connue@example.org").await;
    let wrong_password = app
        .log_in("connue@example.org", "pas le bon mot de passe")
        .await;
    let unknown = app.log_in("inconnue@example.org", FAMILY_PASSWORD).await;
    assert_eq!(wrong_password.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert_eq!(error_body(wrong_password).await, error_body(unknown).await);
}

#[tokio::test]
async fn a_link_works_once_and_for_24_hours() {
    let app = spawn_app().await;
    app.sign_up("lien@example.org").await;
    let token = app.last_verification_token("lien@example.org").await;
    assert_eq!(app.verify(&token).await.status(), 200);
    let again = app.verify(&token).await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, refusal::LINK_USED);

    let unknown = app.verify("AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, refusal::LINK_INVALID);

    app.sign_up("tard@example.org").await;
    let late = app.last_verification_token("tard@example.org").await;
    app.clock.advance(24 * 3600 + 1);
    let expired = app.verify(&late).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, refusal::LINK_EXPIRED);

    // A new link, asked with the same answer as for any address, works.
    for email in ["tard@example.org", "personne@example.org"] {
        assert_eq!(app.resend_verification(email).await.status(), 202);
    }
    assert!(app.emails_to("personne@example.org").await.is_empty());
    let fresh = app.last_verification_token("tard@example.org").await;
    assert_ne!(fresh, late);
    assert_eq!(app.verify(&fresh).await.status(), 200);
}

#[tokio::test]
async fn five_failures_lock_the_account_for_the_window_even_with_the_right_password() {
    let app = spawn_app().await;
    app.verified_account("cible@example.org").await;
    for _ in 0..5 {
        assert_eq!(
            app.log_in("cible@example.org", "mauvais mot de passe")
                .await
                .status(),
            401
        );
    }
    let blocked = app.log_in("cible@example.org", FAMILY_PASSWORD).await;
    assert_eq!(blocked.status(), 429);
    let retry_after: i64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    let body = error_body(blocked).await;
    assert_eq!(body["error"], refusal::TOO_MANY_ATTEMPTS);
    assert_eq!(body["retry_after_seconds"], retry_after);

    app.clock.advance(15 * 60 + 1);
    assert_eq!(
        app.log_in("cible@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn fifty_failures_from_one_client_block_it_whatever_the_address() {
    let app = spawn_app().await;
    app.verified_account("autre@example.org").await;
    for attempt in 0..50 {
        let email = format!("essai{attempt}@example.org");
        assert_eq!(
            app.log_in(&email, "mauvais mot de passe").await.status(),
            401
        );
    }
    assert_eq!(
        app.log_in("autre@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        429
    );
}

#[tokio::test]
async fn requests_from_another_origin_change_nothing() {
    let app = spawn_app().await;
    let foreign = app
        .request_from("https://evil.example", Method::POST, "/api/accounts")
        .json(&family_signup("cible@example.org", "92000"))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert_eq!(error_code(foreign).await, refusal::CROSS_ORIGIN);
    let no_origin = app
        .client
        .post(app.url("/api/sessions"))
        .json(&json!({ "email": "cible@example.org", "password": FAMILY_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status(), 403);
    assert!(app.outbox().await.is_empty(), "nothing was sent");
    // The address is still free: a same-origin signup creates it.
    assert_eq!(app.sign_up("cible@example.org").await.status(), 202);
    assert!(app.last_verification_token("cible@example.org").await.len() >= 22);
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_foreign_origin() {
    let app = spawn_app().await;
    let routes = [
        (
            Method::POST,
            "/api/accounts",
            family_signup("x@example.org", "92000"),
        ),
        (
            Method::POST,
            "/api/accounts/verification",
            json!({ "token": "abc" }),
        ),
        (
            Method::POST,
            "/api/accounts/verification-email",
            json!({ "email": "x@example.org" }),
        ),
        (
            Method::POST,
            "/api/sessions",
            json!({ "email": "x@example.org", "password": FAMILY_PASSWORD }),
        ),
        (Method::DELETE, "/api/sessions/current", json!({})),
    ];
    let anonymous = app.browser();
    for (method, path, body) in routes {
        assert_refused_from_other_sites(&anonymous, method, path, &body).await;
    }
    assert!(app.outbox().await.is_empty());
}

#[tokio::test]
async fn without_a_session_the_account_routes_answer_401() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/account").await.status(), 401);
    // Asking who is signed in is no error for an anonymous visitor.
    assert_eq!(app.get_json("/api/session").await, (200, Value::Null));
    let forged = app
        .browser()
        .with_cookie(SESSION_COOKIE, "AAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(forged.get("/api/account").await.status(), 401);
    let logout = app.browser().log_out().await;
    assert_eq!(logout.status(), 401);
}

#[tokio::test]
async fn all_of_an_accounts_sessions_can_be_ended_at_once() {
    let app = spawn_app().await;
    app.verified_account("partout@example.org").await;
    app.verified_account("ailleurs@example.org").await;
    let phone = app
        .log_in_as_family("partout@example.org", FAMILY_PASSWORD)
        .await;
    let computer = app
        .log_in_as_family("partout@example.org", FAMILY_PASSWORD)
        .await;
    let other = app
        .log_in_as_family("ailleurs@example.org", FAMILY_PASSWORD)
        .await;
    let account_id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind("partout@example.org")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    passplus_server::accounts::sessions::delete_all_for_account(&app.state.pool, &account_id)
        .await
        .unwrap();
    assert_eq!(phone.get("/api/account").await.status(), 401);
    assert_eq!(computer.get("/api/account").await.status(), 401);
    assert_eq!(
        other.get("/api/account").await.status(),
        200,
        "other accounts keep theirs"
    );
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_and_after_12_hours() {
    let app = spawn_app().await;
    app.verified_account("session@example.org").await;
    let idle = app
        .log_in_as_family("session@example.org", FAMILY_PASSWORD)
        .await;
    app.clock.advance(31 * 60);
    assert_eq!(idle.get("/api/account").await.status(), 401);

    let busy = app
        .log_in_as_family("session@example.org", FAMILY_PASSWORD)
        .await;
    for _ in 0..(12 * 3) {
        app.clock.advance(20 * 60);
        assert_eq!(busy.get("/api/account").await.status(), 200);
    }
    app.clock.advance(20 * 60);
    assert_eq!(busy.get("/api/account").await.status(), 401);
}

#[tokio::test]
async fn unverified_accounts_are_deleted_after_seven_days() {
    let app = spawn_app().await;
    app.sign_up("oubli@example.org").await;
    app.verified_account("fidele@example.org").await;
    let token = app.last_verification_token("oubli@example.org").await;

    app.clock.advance(7 * 86_400 - 10);
    let purged = app.purge().await;
    assert_eq!(purged.unverified_accounts, 0);

    app.clock.advance(20);
    let purged = app.purge().await;
    assert_eq!(purged.unverified_accounts, 1);
    assert_eq!(app.verify(&token).await.status(), 404);
    // The address is free again, and the verified account was kept.
    assert_eq!(
        app.log_in("fidele@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn unreadable_bodies_are_400_and_invalid_ones_422_with_codes() {
    let app = spawn_app().await;
    let garbage = app
        .request(Method::POST, "/api/accounts")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);

    let mut body = family_signup("pas-une-adresse", "92000");
    body["phone"] = json!("01 23");
    body["address"]["postal_code"] = json!("9200");
    let invalid = app.sign_up_with(&body).await;
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
    let mut intruder = family_signup("victime@example.org", "92000");
    intruder["password"] = json!("le mot de passe de l intrus");
    intruder["given_name"] = json!("Intrus");
    assert_eq!(app.sign_up_with(&intruder).await.status(), 202);
    let intruders_link = app.last_verification_token("victime@example.org").await;
    // …then the address's owner signs up, and verifies with the link their signup sent.
    assert_eq!(app.sign_up("victime@example.org").await.status(), 202);
    let owners_link = app.last_verification_token("victime@example.org").await;
    assert_ne!(owners_link, intruders_link);
    assert_eq!(app.verify(&owners_link).await.status(), 200);

    let intruder_login = app
        .log_in("victime@example.org", "le mot de passe de l intrus")
        .await;
    assert_eq!(intruder_login.status(), 401);
    let owner = app
        .log_in_as_family("victime@example.org", FAMILY_PASSWORD)
        .await;
    let account = owner.read_json("/api/account").await;
    assert_eq!(account["given_name"], "Amélie");
    // The first signup's link no longer works.
    let late = app.verify(&intruders_link).await;
    assert_eq!(late.status(), 409);
}
