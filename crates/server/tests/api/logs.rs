//! What the server writes to its log, read from the binary's standard error: authentication
//! events with the client's address, another family's ids as authorization misses, and never an
//! e-mail address, a password or a session token.

use std::process::Stdio;

use tempfile::TempDir;

use crate::binary::{client, new_family, post_json, Server};
use crate::helpers::pupils::{pupil, pupil_body, COLLEGE_92};
use crate::helpers::{fresh_database_url, FAMILY_PASSWORD};

#[tokio::test]
async fn the_log_names_accounts_and_clients_and_never_addresses_passwords_or_tokens() {
    let dir = TempDir::new().unwrap();
    let database_url = fresh_database_url(dir.path()).await;
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let server = Server::start(dir.path(), &database_url, Stdio::from(log), "info");
    let outbox = dir.path().join("outbox");
    let address = server.address.clone();

    let owner = new_family(&address, &outbox, "proprietaire.journal@example.fr")
        .await
        .unwrap();
    let other = new_family(&address, &outbox, "curieuse.journal@example.fr")
        .await
        .unwrap();
    let pupil = pupil("Inès", (14, 3, 2014), COLLEGE_92, false);
    let added = client()
        .post(format!("{address}/api/pupils"))
        .header("origin", &address)
        .header("cookie", &owner)
        .multipart(pupil_body(&pupil, vec![]))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 201);
    let id = added.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let missed = client()
        .get(format!("{address}/api/pupils/{id}"))
        .header("cookie", &other)
        .send()
        .await
        .unwrap();
    assert_eq!(missed.status(), 404);
    let wrong = serde_json::json!({
        "email": "proprietaire.journal@example.fr",
        "password": "pas le bon mot de passe",
    });
    assert_eq!(post_json(&address, "/api/sessions", wrong).await, Some(401));
    server.kill();

    let log = std::fs::read_to_string(&log_path).unwrap();
    let miss = log
        .lines()
        .find(|line| line.contains("authorization_miss"))
        .expect("the authorization miss is logged");
    assert!(miss.contains(&id) && miss.contains("account="), "{miss}");
    let failed = log
        .lines()
        .find(|line| line.contains("event=\"login\"") && line.contains("outcome=\"failed\""))
        .expect("the failed login is logged");
    assert!(failed.contains("client=127.0.0.1"), "{failed}");
    let secrets = [
        "@example.fr",
        FAMILY_PASSWORD,
        "pas le bon mot de passe",
        owner.split('=').nth(1).unwrap(),
        other.split('=').nth(1).unwrap(),
    ];
    for secret in secrets {
        assert!(!log.contains(secret), "the log holds {secret:?}");
    }
}
