//! The family's own account management through the API: editing the contact details, changing
//! the e-mail address and the password, and resetting a forgotten password; and what must be
//! refused on the way.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::{
    family_signup, log_in, session_cookie, signed_in_family, spawn_app, TestApp, FAMILY_PASSWORD,
};

const PASSWORD: &str = FAMILY_PASSWORD;
const NEW_PASSWORD: &str = "trois pommes vertes au marché";

fn signup_body(email: &str) -> Value {
    family_signup(email, "92000")
}

/// A verified account, logged in; returns the session cookie.
async fn signed_in(app: &TestApp, email: &str) -> String {
    signed_in_family(app, email, "92000").await
}

/// A same-origin request with a session cookie.
async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    cookie: &str,
    body: &Value,
) -> reqwest::Response {
    app.request(method, path)
        .header("cookie", cookie)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn get_with(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

async fn account_email(app: &TestApp, cookie: &str) -> String {
    let account: Value = get_with(app, "/api/account", cookie)
        .await
        .json()
        .await
        .unwrap();
    account["email"].as_str().unwrap().to_owned()
}

async fn error_code(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"].as_str().unwrap_or_default().to_owned()
}

async fn request_email_change(
    app: &TestApp,
    cookie: &str,
    new_email: &str,
    password: &str,
) -> reqwest::Response {
    send(
        app,
        reqwest::Method::POST,
        "/api/account/email-change",
        cookie,
        &json!({ "new_email": new_email, "current_password": password }),
    )
    .await
}

async fn confirm_email_change(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_json(
        "/api/account/email-change/verification",
        &json!({ "token": token }),
    )
    .await
}

/// As [`confirm_email_change`], from a browser signed in to the account (which stays signed in).
async fn confirm_email_change_in(app: &TestApp, token: &str, cookie: &str) -> reqwest::Response {
    send(
        app,
        reqwest::Method::POST,
        "/api/account/email-change/verification",
        cookie,
        &json!({ "token": token }),
    )
    .await
}

async fn change_password(
    app: &TestApp,
    cookie: &str,
    current: &str,
    new: &str,
) -> reqwest::Response {
    send(
        app,
        reqwest::Method::PUT,
        "/api/account/password",
        cookie,
        &json!({ "current_password": current, "new_password": new }),
    )
    .await
}

async fn ask_reset(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_json("/api/password-reset", &json!({ "email": email }))
        .await
}

async fn reset(app: &TestApp, token: &str, new_password: &str) -> reqwest::Response {
    app.post_json(
        "/api/password-reset/new-password",
        &json!({ "token": token, "new_password": new_password }),
    )
    .await
}

/// The messages sent to an address, which must be at least `count`.
async fn emails_at_least(app: &TestApp, address: &str, count: usize) -> Vec<String> {
    let emails = app.emails_to(address).await;
    assert!(
        emails.len() >= count,
        "fewer than {count} e-mails to {address}"
    );
    emails
}

/// A message's text as written, undoing quoted-printable (which the mailer falls back to when a
/// link makes a line too long for 8bit: a longer public address would do it).
fn readable(message: &str) -> String {
    message
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// A message's words on one line, whatever the wrapping, for checking a sentence.
fn words(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The token of the link to `path` in the last message to an address.
async fn link_token(app: &TestApp, address: &str, path: &str) -> String {
    let message = readable(
        app.emails_to(address)
            .await
            .last()
            .expect("an e-mail was sent"),
    );
    let marker = format!("{path}#jeton=");
    let start = message.find(&marker).expect("a link in the e-mail") + marker.len();
    message[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The token of the reset link in the `count`-th (and last) message to an address.
async fn reset_token(app: &TestApp, address: &str, count: usize) -> String {
    emails_at_least(app, address, count).await;
    link_token(app, address, "/nouveau-mot-de-passe").await
}

/// The token of the e-mail change link last sent to an address.
async fn change_token(app: &TestApp, address: &str) -> String {
    link_token(app, address, "/nouvelle-adresse").await
}

#[tokio::test]
async fn contact_details_are_read_for_editing_and_replaced() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "coordonnees@example.org").await;
    let read = get_with(&app, "/api/account/contact", &cookie).await;
    assert_eq!(read.status(), 200);
    let details: Value = read.json().await.unwrap();
    assert_eq!(
        details,
        json!({
            "given_name": "Amélie",
            "family_name": "N’Diaye-Lefèvre",
            "phone": "06 12 34 56 78",
            "address": { "street": "57 rue des Longues Raies", "postal_code": "92000", "commune": "Nanterre" }
        })
    );

    let new_details = json!({
        "given_name": " Marie-Noëlle ",
        "family_name": "de La Fontaine",
        "phone": "+33 7 98 76 54 32",
        "address": { "street": "2 boulevard Soufflot", "postal_code": "92 160", "commune": "Antony" }
    });
    let saved = send(
        &app,
        reqwest::Method::PUT,
        "/api/account/contact",
        &cookie,
        &new_details,
    )
    .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(saved.json::<Value>().await.unwrap()["status"], "saved");
    let details: Value = get_with(&app, "/api/account/contact", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(details["given_name"], "Marie-Noëlle");
    assert_eq!(details["family_name"], "de La Fontaine");
    assert_eq!(details["phone"], "07 98 76 54 32");
    assert_eq!(details["address"]["postal_code"], "92160");
    assert_eq!(details["address"]["commune"], "Antony");
    // The greeting follows the new given name; the address is not touched here.
    let account: Value = get_with(&app, "/api/account", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(account["given_name"], "Marie-Noëlle");
    assert_eq!(account["email"], "coordonnees@example.org");
}

#[tokio::test]
async fn invalid_contact_details_get_422_with_codes_and_change_nothing() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "invalide@example.org").await;
    let before: Value = get_with(&app, "/api/account/contact", &cookie)
        .await
        .json()
        .await
        .unwrap();
    let invalid = send(
        &app,
        reqwest::Method::PUT,
        "/api/account/contact",
        &cookie,
        &json!({
            "given_name": "Marie2",
            "family_name": "",
            "phone": "08 12 34 56 78",
            "address": { "street": "1 rue", "postal_code": "9200", "commune": "Nanterre" }
        }),
    )
    .await;
    assert_eq!(invalid.status(), 422);
    let errors: Value = invalid.json().await.unwrap();
    assert_eq!(errors["fields"]["given_name"][0], "given_name_invalid");
    assert_eq!(errors["fields"]["family_name"][0], "family_name_empty");
    assert_eq!(errors["fields"]["phone"][0], "phone_not_french");
    assert_eq!(
        errors["fields"]["address.postal_code"][0],
        "postal_code_invalid"
    );
    let after: Value = get_with(&app, "/api/account/contact", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn an_email_change_takes_effect_only_once_the_new_address_is_verified() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "ancienne@example.org").await;
    let requested = request_email_change(&app, &cookie, "Nouvelle@Example.org", PASSWORD).await;
    assert_eq!(requested.status(), 202);
    assert_eq!(
        requested.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    // Until the link is used, the old address is the account's, for login and display.
    assert_eq!(account_email(&app, &cookie).await, "ancienne@example.org");
    assert_eq!(
        log_in(&app, "ancienne@example.org", PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        log_in(&app, "nouvelle@example.org", PASSWORD)
            .await
            .status(),
        401
    );
    let told = app.emails_to("ancienne@example.org").await;
    assert!(words(told.last().unwrap()).contains("Un changement d’adresse e-mail a été demandé"));
    assert!(!told.last().unwrap().contains("jeton="));

    let token = change_token(&app, "nouvelle@example.org").await;
    assert!(app.emails_to("nouvelle@example.org").await[0].contains("/nouvelle-adresse#jeton="));
    let confirmed = confirm_email_change_in(&app, &token, &cookie).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        confirmed.json::<Value>().await.unwrap()["status"],
        "email_changed"
    );

    assert_eq!(account_email(&app, &cookie).await, "nouvelle@example.org");
    assert_eq!(
        log_in(&app, "nouvelle@example.org", PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        log_in(&app, "ancienne@example.org", PASSWORD)
            .await
            .status(),
        401
    );
    let told = app.emails_to("ancienne@example.org").await;
    let last = words(told.last().unwrap());
    assert!(
        last.contains("est désormais nouvelle@example.org"),
        "{last}"
    );
    // The old address is free again.
    assert_eq!(
        app.post_json("/api/accounts", &signup_body("ancienne@example.org"))
            .await
            .status(),
        202
    );
    assert!(app
        .emails_to("ancienne@example.org")
        .await
        .last()
        .unwrap()
        .contains("/verifier-mon-adresse#jeton="));
}

#[tokio::test]
async fn a_wrong_current_password_refuses_the_email_change_and_counts_toward_login_limits() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "prudente@example.org").await;
    for _ in 0..5 {
        let refused =
            request_email_change(&app, &cookie, "ailleurs@example.org", "pas le bon").await;
        assert_eq!(refused.status(), 403);
        assert_eq!(error_code(refused).await, "current_password_wrong");
    }
    assert!(app.emails_to("ailleurs@example.org").await.is_empty());
    // The address's five failures now block this form, the password change and the login alike.
    let blocked = request_email_change(&app, &cookie, "ailleurs@example.org", PASSWORD).await;
    assert_eq!(blocked.status(), 429);
    assert_eq!(error_code(blocked).await, "too_many_attempts");
    assert_eq!(
        change_password(&app, &cookie, PASSWORD, NEW_PASSWORD)
            .await
            .status(),
        429
    );
    assert_eq!(
        log_in(&app, "prudente@example.org", PASSWORD)
            .await
            .status(),
        429
    );
    assert!(app.emails_to("ailleurs@example.org").await.is_empty());
    assert_eq!(account_email(&app, &cookie).await, "prudente@example.org");

    app.clock.advance(15 * 60 + 1);
    let accepted = request_email_change(&app, &cookie, "ailleurs@example.org", PASSWORD).await;
    assert_eq!(accepted.status(), 202);
}

#[tokio::test]
async fn a_taken_new_address_gets_the_same_answer_and_its_owner_a_message_without_link() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "demandeur@example.org").await;
    let _ = signed_in(&app, "occupee@example.org").await;
    let free = request_email_change(&app, &cookie, "libre@example.org", PASSWORD).await;
    let taken = request_email_change(&app, &cookie, "Occupee@example.org", PASSWORD).await;
    assert_eq!(free.status(), taken.status());
    assert_eq!(
        free.json::<Value>().await.unwrap(),
        taken.json::<Value>().await.unwrap()
    );

    let to_owner = app.emails_to("occupee@example.org").await;
    let last = words(to_owner.last().unwrap());
    assert!(last.contains("déjà celle d’un compte"), "{last}");
    assert!(!last.contains("jeton="));
    // Both accounts are as they were.
    assert_eq!(account_email(&app, &cookie).await, "demandeur@example.org");
    assert_eq!(
        log_in(&app, "occupee@example.org", PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn an_email_change_link_works_once_and_for_24_hours() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "lien@example.org").await;
    request_email_change(&app, &cookie, "lien2@example.org", PASSWORD).await;
    let token = change_token(&app, "lien2@example.org").await;
    assert_eq!(
        confirm_email_change_in(&app, &token, &cookie)
            .await
            .status(),
        200
    );
    let again = confirm_email_change(&app, &token).await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, "link_used");

    let unknown = confirm_email_change(&app, "AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, "link_invalid");
    // A signup verification link is not an e-mail change link.
    app.post_json("/api/accounts", &signup_body("autre@example.org"))
        .await;
    let signup_token = app.last_verification_token("autre@example.org").await;
    assert_eq!(
        confirm_email_change(&app, &signup_token).await.status(),
        404
    );

    request_email_change(&app, &cookie, "lien3@example.org", PASSWORD).await;
    let late = change_token(&app, "lien3@example.org").await;
    app.clock.advance(24 * 3600 + 1);
    let expired = confirm_email_change(&app, &late).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, "link_expired");
    let login = log_in(&app, "lien2@example.org", PASSWORD).await;
    assert_eq!(login.status(), 200);
    assert_eq!(
        account_email(&app, &session_cookie(&login)).await,
        "lien2@example.org"
    );
}

#[tokio::test]
async fn an_address_taken_before_the_link_is_used_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "lente@example.org").await;
    request_email_change(&app, &cookie, "convoitee@example.org", PASSWORD).await;
    let token = change_token(&app, "convoitee@example.org").await;
    let _ = signed_in(&app, "convoitee@example.org").await;
    let refused = confirm_email_change(&app, &token).await;
    assert_eq!(refused.status(), 409);
    assert_eq!(error_code(refused).await, "email_taken");
    assert_eq!(account_email(&app, &cookie).await, "lente@example.org");
}

