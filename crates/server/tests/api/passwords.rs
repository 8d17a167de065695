//! The password: changed with the current one (the server's
//! `accounts/routes/password_change`), or reset by a link when forgotten
//! (`accounts/routes/password_reset`), each ending sessions and voiding older links; and what
//! must be refused on the way.

use std::time::Duration;

use passplus_validation::codes::refusal;
use passplus_validation::links::{NEW_EMAIL_PATH, NEW_PASSWORD_PATH};
use serde_json::Value;

use crate::helpers::mail::words;
use crate::helpers::{
    error_code, spawn_app, TestApp, FAMILY_PASSWORD, NEW_PASSWORD, SESSION_COOKIE,
};

/// The token of the reset link in the `count`-th (and last) message to an address.
async fn reset_token(app: &TestApp, address: &str, count: usize) -> String {
    app.emails_to_at_least(address, count).await;
    app.last_link_token(address, NEW_PASSWORD_PATH).await
}

#[tokio::test]
async fn a_change_ends_the_other_sessions_and_keeps_this_browser_signed_in() {
    let app = spawn_app().await;
    let here = app.signed_in_family("change@example.org", "92000").await;
    let here_before = here.copy();
    let elsewhere = app
        .log_in_as_family("change@example.org", FAMILY_PASSWORD)
        .await;
    let _ = app.signed_in_family("voisine@example.org", "92000").await;
    let neighbour = app
        .log_in_as_family("voisine@example.org", FAMILY_PASSWORD)
        .await;

    let changed = here.change_password(FAMILY_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(changed.status(), 200);
    assert_ne!(
        here.cookie(SESSION_COOKIE),
        here_before.cookie(SESSION_COOKIE),
        "a new session id after the change"
    );
    assert_eq!(
        changed.json::<Value>().await.unwrap()["status"],
        "password_changed"
    );

    assert_eq!(here.get("/api/account").await.status(), 200);
    assert_eq!(here_before.get("/api/account").await.status(), 401);
    assert_eq!(elsewhere.get("/api/account").await.status(), 401);
    assert_eq!(
        neighbour.get("/api/account").await.status(),
        200,
        "other accounts keep their sessions"
    );
    assert_eq!(
        app.log_in("change@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.log_in("change@example.org", NEW_PASSWORD)
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
    let here = app.signed_in_family("garde@example.org", "92000").await;
    let elsewhere = app
        .log_in_as_family("garde@example.org", FAMILY_PASSWORD)
        .await;
    let refused = here.change_password("pas le bon", NEW_PASSWORD).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(error_code(refused).await, refusal::CURRENT_PASSWORD_WRONG);
    assert_eq!(here.get("/api/account").await.status(), 200);
    assert_eq!(elsewhere.get("/api/account").await.status(), 200);
    assert_eq!(
        app.log_in("garde@example.org", NEW_PASSWORD).await.status(),
        401
    );
    assert_eq!(
        app.log_in("garde@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn an_invalid_new_password_gets_422_with_the_signup_codes_and_costs_no_attempt() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("camille.martin@example.org", "92000")
        .await;
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
        let refused = family.change_password("pas le bon", new_password).await;
        assert_eq!(refused.status(), 422, "{new_password}");
        let errors: Value = refused.json().await.unwrap();
        assert_eq!(errors["fields"]["new_password"][0], code, "{new_password}");
    }
    let empty = family.change_password("", "").await;
    let errors: Value = empty.json().await.unwrap();
    assert_eq!(errors["fields"]["current_password"][0], "password_empty");
    assert_eq!(errors["fields"]["new_password"][0], "password_empty");
    // Nothing changed, and no attempt was spent: the login still works.
    assert_eq!(
        app.log_in("camille.martin@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let app = spawn_app().await;
    let first = app.signed_in_family("oublieuse@example.org", "92000").await;
    let second = app
        .log_in_as_family("oublieuse@example.org", FAMILY_PASSWORD)
        .await;
    let sent_before = app.emails_to("oublieuse@example.org").await.len();

    let asked = app.ask_password_reset("Oublieuse@Example.org").await;
    assert_eq!(asked.status(), 202);
    assert_eq!(asked.json::<Value>().await.unwrap()["status"], "reset_sent");
    let token = reset_token(&app, "oublieuse@example.org", sent_before + 1).await;

    assert_eq!(app.check_reset_link(&token).await.status(), 200);
    // Asking is no change: the password and the sessions are as they were.
    assert_eq!(first.get("/api/account").await.status(), 200);

    let done = app.reset_password(&token, NEW_PASSWORD).await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        done.json::<Value>().await.unwrap()["status"],
        "password_reset"
    );
    assert_eq!(first.get("/api/account").await.status(), 401);
    assert_eq!(second.get("/api/account").await.status(), 401);
    assert_eq!(
        app.log_in("oublieuse@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.log_in("oublieuse@example.org", NEW_PASSWORD)
            .await
            .status(),
        200
    );

    let again = app
        .reset_password(&token, "encore un autre mot de passe")
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, refusal::LINK_USED);
    assert_eq!(app.check_reset_link(&token).await.status(), 409);
    assert!(
        words(app.emails_to("oublieuse@example.org").await.last().unwrap())
            .contains("vient d’être changé")
    );
}

#[tokio::test]
async fn a_reset_gets_the_same_answer_for_an_unknown_address_and_sends_it_nothing() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("connue@example.org", "92000").await;
    let known = app.ask_password_reset("connue@example.org").await;
    let unknown = app.ask_password_reset("inconnue@example.org").await;
    assert_eq!(known.status(), 202);
    assert_eq!(unknown.status(), 202);
    assert_eq!(
        known.json::<Value>().await.unwrap(),
        unknown.json::<Value>().await.unwrap()
    );
    app.emails_to_at_least("connue@example.org", 2).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(app.emails_to("inconnue@example.org").await.is_empty());
}

#[tokio::test]
async fn a_reset_link_expires_after_one_hour_and_changes_nothing() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("tardive@example.org", "92000").await;
    app.ask_password_reset("tardive@example.org").await;
    let token = reset_token(&app, "tardive@example.org", 2).await;
    app.clock.advance(60 * 60 - 10);
    assert_eq!(
        app.check_reset_link(&token).await.status(),
        200,
        "still valid just before the hour"
    );
    app.clock.advance(11);
    let expired = app.reset_password(&token, NEW_PASSWORD).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, refusal::LINK_EXPIRED);
    assert_eq!(
        app.log_in("tardive@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );

    let unknown = app
        .reset_password("AAAAAAAAAAAAAAAAAAAAAA", NEW_PASSWORD)
        .await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, refusal::LINK_INVALID);
}

#[tokio::test]
async fn reset_links_are_limited_to_three_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    let _ = app
        .signed_in_family("insistante@example.org", "92000")
        .await;
    for _ in 0..4 {
        assert_eq!(
            app.ask_password_reset("insistante@example.org")
                .await
                .status(),
            202
        );
    }
    // The verification link, then three reset links.
    app.emails_to_at_least("insistante@example.org", 4).await;
    assert_eq!(app.emails_to("insistante@example.org").await.len(), 4);
    app.clock.advance(3601);
    app.ask_password_reset("insistante@example.org").await;
    app.emails_to_at_least("insistante@example.org", 5).await;
}

#[tokio::test]
async fn an_invalid_new_password_on_reset_gets_422_and_leaves_the_link_usable() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("dominique.durand@example.org", "92000")
        .await;
    app.ask_password_reset("dominique.durand@example.org").await;
    let token = reset_token(&app, "dominique.durand@example.org", 2).await;
    for (new_password, code) in [
        ("court", "password_too_short"),
        ("Sonyericsson", "password_common"),
        ("chez dominique.durand", "password_contains_email"),
    ] {
        let refused = app.reset_password(&token, new_password).await;
        assert_eq!(refused.status(), 422, "{new_password}");
        let errors: Value = refused.json().await.unwrap();
        assert_eq!(errors["fields"]["new_password"][0], code, "{new_password}");
    }
    let blank = app.reset_password(" ", NEW_PASSWORD).await;
    assert_eq!(blank.status(), 422);
    assert_eq!(
        blank.json::<Value>().await.unwrap()["fields"]["token"][0],
        "token_invalid"
    );
    assert_eq!(family.get("/api/account").await.status(), 200);
    assert_eq!(app.reset_password(&token, NEW_PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn a_reset_lifts_the_lockout_of_the_address() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("bloquee@example.org", "92000").await;
    for _ in 0..5 {
        app.log_in("bloquee@example.org", "pas le bon").await;
    }
    assert_eq!(
        app.log_in("bloquee@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        429
    );
    app.ask_password_reset("bloquee@example.org").await;
    let token = reset_token(&app, "bloquee@example.org", 2).await;
    assert_eq!(app.reset_password(&token, NEW_PASSWORD).await.status(), 200);
    assert_eq!(
        app.log_in("bloquee@example.org", NEW_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_new_password_voids_the_address_changes_and_resets_asked_for_with_the_old_one() {
    let app = spawn_app().await;
    let owner = "proprietaire@example.org";
    let family = app.signed_in_family(owner, "92000").await;
    // Someone who knows the password asks to move the account to their own mailbox…
    let asked = family
        .request_email_change("intrus@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(asked.status(), 202);
    let stolen_link = app
        .last_link_token("intrus@example.org", NEW_EMAIL_PATH)
        .await;
    // …and a reset link sits in the owner's mailbox.
    assert_eq!(app.ask_password_reset(owner).await.status(), 202);
    let old_reset = reset_token(&app, owner, 3).await;

    // The owner, warned, changes the password: neither link works any more.
    let changed = family
        .change_password(FAMILY_PASSWORD, "une toute autre phrase secrète")
        .await;
    assert_eq!(changed.status(), 200);
    let response = app.confirm_email_change(&stolen_link).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error_code(response).await, refusal::LINK_USED);
    let response = app
        .reset_password(&old_reset, "encore une autre phrase")
        .await;
    assert_eq!(response.status(), 409);
    let family = app
        .log_in_as_family(owner, "une toute autre phrase secrète")
        .await;

    // The same after a reset by link: an address change asked before it is void.
    let asked = family
        .request_email_change("intrus2@example.org", "une toute autre phrase secrète")
        .await;
    assert_eq!(asked.status(), 202);
    let stolen_link = app
        .last_link_token("intrus2@example.org", NEW_EMAIL_PATH)
        .await;
    let before = app.emails_to(owner).await.len();
    assert_eq!(app.ask_password_reset(owner).await.status(), 202);
    let token = reset_token(&app, owner, before + 1).await;
    assert_eq!(
        app.reset_password(&token, "la phrase de la reprise en main")
            .await
            .status(),
        200
    );
    assert_eq!(app.confirm_email_change(&stolen_link).await.status(), 409);
    assert_eq!(
        app.log_in(owner, "la phrase de la reprise en main")
            .await
            .status(),
        200
    );
}
