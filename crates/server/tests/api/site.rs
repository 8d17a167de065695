//! The site itself (the server's `site/`, `privacy/` and `http/`): health, the built app and its
//! files with their caching, the security headers of every answer, the English texts, the
//! privacy notice, and the JSON 404 of unknown API paths.

use base64::Engine;
use passplus_validation::codes::refusal;
use sha2::Digest;

use crate::helpers::{
    error_code, known_refusal, spawn_app, spawn_app_configured, TestApp, BROTLI_MARKER,
    CANTEEN_LOADER, INLINE_LOADER, PRERENDERED_LOGIN,
};

#[tokio::test]
async fn health_says_the_database_answers() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/health").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], true);
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let app = spawn_app().await;
    for path in ["/api", "/api/", "/api/nothing-here", "/api/colleges/extra"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(error_code(response).await, refusal::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn client_routes_get_the_app_uncached() {
    let app = spawn_app().await;
    for path in ["/", "/trouver-mon-college", "/une/route/inconnue"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(
            response.text().await.unwrap().contains("<h1>Pass+</h1>"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_canteens_routes_get_the_canteens_app() {
    let app = spawn_app().await;
    for path in [
        "/cantine",
        "/cantine/",
        "/cantine/inscription",
        "/cantine/repas/x",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(
            response.text().await.unwrap().contains("<h1>Cantine</h1>"),
            "{path}"
        );
    }
    let family = app.get("/cantines").await.text().await.unwrap();
    assert!(family.contains("<h1>Pass+</h1>"), "not the canteen's");
}

#[tokio::test]
async fn a_prerendered_page_is_sent_for_its_path_and_the_app_for_the_others() {
    let app = spawn_app().await;
    for path in ["/connexion", "/connexion/"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert_eq!(response.text().await.unwrap(), PRERENDERED_LOGIN, "{path}");
    }
    let compressed = app
        .client
        .get(app.url("/connexion"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.text().await.unwrap(), BROTLI_MARKER);
    // A public page whose file this build lacks, and a page only the app draws: index.html.
    for path in [
        "/trouver-mon-college",
        "/mon-compte",
        "/connexion/plus-loin",
    ] {
        let body = app.get(path).await.text().await.unwrap();
        assert!(body.contains("<h1>Pass+</h1>"), "{path}");
    }
}

#[tokio::test]
async fn hashed_files_are_cached_forever_and_served_precompressed() {
    let app = spawn_app().await;
    let path = "/passplus-web-0123456789abcdef.js";
    let plain = app.get(path).await;
    assert_eq!(plain.status(), 200);
    assert_eq!(
        plain.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(plain.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "init();");

    let compressed = app
        .client
        .get(app.url(path))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.text().await.unwrap(), BROTLI_MARKER);

    let gzip_only = app
        .client
        .get(app.url(path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert!(
        gzip_only.headers().get("content-encoding").is_none(),
        "no .gz was built"
    );
    assert_eq!(gzip_only.headers()["vary"], "accept-encoding");

    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.headers()["cache-control"], "public, max-age=3600");
}

#[tokio::test]
async fn a_revalidated_index_stays_uncached() {
    let app = spawn_app().await;
    let first = app.get("/trouver-mon-college").await;
    let last_modified = first.headers()["last-modified"].clone();
    let revalidated = app
        .client
        .get(app.url("/trouver-mon-college"))
        .header("if-modified-since", last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);
    assert_eq!(revalidated.headers()["cache-control"], "no-cache");
}

#[tokio::test]
async fn a_missing_file_is_a_404_not_the_app() {
    let app = spawn_app().await;
    for path in [
        "/passplus-web-ffffffffffffffff.js",
        "/main-0000000000000000.css",
        "/nothing.txt",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_ne!(
            response.headers().get("content-type").map(|v| v.as_bytes()),
            Some(&b"text/html"[..])
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let hash = |loader: &str| {
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(loader.as_bytes()))
    };
    for path in [
        "/",
        "/cantine/",
        "/api/health",
        "/api/nothing",
        "/passplus-web-0123456789abcdef.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        for loader in [INLINE_LOADER, CANTEEN_LOADER] {
            assert!(
                csp.contains(&format!("'sha256-{}'", hash(loader))),
                "{path}: {csp}"
            );
        }
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_privacy_notice_is_served_in_each_language_from_the_registry() {
    let app = spawn_app().await;
    let registry = passplus_validation::privacy::registry();
    for (lang, first_processing) in [
        ("fr", &registry.processings[0].name.fr),
        ("en", &registry.processings[0].name.en),
    ] {
        let response = app.get(&format!("/api/privacy-notice/{lang}")).await;
        assert_eq!(response.status(), 200, "{lang}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("mailto:{}", registry.dpo.email)));
        let escaped = first_processing.replace('&', "&amp;");
        assert!(html.contains(&escaped), "{lang}: {first_processing}");
        assert!(html.contains("<table>") && html.contains("<th scope=\"row\">"));
    }
    let french = app
        .get("/api/privacy-notice/fr")
        .await
        .text()
        .await
        .unwrap();
    assert!(french.contains("Vos droits"));
    assert_eq!(app.get("/api/privacy-notice/de").await.status(), 404);
}

/// The notices' facts (privacy-notices.md) that each language's page must state, as a reader
/// would find them: who answers for the data, who receives it, on what basis, and how to
/// complain.
const NOTICE_FACTS: [(&str, &[&str]); 2] = [
    (
        "fr",
        &[
            "Département des Hauts-de-Seine",
            "Département des Yvelines",
            "2 place André Mignot, 78000 Versailles",
            "<strong>Elior, concessionnaire de la restauration scolaire</strong>, responsable conjoint",
            "partenaires du Pass+ (clubs, associations sportives et lieux culturels affiliés)",
            "Mission d'intérêt public (Code de l'action sociale et des familles, articles L121-1",
            "mailto:dpo@hauts-de-seine.fr",
            "92731 Nanterre Cedex",
            "Précisez dans votre demande qu'elle concerne Pass+.",
            "réclamation à la CNIL",
            "Référentiel général de sécurité (RGS) ; cette homologation est en cours",
            "Essais de connexion échoués",
            "Compte où aucun élève n’a été inscrit",
            "Aucun : les données restent dans l’Union européenne.",
        ],
    ),
    (
        "en",
        &[
            "Département des Hauts-de-Seine",
            "Département des Yvelines",
            "2 place André Mignot, 78000 Versailles",
            "<strong>Elior, the canteen caterer (concessionnaire)</strong>, joint controller",
            "Pass+ partners (affiliated clubs, sports associations and cultural venues)",
            "Public-interest mission (Code de l'action sociale et des familles, articles L121-1",
            "mailto:dpo@hauts-de-seine.fr",
            "92731 Nanterre Cedex",
            "State in your request that it concerns Pass+.",
            "Complaint to the CNIL",
            "Référentiel général de sécurité (RGS); the approval is in progress",
            "Failed login attempts",
            "Account where no pupil was ever enrolled",
            "None: the data stays in the European Union.",
        ],
    ),
];

async fn notice_html(app: &TestApp, lang: &str) -> String {
    app.get(&format!("/api/privacy-notice/{lang}"))
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn each_language_states_the_facts_the_notices_require() {
    let app = spawn_app().await;
    for (lang, facts) in NOTICE_FACTS {
        let html = notice_html(&app, lang).await;
        for fact in facts {
            assert!(html.contains(*fact), "{lang}: {fact}");
        }
        assert!(!html.contains("{caterer"), "{lang}: a caterer mark is left");
    }
}

#[tokio::test]
async fn the_caterer_is_the_one_the_configuration_names() {
    let app = spawn_app_configured(|config| {
        config.caterer.name = Some("Restauration <Collèges> & Cie".into());
        config.caterer.contact = Some("dpo@restauration.example".into());
    })
    .await;
    for lang in ["fr", "en"] {
        let html = notice_html(&app, lang).await;
        assert!(
            html.contains("<strong>Restauration &lt;Collèges&gt; &amp; Cie, "),
            "{lang}"
        );
        assert!(html.contains("dpo@restauration.example"), "{lang}");
        assert!(!html.contains("Elior"), "{lang}");
    }
}

/// The version of the English texts this server was built with (its build script's file).
const ENGLISH_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/translations.en.version"));

#[tokio::test]
async fn the_english_texts_are_served_under_their_version_and_cached_for_good() {
    let app = spawn_app().await;
    let response = app
        .get(&format!("/api/translations/en/{ENGLISH_VERSION}"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let texts = response.text().await.unwrap();
    let lines: Vec<&str> = texts.lines().collect();
    assert!(lines.len() > 100, "{} texts", lines.len());
    assert!(lines.iter().all(|line| !line.trim().is_empty()));
    assert!(lines.contains(&"Find my collège"));
    assert!(!lines.contains(&"Trouver mon collège"));

    for path in [
        "/api/translations/en/0123456789abcdef".to_owned(),
        format!("/api/translations/fr/{ENGLISH_VERSION}"),
    ] {
        let (status, body) = app.get_json(&path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(known_refusal(&body), refusal::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn api_answers_are_not_stored_unless_public_reference_data() {
    let app = spawn_app().await;
    let cache_control = |response: &reqwest::Response| {
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    for path in [
        "/api/session",
        "/api/account",
        "/api/health",
        "/api/pupils",
        "/api/nothing-here",
        "/api/openapi.json",
    ] {
        assert_eq!(cache_control(&app.get(path).await), "no-store", "{path}");
    }
    let refused = app
        .post_json("/api/sessions", &serde_json::json!({ "email": "x" }))
        .await;
    assert_eq!(cache_control(&refused), "no-store");
    // The collège list is public and says so.
    let colleges = app.get("/api/colleges?q=Anne%20Frank").await;
    assert_eq!(colleges.status(), 200);
    assert_eq!(cache_control(&colleges), "public, max-age=3600");
}

#[tokio::test]
async fn every_table_and_column_of_the_database_is_in_the_personal_data_map() {
    use passplus_server::privacy::data_map::{mapped_columns, schema_columns};
    let app = spawn_app().await;
    let live = schema_columns(&app.state.pool).await.unwrap();
    assert!(
        live.len() > 80,
        "the schema walk found {} columns",
        live.len()
    );
    let mapped = mapped_columns();
    let unmapped: Vec<_> = live.iter().filter(|c| !mapped.contains(c)).collect();
    assert!(
        unmapped.is_empty(),
        "columns with no entry in privacy/data_map.rs: {unmapped:?}"
    );
    let gone: Vec<_> = mapped.iter().filter(|c| !live.contains(c)).collect();
    assert!(gone.is_empty(), "mapped but not in the database: {gone:?}");
}