#[tokio::test]
async fn invalid_or_unchanged_new_addresses_get_422_and_send_nothing() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "meme@example.org").await;
    let sent_before = app.outbox().await.len();
    let same = request_email_change(&app, &cookie, " MEME@example.org ", PASSWORD).await;
    assert_eq!(same.status(), 422);
    let errors: Value = same.json().await.unwrap();
    assert_eq!(errors["fields"]["new_email"][0], "email_unchanged");

    let invalid = request_email_change(&app, &cookie, "pas-une-adresse", "").await;
    assert_eq!(invalid.status(), 422);
    let errors: Value = invalid.json().await.unwrap();
    assert_eq!(errors["fields"]["new_email"][0], "email_invalid");
    assert_eq!(errors["fields"]["current_password"][0], "password_empty");
    assert_eq!(app.outbox().await.len(), sent_before);
}

#[tokio::test]
async fn email_change_links_are_limited_to_five_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "flot@example.org").await;
    for _ in 0..6 {
        let response = request_email_change(&app, &cookie, "inonde@example.org", PASSWORD).await;
        assert_eq!(response.status(), 202);
    }
    assert_eq!(app.emails_to("inonde@example.org").await.len(), 5);
    app.clock.advance(3601);
    // A fresh session: the first one went idle.
    let cookie = session_cookie(&log_in(&app, "flot@example.org", PASSWORD).await);
    request_email_change(&app, &cookie, "inonde@example.org", PASSWORD).await;
    assert_eq!(app.emails_to("inonde@example.org").await.len(), 6);
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_and_keeps_this_browser_signed_in() {
    let app = spawn_app().await;
    let here = signed_in(&app, "change@example.org").await;
    let elsewhere = session_cookie(&log_in(&app, "change@example.org", PASSWORD).await);
    let _ = signed_in(&app, "voisine@example.org").await;
    let neighbour = session_cookie(&log_in(&app, "voisine@example.org", PASSWORD).await);

    let changed = change_password(&app, &here, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(changed.status(), 200);
    let fresh = session_cookie(&changed);
    assert_ne!(fresh, here, "a new session id after the change");
    assert_eq!(
        changed.json::<Value>().await.unwrap()["status"],
        "password_changed"
    );

    assert_eq!(get_with(&app, "/api/account", &fresh).await.status(), 200);
    assert_eq!(get_with(&app, "/api/account", &here).await.status(), 401);
    assert_eq!(
        get_with(&app, "/api/account", &elsewhere).await.status(),
        401
    );
    assert_eq!(
        get_with(&app, "/api/account", &neighbour).await.status(),
        200,
        "other accounts keep their sessions"
    );
    assert_eq!(
        log_in(&app, "change@example.org", PASSWORD).await.status(),
        401
    );
    assert_eq!(
        log_in(&app, "change@example.org", NEW_PASSWORD)
            .await
            .status(),
        200
    );
    let notice = app.emails_to("change@example.org").await;
    assert!(words(notice.last().unwrap())
        .contains("Le mot de passe de votre compte Pass+ vient d’être changé"));
}

#[tokio::test]
async fn a_wrong_current_password_changes_nothing_and_ends_no_session() {
    let app = spawn_app().await;
    let here = signed_in(&app, "garde@example.org").await;
    let elsewhere = session_cookie(&log_in(&app, "garde@example.org", PASSWORD).await);
    let refused = change_password(&app, &here, "pas le bon", NEW_PASSWORD).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(error_code(refused).await, "current_password_wrong");
    assert_eq!(get_with(&app, "/api/account", &here).await.status(), 200);
    assert_eq!(
        get_with(&app, "/api/account", &elsewhere).await.status(),
        200
    );
    assert_eq!(
        log_in(&app, "garde@example.org", NEW_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        log_in(&app, "garde@example.org", PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn an_invalid_new_password_gets_422_with_the_signup_codes_and_costs_no_attempt() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "camille.martin@example.org").await;
    for (new_password, code) in [
        ("trop court", "password_too_short"),
        // In the browser's list.
        ("Qwerty123456", "password_common"),
        // Only in the server's longer list.
        ("Sonyericsson", "password_common"),
        // The browser does not know the address here: the server checks it.
        ("la famille Camille.Martin", "password_contains_email"),
    ] {
        // A wrong current password too: the new one is judged first, and no attempt is spent.
        let refused = change_password(&app, &cookie, "pas le bon", new_password).await;
        assert_eq!(refused.status(), 422, "{new_password}");
        let errors: Value = refused.json().await.unwrap();
        assert_eq!(errors["fields"]["new_password"][0], code, "{new_password}");
    }
    let empty = change_password(&app, &cookie, "", "").await;
    let errors: Value = empty.json().await.unwrap();
    assert_eq!(errors["fields"]["current_password"][0], "password_empty");
    assert_eq!(errors["fields"]["new_password"][0], "password_empty");
    // Nothing changed, and no attempt was spent: the login still works.
    assert_eq!(
        log_in(&app, "camille.martin@example.org", PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let app = spawn_app().await;
    let first = signed_in(&app, "oublieuse@example.org").await;
    let second = session_cookie(&log_in(&app, "oublieuse@example.org", PASSWORD).await);
    let sent_before = app.emails_to("oublieuse@example.org").await.len();

    let asked = ask_reset(&app, "Oublieuse@Example.org").await;
    assert_eq!(asked.status(), 202);
    assert_eq!(asked.json::<Value>().await.unwrap()["status"], "reset_sent");
    let token = reset_token(&app, "oublieuse@example.org", sent_before + 1).await;

    let check = app
        .post_json("/api/password-reset/check", &json!({ "token": token }))
        .await;
    assert_eq!(check.status(), 200);
    // Asking is no change: the password and the sessions are as they were.
    assert_eq!(get_with(&app, "/api/account", &first).await.status(), 200);

    let done = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        done.json::<Value>().await.unwrap()["status"],
        "password_reset"
    );
    assert_eq!(get_with(&app, "/api/account", &first).await.status(), 401);
    assert_eq!(get_with(&app, "/api/account", &second).await.status(), 401);
    assert_eq!(
        log_in(&app, "oublieuse@example.org", PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        log_in(&app, "oublieuse@example.org", NEW_PASSWORD)
            .await
            .status(),
        200
    );

    let again = reset(&app, &token, "encore un autre mot de passe").await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, "link_used");
    let check = app
        .post_json("/api/password-reset/check", &json!({ "token": token }))
        .await;
    assert_eq!(check.status(), 409);
    assert!(
        words(app.emails_to("oublieuse@example.org").await.last().unwrap())
            .contains("vient d’être changé")
    );
}

#[tokio::test]
async fn a_reset_gets_the_same_answer_for_an_unknown_address_and_sends_it_nothing() {
    let app = spawn_app().await;
    let _ = signed_in(&app, "connue@example.org").await;
    let known = ask_reset(&app, "connue@example.org").await;
    let unknown = ask_reset(&app, "inconnue@example.org").await;
    assert_eq!(known.status(), 202);
    assert_eq!(unknown.status(), 202);
    assert_eq!(
        known.json::<Value>().await.unwrap(),
        unknown.json::<Value>().await.unwrap()
    );
    emails_at_least(&app, "connue@example.org", 2).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(app.emails_to("inconnue@example.org").await.is_empty());
}

#[tokio::test]
async fn a_reset_link_expires_after_one_hour_and_changes_nothing() {
    let app = spawn_app().await;
    let _ = signed_in(&app, "tardive@example.org").await;
    ask_reset(&app, "tardive@example.org").await;
    let token = reset_token(&app, "tardive@example.org", 2).await;
    app.clock.advance(60 * 60 - 10);
    let check = app
        .post_json("/api/password-reset/check", &json!({ "token": token }))
        .await;
    assert_eq!(check.status(), 200, "still valid just before the hour");
    app.clock.advance(11);
    let expired = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, "link_expired");
    assert_eq!(
        log_in(&app, "tardive@example.org", PASSWORD).await.status(),
        200
    );

    let unknown = reset(&app, "AAAAAAAAAAAAAAAAAAAAAA", NEW_PASSWORD).await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, "link_invalid");
}

#[tokio::test]
async fn reset_links_are_limited_to_three_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    let _ = signed_in(&app, "insistante@example.org").await;
    for _ in 0..4 {
        assert_eq!(
            ask_reset(&app, "insistante@example.org").await.status(),
            202
        );
    }
    // The verification link, then three reset links.
    emails_at_least(&app, "insistante@example.org", 4).await;
    assert_eq!(app.emails_to("insistante@example.org").await.len(), 4);
    app.clock.advance(3601);
    ask_reset(&app, "insistante@example.org").await;
    emails_at_least(&app, "insistante@example.org", 5).await;
}

#[tokio::test]
async fn an_invalid_new_password_on_reset_gets_422_and_leaves_the_link_usable() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "dominique.durand@example.org").await;
    ask_reset(&app, "dominique.durand@example.org").await;
    let token = reset_token(&app, "dominique.durand@example.org", 2).await;
    for (new_password, code) in [
        ("court", "password_too_short"),
        ("Sonyericsson", "password_common"),
        ("chez dominique.durand", "password_contains_email"),
    ] {
        let refused = reset(&app, &token, new_password).await;
        assert_eq!(refused.status(), 422, "{new_password}");
        let errors: Value = refused.json().await.unwrap();
        assert_eq!(errors["fields"]["new_password"][0], code, "{new_password}");
    }
    let blank = reset(&app, " ", NEW_PASSWORD).await;
    assert_eq!(blank.status(), 422);
    assert_eq!(
        blank.json::<Value>().await.unwrap()["fields"]["token"][0],
        "token_invalid"
    );
    assert_eq!(get_with(&app, "/api/account", &cookie).await.status(), 200);
    assert_eq!(reset(&app, &token, NEW_PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn a_reset_lifts_the_lockout_of_the_address() {
    let app = spawn_app().await;
    let _ = signed_in(&app, "bloquee@example.org").await;
    for _ in 0..5 {
        log_in(&app, "bloquee@example.org", "pas le bon").await;
    }
    assert_eq!(
        log_in(&app, "bloquee@example.org", PASSWORD).await.status(),
        429
    );
    ask_reset(&app, "bloquee@example.org").await;
    let token = reset_token(&app, "bloquee@example.org", 2).await;
    assert_eq!(reset(&app, &token, NEW_PASSWORD).await.status(), 200);
    assert_eq!(
        log_in(&app, "bloquee@example.org", NEW_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn without_a_session_the_account_management_routes_answer_401() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/account/contact").await.status(), 401);
    let forged = "__Host-passplus_session=AAAAAAAAAAAAAAAAAAAAAA";
    let routes = [
        (
            reqwest::Method::PUT,
            "/api/account/contact",
            signup_body("x@example.org"),
        ),
        (
            reqwest::Method::POST,
            "/api/account/email-change",
            json!({ "new_email": "x@example.org", "current_password": PASSWORD }),
        ),
        (
            reqwest::Method::PUT,
            "/api/account/password",
            json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD }),
        ),
        (reqwest::Method::GET, "/api/account/sessions", json!({})),
        (
            reqwest::Method::POST,
            "/api/account/sessions/end-others",
            json!({ "current_password": PASSWORD }),
        ),
    ];
    for (method, path, body) in routes {
        for cookie in ["", forged] {
            let response = send(&app, method.clone(), path, cookie, &body).await;
            assert_eq!(response.status(), 401, "{method} {path} [{cookie}]");
        }
    }
    assert!(app.outbox().await.is_empty());
}

#[tokio::test]
async fn every_account_management_route_refuses_a_foreign_origin() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, "visee@example.org").await;
    let sent_before = app.outbox().await.len();
    let routes = [
        (
            reqwest::Method::PUT,
            "/api/account/contact",
            signup_body("x@example.org"),
        ),
        (
            reqwest::Method::POST,
            "/api/account/email-change",
            json!({ "new_email": "pirate@example.org", "current_password": PASSWORD }),
        ),
        (
            reqwest::Method::POST,
            "/api/account/email-change/verification",
            json!({ "token": "abc" }),
        ),
        (
            reqwest::Method::PUT,
            "/api/account/password",
            json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD }),
        ),
        (
            reqwest::Method::POST,
            "/api/password-reset",
            json!({ "email": "visee@example.org" }),
        ),
        (
            reqwest::Method::POST,
            "/api/password-reset/check",
            json!({ "token": "abc" }),
        ),
        (
            reqwest::Method::POST,
            "/api/password-reset/new-password",
            json!({ "token": "abc", "new_password": NEW_PASSWORD }),
        ),
        (
            reqwest::Method::POST,
            "/api/account/sessions/end-others",
            json!({ "current_password": PASSWORD }),
        ),
    ];
    for (method, path, body) in routes {
        for origin in ["https://evil.example", "null"] {
            let response = app
                .client
                .request(method.clone(), app.url(path))
                .header("origin", origin)
                .header("cookie", &cookie)
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
            .header("cookie", &cookie)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status(), 403, "{method} {path} cross-site");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(app.outbox().await.len(), sent_before, "nothing was sent");
    assert_eq!(
        log_in(&app, "visee@example.org", PASSWORD).await.status(),
        200
    );
    let details: Value = get_with(&app, "/api/account/contact", &cookie)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(details["given_name"], "Amélie");
}

