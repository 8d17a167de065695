//! The account's active sessions (the server's `accounts/routes/active_sessions`): listed by
//! device without saying where from, and the others ended with the password.

use serde_json::Value;

use crate::helpers::{spawn_app, Family, TestApp, FAMILY_PASSWORD, START};

const PHONE: &str =
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
const COMPUTER: &str = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0";

/// A browser that describes itself as `user_agent`, logged in to the family's account.
async fn logged_in_from(app: &TestApp, email: &str, user_agent: &str) -> Family {
    let browser = app.browser().with_user_agent(user_agent);
    let login = browser.log_in(email, FAMILY_PASSWORD).await;
    assert_eq!(login.status(), 200);
    browser
}

#[tokio::test]
async fn a_family_sees_its_sessions_and_ends_the_others_with_its_password() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("prudente@example.org", "92000").await;
    let phone = logged_in_from(&app, "prudente@example.org", PHONE).await;
    app.clock.advance(120);
    let pc = logged_in_from(&app, "prudente@example.org", COMPUTER).await;
    let listed = pc.read_json("/api/account/sessions").await;
    let sessions = listed.as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions[0]["device"], "Firefox, Windows");
    assert_eq!(sessions[0]["current"], true);
    assert_eq!(sessions[0]["started_at"], START + 120);
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

    let wrong = pc.end_other_sessions("pas le bon mot de passe").await;
    assert_eq!(wrong.status(), 403);
    assert_eq!(phone.get("/api/account").await.status(), 200);
    let ended = pc.end_other_sessions(FAMILY_PASSWORD).await;
    assert_eq!(ended.status(), 200);
    assert_eq!(
        ended.json::<Value>().await.unwrap()["status"],
        "other_sessions_ended"
    );
    assert_eq!(phone.get("/api/account").await.status(), 401);
    assert_eq!(pc.get("/api/account").await.status(), 200);
    let listed = pc.read_json("/api/account/sessions").await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
}
