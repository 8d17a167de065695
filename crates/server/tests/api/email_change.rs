//! Changing the account's e-mail address (the server's `accounts/routes/email_change`): asked
//! with the current password, taking effect only through a link sent to the new address, and
//! what must be refused on the way.

use passplus_validation::codes::refusal;
use passplus_validation::links::NEW_EMAIL_PATH;
use serde_json::Value;

use crate::helpers::mail::words;
use crate::helpers::{error_code, spawn_app, Family, DEVICE_COOKIE, FAMILY_PASSWORD, NEW_PASSWORD};

/// The address the account has now, as its page shows it.
async fn account_email(family: &Family) -> String {
    let account = family.read_json("/api/account").await;
    account["email"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_change_takes_effect_only_once_the_new_address_is_verified() {
    let app = spawn_app().await;
    let family = app.signed_in_family("ancienne@example.org", "92000").await;
    let requested = family
        .request_email_change("Nouvelle@Example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(requested.status(), 202);
    assert_eq!(
        requested.json::<Value>().await.unwrap()["status"],
        "verification_sent"
    );

    // Until the link is used, the old address is the account's, for login and display.
    assert_eq!(account_email(&family).await, "ancienne@example.org");
    assert_eq!(
        app.log_in("ancienne@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.log_in("nouvelle@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        401
    );
    let told = app.emails_to("ancienne@example.org").await;
    assert!(words(told.last().unwrap()).contains("Un changement d’adresse e-mail a été demandé"));
    assert!(!told.last().unwrap().contains("jeton="));

    let token = app
        .last_link_token("nouvelle@example.org", NEW_EMAIL_PATH)
        .await;
    assert!(app.emails_to("nouvelle@example.org").await[0].contains("/nouvelle-adresse#jeton="));
    let confirmed = family.confirm_email_change(&token).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        confirmed.json::<Value>().await.unwrap()["status"],
        "email_changed"
    );

    assert_eq!(account_email(&family).await, "nouvelle@example.org");
    assert_eq!(
        app.log_in("nouvelle@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.log_in("ancienne@example.org", FAMILY_PASSWORD)
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
    assert_eq!(app.sign_up("ancienne@example.org").await.status(), 202);
    assert!(app
        .emails_to("ancienne@example.org")
        .await
        .last()
        .unwrap()
        .contains("/verifier-mon-adresse#jeton="));
}

#[tokio::test]
async fn a_wrong_current_password_refuses_it_and_counts_toward_login_limits() {
    let app = spawn_app().await;
    let family = app.signed_in_family("prudente@example.org", "92000").await;
    // A browser without the device cookie its login left, so that its failures are the
    // address's, as anyone else's would be (a device's own count alone: see `limits.rs`).
    family.forget_cookie(DEVICE_COOKIE);
    for _ in 0..5 {
        let refused = family
            .request_email_change("ailleurs@example.org", "pas le bon")
            .await;
        assert_eq!(refused.status(), 403);
        assert_eq!(error_code(refused).await, refusal::CURRENT_PASSWORD_WRONG);
    }
    assert!(app.emails_to("ailleurs@example.org").await.is_empty());
    // The address's five failures now block this form, the password change and the login alike.
    let blocked = family
        .request_email_change("ailleurs@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(blocked.status(), 429);
    assert_eq!(error_code(blocked).await, refusal::TOO_MANY_ATTEMPTS);
    assert_eq!(
        family
            .change_password(FAMILY_PASSWORD, NEW_PASSWORD)
            .await
            .status(),
        429
    );
    assert_eq!(
        app.log_in("prudente@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        429
    );
    assert!(app.emails_to("ailleurs@example.org").await.is_empty());
    assert_eq!(account_email(&family).await, "prudente@example.org");

    app.clock.advance(15 * 60 + 1);
    let accepted = family
        .request_email_change("ailleurs@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(accepted.status(), 202);
}

#[tokio::test]
async fn a_taken_new_address_gets_the_same_answer_and_its_owner_a_message_without_link() {
    let app = spawn_app().await;
    let family = app.signed_in_family("demandeur@example.org", "92000").await;
    let _ = app.signed_in_family("occupee@example.org", "92000").await;
    let free = family
        .request_email_change("libre@example.org", FAMILY_PASSWORD)
        .await;
    let taken = family
        .request_email_change("Occupee@example.org", FAMILY_PASSWORD)
        .await;
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
    assert_eq!(account_email(&family).await, "demandeur@example.org");
    assert_eq!(
        app.log_in("occupee@example.org", FAMILY_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_link_works_once_and_for_24_hours() {
    let app = spawn_app().await;
    let family = app.signed_in_family("lien@example.org", "92000").await;
    family
        .request_email_change("lien2@example.org", FAMILY_PASSWORD)
        .await;
    let token = app
        .last_link_token("lien2@example.org", NEW_EMAIL_PATH)
        .await;
    assert_eq!(family.confirm_email_change(&token).await.status(), 200);
    let again = app.confirm_email_change(&token).await;
    assert_eq!(again.status(), 409);
    assert_eq!(error_code(again).await, refusal::LINK_USED);

    let unknown = app.confirm_email_change("AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(unknown).await, refusal::LINK_INVALID);
    // A signup verification link is not an e-mail change link.
    app.sign_up("autre@example.org").await;
    let signup_token = app.last_verification_token("autre@example.org").await;
    assert_eq!(app.confirm_email_change(&signup_token).await.status(), 404);

    family
        .request_email_change("lien3@example.org", FAMILY_PASSWORD)
        .await;
    let late = app
        .last_link_token("lien3@example.org", NEW_EMAIL_PATH)
        .await;
    app.clock.advance(24 * 3600 + 1);
    let expired = app.confirm_email_change(&late).await;
    assert_eq!(expired.status(), 410);
    assert_eq!(error_code(expired).await, refusal::LINK_EXPIRED);
    let again = app
        .log_in_as_family("lien2@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(account_email(&again).await, "lien2@example.org");
}

#[tokio::test]
async fn an_address_taken_before_the_link_is_used_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let family = app.signed_in_family("lente@example.org", "92000").await;
    family
        .request_email_change("convoitee@example.org", FAMILY_PASSWORD)
        .await;
    let token = app
        .last_link_token("convoitee@example.org", NEW_EMAIL_PATH)
        .await;
    let _ = app.signed_in_family("convoitee@example.org", "92000").await;
    let refused = app.confirm_email_change(&token).await;
    assert_eq!(refused.status(), 409);
    assert_eq!(error_code(refused).await, refusal::EMAIL_TAKEN);
    assert_eq!(account_email(&family).await, "lente@example.org");
}

#[tokio::test]
async fn invalid_or_unchanged_new_addresses_get_422_and_send_nothing() {
    let app = spawn_app().await;
    let family = app.signed_in_family("meme@example.org", "92000").await;
    let sent_before = app.outbox().await.len();
    let same = family
        .request_email_change(" MEME@example.org ", FAMILY_PASSWORD)
        .await;
    assert_eq!(same.status(), 422);
    let errors: Value = same.json().await.unwrap();
    assert_eq!(errors["fields"]["new_email"][0], "email_unchanged");

    let invalid = family.request_email_change("pas-une-adresse", "").await;
    assert_eq!(invalid.status(), 422);
    let errors: Value = invalid.json().await.unwrap();
    assert_eq!(errors["fields"]["new_email"][0], "email_invalid");
    assert_eq!(errors["fields"]["current_password"][0], "password_empty");
    assert_eq!(app.outbox().await.len(), sent_before);
}

#[tokio::test]
async fn links_are_limited_to_five_an_hour_with_the_same_answer() {
    let app = spawn_app().await;
    let family = app.signed_in_family("flot@example.org", "92000").await;
    for _ in 0..6 {
        let response = family
            .request_email_change("inonde@example.org", FAMILY_PASSWORD)
            .await;
        assert_eq!(response.status(), 202);
    }
    assert_eq!(app.emails_to("inonde@example.org").await.len(), 5);
    app.clock.advance(3601);
    // A fresh session: the first one went idle.
    let family = app
        .log_in_as_family("flot@example.org", FAMILY_PASSWORD)
        .await;
    family
        .request_email_change("inonde@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(app.emails_to("inonde@example.org").await.len(), 6);
}

#[tokio::test]
async fn a_change_ends_the_other_sessions_and_keeps_the_confirming_browser() {
    let app = spawn_app().await;
    let here = app.signed_in_family("demenage@example.org", "92000").await;
    let elsewhere = app
        .log_in_as_family("demenage@example.org", FAMILY_PASSWORD)
        .await;
    let asked = here
        .request_email_change("arrivee@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(asked.status(), 202);
    let token = app
        .last_link_token("arrivee@example.org", NEW_EMAIL_PATH)
        .await;
    let confirmed = here.confirm_email_change(&token).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(here.get("/api/account").await.status(), 200);
    assert_eq!(elsewhere.get("/api/account").await.status(), 401);
}