#[tokio::test]
async fn a_new_password_voids_the_address_changes_and_resets_asked_for_with_the_old_one() {
    let app = spawn_app().await;
    let owner = "proprietaire@example.org";
    let cookie = signed_in(&app, owner).await;
    // Someone who knows the password asks to move the account to their own mailbox…
    let asked = request_email_change(&app, &cookie, "intrus@example.org", PASSWORD).await;
    assert_eq!(asked.status(), 202);
    let stolen_link = change_token(&app, "intrus@example.org").await;
    // …and a reset link sits in the owner's mailbox.
    assert_eq!(ask_reset(&app, owner).await.status(), 202);
    let old_reset = reset_token(&app, owner, 3).await;

    // The owner, warned, changes the password: neither link works any more.
    let changed = change_password(&app, &cookie, PASSWORD, "une toute autre phrase secrète").await;
    assert_eq!(changed.status(), 200);
    let response = confirm_email_change(&app, &stolen_link).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error_code(response).await, "link_used");
    assert_eq!(
        reset(&app, &old_reset, "encore une autre phrase")
            .await
            .status(),
        409
    );
    let new_cookie = log_in(&app, owner, "une toute autre phrase secrète").await;
    assert_eq!(new_cookie.status(), 200);

    // The same after a reset by link: an address change asked before it is void.
    let cookie = session_cookie(&new_cookie);
    let asked = request_email_change(
        &app,
        &cookie,
        "intrus2@example.org",
        "une toute autre phrase secrète",
    )
    .await;
    assert_eq!(asked.status(), 202);
    let stolen_link = change_token(&app, "intrus2@example.org").await;
    let before = app.emails_to(owner).await.len();
    assert_eq!(ask_reset(&app, owner).await.status(), 202);
    let token = reset_token(&app, owner, before + 1).await;
    assert_eq!(
        reset(&app, &token, "la phrase de la reprise en main")
            .await
            .status(),
        200
    );
    assert_eq!(confirm_email_change(&app, &stolen_link).await.status(), 409);
    assert_eq!(
        log_in(&app, owner, "la phrase de la reprise en main")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn an_email_change_ends_the_other_sessions_and_keeps_the_confirming_browser() {
    let app = spawn_app().await;
    let here = signed_in(&app, "demenage@example.org").await;
    let elsewhere = session_cookie(&log_in(&app, "demenage@example.org", PASSWORD).await);
    let asked = request_email_change(&app, &here, "arrivee@example.org", PASSWORD).await;
    assert_eq!(asked.status(), 202);
    let token = change_token(&app, "arrivee@example.org").await;
    let confirmed = confirm_email_change_in(&app, &token, &here).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(get_with(&app, "/api/account", &here).await.status(), 200);
    assert_eq!(
        get_with(&app, "/api/account", &elsewhere).await.status(),
        401
    );
}

/// A login from a browser that describes itself.
async fn log_in_as(app: &TestApp, email: &str, user_agent: &str) -> String {
    let response = app
        .request(reqwest::Method::POST, "/api/sessions")
        .header("user-agent", user_agent)
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    session_cookie(&response)
}

#[tokio::test]
async fn a_family_sees_its_sessions_and_ends_the_others_with_its_password() {
    let app = spawn_app().await;
    let _ = signed_in(&app, "prudente@example.org").await;
    let phone = log_in_as(
        &app,
        "prudente@example.org",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36",
    )
    .await;
    app.clock.advance(120);
    let pc = log_in_as(
        &app,
        "prudente@example.org",
        "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0",
    )
    .await;
    let listed: Value = get_with(&app, "/api/account/sessions", &pc)
        .await
        .json()
        .await
        .unwrap();
    let sessions = listed.as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions[0]["device"], "Firefox, Windows");
    assert_eq!(sessions[0]["current"], true);
    assert_eq!(sessions[0]["started_at"], crate::helpers::START + 120);
    let phone_session = sessions
        .iter()
        .find(|session| session["device"] == "Chrome, Android")
        .expect("the phone's session");
    assert_eq!(phone_session["current"], false);
    // Nothing in the list says where a session is or which address it came from.
    let text = listed.to_string();
    assert!(
        !text.contains("127.0.0.1") && !text.contains("Mozilla"),
        "{text}"
    );

    let end = |cookie: String, password: &'static str| {
        let app = &app;
        async move {
            send(
                app,
                reqwest::Method::POST,
                "/api/account/sessions/end-others",
                &cookie,
                &json!({ "current_password": password }),
            )
            .await
        }
    };
    let wrong = end(pc.clone(), "pas le bon mot de passe").await;
    assert_eq!(wrong.status(), 403);
    assert_eq!(get_with(&app, "/api/account", &phone).await.status(), 200);
    let ended = end(pc.clone(), PASSWORD).await;
    assert_eq!(ended.status(), 200);
    assert_eq!(
        ended.json::<Value>().await.unwrap()["status"],
        "other_sessions_ended"
    );
    assert_eq!(get_with(&app, "/api/account", &phone).await.status(), 401);
    assert_eq!(get_with(&app, "/api/account", &pc).await.status(), 200);
    let listed: Value = get_with(&app, "/api/account/sessions", &pc)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
}
