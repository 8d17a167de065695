//! The collège reference list (the server's `colleges/`): its public search, what it finds and
//! refuses, and an administrator's edits kept across a restart.

use secrecy::ExposeSecret;

use crate::helpers::{restart, spawn_app};

#[tokio::test]
async fn search_finds_anne_frank_in_antony_with_its_uai() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/colleges?q=anne%20frank").await;
    assert_eq!(status, 200);
    let colleges = body["colleges"].as_array().unwrap();
    let anne_frank = colleges
        .iter()
        .find(|c| c["commune"] == "Antony")
        .expect("Anne Frank in Antony");
    assert_eq!(anne_frank["uai"], "0921243B");
    assert_eq!(anne_frank["name"], "Collège Anne Frank");
    assert_eq!(anne_frank["postal_code"], "92160");
    assert_eq!(anne_frank["departement"], "92");
    assert_eq!(anne_frank["canteen_run_by_departement"], true);
}

#[tokio::test]
async fn search_ignores_accents_and_case() {
    let app = spawn_app().await;
    for query in ["CHATENAY", "châtenay-malabry", "Chatenay  Malabry"] {
        let (status, body) = app.get_json(&format!("/api/colleges?q={query}")).await;
        assert_eq!(status, 200, "{query}");
        let colleges = body["colleges"].as_array().unwrap();
        assert!(!colleges.is_empty(), "{query}");
        assert!(
            colleges.iter().all(|c| c["commune"] == "Châtenay-Malabry"),
            "{query}: {colleges:?}"
        );
    }
}

#[tokio::test]
async fn search_matches_postal_code_and_uai() {
    let app = spawn_app().await;
    let (_, by_postal_code) = app.get_json("/api/colleges?q=92160").await;
    let communes: Vec<_> = by_postal_code["colleges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["postal_code"].as_str().unwrap().to_owned())
        .collect();
    assert!(!communes.is_empty());
    assert!(communes.iter().all(|code| code == "92160"));

    let (status, by_uai) = app.get_json("/api/colleges?q=092%20124%203b").await;
    assert_eq!(status, 200);
    assert_eq!(by_uai["colleges"].as_array().unwrap().len(), 1);
    assert_eq!(by_uai["colleges"][0]["uai"], "0921243B");
}

#[tokio::test]
async fn search_returns_at_most_twenty_and_says_there_are_more() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/colleges?q=college").await;
    assert_eq!(status, 200);
    assert_eq!(body["colleges"].as_array().unwrap().len(), 20);
    assert_eq!(body["more"], true);

    let (_, few) = app.get_json("/api/colleges?q=anne%20frank%20antony").await;
    assert_eq!(few["colleges"].as_array().unwrap().len(), 1);
    assert_eq!(few["more"], false);
}

#[tokio::test]
async fn the_two_collèges_no_departement_runs_are_marked() {
    let app = spawn_app().await;
    for uai in ["0922579D", "0783122V"] {
        let (_, body) = app.get_json(&format!("/api/colleges?q={uai}")).await;
        assert_eq!(body["colleges"][0]["uai"], uai);
        assert_eq!(body["colleges"][0]["canteen_run_by_departement"], false);
    }
}

#[tokio::test]
async fn invalid_searches_get_the_shared_error_codes() {
    let app = spawn_app().await;
    let cases = [
        ("/api/colleges?q=a", "query_too_short"),
        ("/api/colleges?q=%20%20", "query_too_short"),
        ("/api/colleges?q=--%25%25", "query_too_short"),
        ("/api/colleges", "query_too_short"),
        ("/api/colleges?q=0921243C", "uai_check_letter"),
        ("/api/colleges?q=0921243", "uai_length"),
    ];
    for (path, code) in cases {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 422, "{path}");
        assert_eq!(body["fields"]["q"][0], code, "{path}: {body}");
    }
    let long = format!("/api/colleges?q={}", "a".repeat(101));
    let (status, body) = app.get_json(&long).await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"]["q"][0], "query_too_long");
}

#[tokio::test]
async fn a_restart_never_overwrites_an_administrators_edit() {
    let app = spawn_app().await;
    let pool = passplus_server::platform::db::connect(app.config.database_url.expose_secret())
        .await
        .unwrap();
    sqlx::query("UPDATE colleges SET name = $1 WHERE uai = $2")
        .bind("Collège Anne Frank (renommé)")
        .bind("0921243B")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM colleges WHERE uai = $1")
        .bind("0921786S")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let app = restart(app).await;
    let (_, body) = app.get_json("/api/colleges?q=0921243B").await;
    assert_eq!(body["colleges"][0]["name"], "Collège Anne Frank (renommé)");
    let (_, body) = app.get_json("/api/colleges?q=0921786S").await;
    assert_eq!(body["colleges"].as_array().unwrap().len(), 0);
}
