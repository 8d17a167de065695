//! Attempt limits under attack: wrong passwords sent together, the owner's usual browser while
//! someone else guesses, and what a login does with the session a browser already had.

use futures_util::future::join_all;
use serde_json::json;

use crate::helpers::{
    family_signup, spawn_app, spawn_app_configured, DEVICE_COOKIE, FAMILY_PASSWORD, SESSION_COOKIE,
};

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test]
async fn fifty_wrong_passwords_sent_together_get_at_most_five_401s() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("cible@example.org", "92000").await;
    let attempts = (0..50).map(|_| app.log_in("cible@example.org", "pas le bon mot de passe"));
    let statuses: Vec<u16> = join_all(attempts)
        .await
        .iter()
        .map(|response| response.status().as_u16())
        .collect();
    assert!(count(&statuses, 401) <= 5, "{statuses:?}");
    assert!(count(&statuses, 401) >= 1, "{statuses:?}");
    assert_eq!(count(&statuses, 401) + count(&statuses, 429), 50);
    // Attempts refused were not counted: what is left of the five can still be used, then the
    // address is locked for browsers that never logged in to it.
    for _ in count(&statuses, 401)..5 {
        let wrong = app
            .log_in("cible@example.org", "pas le bon mot de passe")
            .await;
        assert_eq!(wrong.status(), 401);
    }
    let right = app.log_in("cible@example.org", FAMILY_PASSWORD).await;
    assert_eq!(right.status(), 429);
}

/// The right password sent from many places at once: the attempts in flight fill the count for
/// a moment, so some are asked to retry within seconds — never told to wait the quarter of an
/// hour that failures earn.
#[tokio::test]
async fn right_passwords_sent_together_are_asked_to_retry_in_seconds_not_locked_out() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("pressee@example.org", "92000").await;
    let attempts = (0..12).map(|_| app.log_in("pressee@example.org", FAMILY_PASSWORD));
    let responses = join_all(attempts).await;
    let mut accepted = 0;
    for response in responses {
        match response.status().as_u16() {
            200 => accepted += 1,
            429 => {
                let retry: i64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(retry <= 2, "told to wait {retry} s");
            }
            other => panic!("answered {other}"),
        }
    }
    assert!(accepted >= 5, "only {accepted} of 12 logged in");
    let again = app.log_in("pressee@example.org", FAMILY_PASSWORD).await;
    assert_eq!(
        again.status(),
        200,
        "nothing was counted against the address"
    );
    // Failures still earn the long wait.
    for _ in 0..5 {
        let wrong = app
            .log_in("pressee@example.org", "pas le bon mot de passe")
            .await;
        assert_eq!(wrong.status(), 401);
    }
    let locked = app
        .log_in("pressee@example.org", "pas le bon mot de passe")
        .await;
    assert_eq!(locked.status(), 429);
    let retry: i64 = locked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 800, "a lockout of {retry} s");
}

#[tokio::test]
async fn fifty_wrong_current_passwords_sent_together_get_at_most_five_403s() {
    let app = spawn_app().await;
    let family = app.signed_in_family("volee@example.org", "92000").await;
    // Counted against the address, as a browser without its device cookie is.
    family.forget_cookie(DEVICE_COOKIE);
    let new_emails: Vec<String> = (0..50)
        .map(|index| format!("ailleurs{index}@example.org"))
        .collect();
    let attempts = new_emails
        .iter()
        .map(|new_email| family.request_email_change(new_email, "pas le bon mot de passe"));
    let statuses: Vec<u16> = join_all(attempts)
        .await
        .iter()
        .map(|response| response.status().as_u16())
        .collect();
    assert!(count(&statuses, 403) <= 5, "{statuses:?}");
    assert!(count(&statuses, 403) >= 1, "{statuses:?}");
    assert_eq!(count(&statuses, 403) + count(&statuses, 429), 50);
    assert!(app.emails_to("ailleurs0@example.org").await.is_empty());
}

#[tokio::test]
async fn failures_made_elsewhere_do_not_lock_the_owner_out_of_a_browser_that_logged_in_before() {
    let app = spawn_app().await;
    let _ = app
        .signed_in_family("proprietaire@example.org", "92000")
        .await;
    // The owner's browser logs in and keeps its device cookie.
    let owners_browser = app
        .log_in_as_family("proprietaire@example.org", FAMILY_PASSWORD)
        .await;
    let device = owners_browser
        .cookie(DEVICE_COOKIE)
        .expect("a device cookie");
    // Each attempt from the owner's device presents that cookie alone.
    let from_the_device = |email: &'static str, password: &'static str| {
        let browser = app.browser().with_cookie(DEVICE_COOKIE, &device);
        async move { browser.log_in(email, password).await.status() }
    };

    // Someone else guesses until the address is locked for every other browser.
    for _ in 0..6 {
        app.log_in("proprietaire@example.org", "devinette").await;
    }
    let elsewhere = app
        .log_in("proprietaire@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(elsewhere.status(), 429);
    assert_eq!(
        from_the_device("proprietaire@example.org", FAMILY_PASSWORD).await,
        200
    );

    // The device's own failures still count, on their own.
    for _ in 0..5 {
        assert_eq!(
            from_the_device("proprietaire@example.org", "faute de frappe").await,
            401
        );
    }
    assert_eq!(
        from_the_device("proprietaire@example.org", FAMILY_PASSWORD).await,
        429
    );
    // A device cookie of another account counts as none.
    let _ = app.signed_in_family("voisine@example.org", "92000").await;
    assert_eq!(
        from_the_device("voisine@example.org", FAMILY_PASSWORD).await,
        200
    );
}

#[tokio::test]
async fn a_login_ends_the_session_the_browser_presented() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("renouvelee@example.org", "92000")
        .await;
    let first = family.copy();
    let again = family
        .log_in("renouvelee@example.org", FAMILY_PASSWORD)
        .await;
    assert_eq!(again.status(), 200);
    assert_ne!(first.cookie(SESSION_COOKIE), family.cookie(SESSION_COOKIE));
    assert_eq!(first.get("/api/account").await.status(), 401);
    assert_eq!(family.get("/api/account").await.status(), 200);
}

#[tokio::test]
async fn requests_that_cost_a_hash_or_send_mail_are_limited_per_client_ipv6_by_its_64() {
    let app = spawn_app_configured(|config| {
        // The tests' requests come through a proxy that names each client.
        config.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        config.anonymous_limits.per_client = 4;
    })
    .await;
    let from = |client: &'static str, path: &'static str, body: serde_json::Value| {
        let request = app
            .request(reqwest::Method::POST, path)
            .header("x-forwarded-for", client)
            .json(&body);
        async move { request.send().await.unwrap() }
    };
    let email = json!({ "email": "famille@example.org" });
    let client = "203.0.113.7";
    assert_eq!(
        from(
            client,
            "/api/accounts",
            family_signup("famille@example.org", "92000")
        )
        .await
        .status(),
        202
    );
    assert_eq!(
        from(client, "/api/accounts/verification-email", email.clone())
            .await
            .status(),
        202
    );
    assert_eq!(
        from(client, "/api/password-reset", email.clone())
            .await
            .status(),
        202
    );
    let login = json!({ "email": "famille@example.org", "password": "pas encore" });
    assert_eq!(
        from(client, "/api/sessions", login.clone()).await.status(),
        401
    );
    let refused = from(client, "/api/password-reset", email.clone()).await;
    assert_eq!(refused.status(), 429);
    assert!(
        refused.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
            > 0
    );
    // The same client written as IPv6 is the same client.
    assert_eq!(
        from("::ffff:203.0.113.7", "/api/sessions", login.clone())
            .await
            .status(),
        429
    );
    // Another client is not affected.
    assert_eq!(
        from("198.51.100.9", "/api/password-reset", email.clone())
            .await
            .status(),
        202
    );

    // An IPv6 client is counted by its /64, whatever address in it it takes.
    for address in [
        "2001:db8:1:2::1",
        "2001:db8:1:2::2",
        "2001:db8:1:2::3",
        "2001:db8:1:2::4",
    ] {
        assert_eq!(
            from(address, "/api/password-reset", email.clone())
                .await
                .status(),
            202
        );
    }
    assert_eq!(
        from("2001:db8:1:2:ffff::9", "/api/password-reset", email.clone())
            .await
            .status(),
        429
    );
    assert_eq!(
        from("2001:db8:1:3::1", "/api/password-reset", email.clone())
            .await
            .status(),
        202
    );

    // The allowance comes back when its window ends.
    app.clock.advance(15 * 60);
    assert_eq!(
        from(client, "/api/password-reset", email).await.status(),
        202
    );
}

/// A client that hangs up while its password is checked (a phone losing its network) leaves no
/// attempt in flight: a right password is given back, a wrong one settled as a failure.
#[tokio::test]
async fn an_attempt_whose_client_hangs_up_mid_check_is_still_settled() {
    let app = spawn_app().await;
    let _ = app.signed_in_family("tunnel@example.org", "92000").await;
    let impatient = reqwest::Client::builder()
        .timeout(std::time::Duration::from_millis(5))
        .build()
        .unwrap();
    for password in [FAMILY_PASSWORD, FAMILY_PASSWORD, "pas le bon mot de passe"] {
        let sent = impatient
            .post(app.url("/api/sessions"))
            .header("origin", &app.address)
            .json(&json!({ "email": "tunnel@example.org", "password": password }))
            .send()
            .await;
        assert!(sent.is_err(), "the client was meant to hang up first");
        // One at a time: a right password's login forgets the address's failures.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    // The checks go on without their clients; then nothing is left in flight.
    let mut counts = (0, 0);
    for _ in 0..200 {
        let row = sqlx::query(
            "SELECT COUNT(*) AS attempts, \
             COALESCE(SUM(CASE WHEN in_flight_until IS NULL THEN 0 ELSE 1 END), 0) AS in_flight \
             FROM login_failures WHERE email = $1",
        )
        .bind("tunnel@example.org")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
        use sqlx::Row;
        counts = (
            row.get::<i64, _>("attempts"),
            row.get::<i64, _>("in_flight"),
        );
        if counts == (1, 0) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        counts,
        (1, 0),
        "(attempts, in flight): one failure, settled"
    );
}
