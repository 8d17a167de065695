//! The family's tax notice through the API (the server's `canteen/tax_notice_routes.rs`): sent,
//! read back as stored, replaced, removed while it waits and kept once validated; the files
//! refused by the upload rules, the years not open, and another family finding nothing.

use passplus_validation::codes::refusal;
use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::pupils::{jpeg, pdf};
use crate::helpers::{assert_refused_from_other_sites, error_code, field_code, spawn_app, Family};

const NOTICE_PATH: &str = "/api/canteen/years/2026/tax-notice";

/// A body with one part of that name, type and content.
fn notice_body(part: &'static str, media_type: &str, bytes: Vec<u8>) -> Form {
    let file = Part::bytes(bytes)
        .file_name("avis")
        .mime_str(media_type)
        .unwrap();
    Form::new().part(part, file)
}

impl Family {
    async fn send_notice(&self, form: Form) -> reqwest::Response {
        self.send_multipart(Method::PUT, NOTICE_PATH, form).await
    }

    /// Sends a notice the server must accept (asserts a 200): the price that follows.
    async fn sent_notice(&self, media_type: &str, bytes: Vec<u8>) -> Value {
        let response = self
            .send_notice(notice_body("tax_notice", media_type, bytes))
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }
}

#[tokio::test]
async fn a_notice_is_sent_read_back_replaced_and_removed_until_it_is_validated() {
    let app = spawn_app().await;
    let (family, _) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    assert_eq!(family.declare_income("21 090", "2").await.status(), 200);

    let price = family.sent_notice("application/pdf", pdf()).await;
    assert_eq!(price["tax_notice"], "pending");
    assert_eq!(price["price_cents"], 700, "the full price until validated");
    let stored = family.get(NOTICE_PATH).await;
    assert_eq!(stored.status(), 200);
    assert_eq!(stored.headers()["content-type"], "application/pdf");
    assert_eq!(
        stored.headers()["content-disposition"],
        "attachment; filename=\"avis-d-imposition-2026.pdf\""
    );
    assert!(stored.bytes().await.unwrap().starts_with(b"%PDF-"));

    // A photo of the notice replaces the PDF, re-encoded.
    family.sent_notice("image/jpeg", jpeg(800, 1100)).await;
    let stored = family.get(NOTICE_PATH).await;
    assert_eq!(stored.headers()["content-type"], "image/jpeg");
    let image = image::load_from_memory(&stored.bytes().await.unwrap()).unwrap();
    assert_eq!((image.width(), image.height()), (800, 1100));
    assert_eq!(app.table_rows("canteen_tax_notices").await, 1);

    app.set_tax_notice("famille@example.fr", "validated").await;
    let overview = family.read_json("/api/canteen").await;
    assert_eq!(overview["years"][0]["price"]["price_cents"], 439);
    let removal = family.delete(NOTICE_PATH).await;
    assert_eq!(removal.status(), 409);
    assert_eq!(error_code(removal).await, refusal::TAX_NOTICE_VALIDATED);
    assert_eq!(app.table_rows("canteen_tax_notices").await, 1);

    // A newer notice waits for an agent again, and can then be removed.
    let price = family.sent_notice("application/pdf", pdf()).await;
    assert_eq!(price["tax_notice"], "pending");
    assert_eq!(price["price_cents"], 700);
    let removal = family.delete(NOTICE_PATH).await;
    assert_eq!(removal.status(), 200);
    let price: Value = removal.json().await.unwrap();
    assert_eq!(price["tax_notice"], "missing");
    assert_eq!(family.get(NOTICE_PATH).await.status(), 404);
    assert_eq!(app.table_rows("canteen_tax_notices").await, 0);
    assert_eq!(
        family.delete(NOTICE_PATH).await.status(),
        200,
        "no notice is no error"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_notice_or_a_year_not_open_changes_nothing() {
    let app = spawn_app().await;
    let (family, _) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let refusals = [
        (
            notice_body("tax_notice", "application/pdf", b"pas un PDF".to_vec()),
            "tax_notice_content_not_allowed",
        ),
        (
            notice_body("tax_notice", "image/gif", b"GIF89a".to_vec()),
            "tax_notice_type_not_allowed",
        ),
        (
            notice_body("tax_notice", "application/pdf", Vec::new()),
            "file_empty",
        ),
    ];
    for (form, code) in refusals {
        let response = family.send_notice(form).await;
        assert_eq!(response.status(), 422, "{code}");
        assert_eq!(field_code(response, "tax_notice").await, code);
    }
    // A body without a part is not a form a browser sends: unreadable.
    assert_eq!(family.send_notice(Form::new()).await.status(), 400);
    let other_part = family
        .send_notice(notice_body("photo", "application/pdf", pdf()))
        .await;
    assert_eq!(other_part.status(), 400);
    let twice = notice_body("tax_notice", "application/pdf", pdf()).part(
        "tax_notice",
        Part::bytes(pdf()).mime_str("application/pdf").unwrap(),
    );
    assert_eq!(family.send_notice(twice).await.status(), 400);

    let not_open = family
        .send_multipart(
            Method::PUT,
            "/api/canteen/years/2030/tax-notice",
            notice_body("tax_notice", "application/pdf", pdf()),
        )
        .await;
    assert_eq!(not_open.status(), 409);
    assert_eq!(error_code(not_open).await, refusal::CANTEEN_NOT_OFFERED);
    for path in [
        "/api/canteen/years/deux-mille/tax-notice",
        "/api/canteen/years/99999999999/tax-notice",
    ] {
        assert_eq!(family.get(path).await.status(), 404, "{path}");
        assert_eq!(family.delete(path).await.status(), 404, "{path}");
    }
    assert_eq!(app.table_rows("canteen_tax_notices").await, 0);
}

#[tokio::test]
async fn another_family_neither_reads_nor_removes_a_notice() {
    let app = spawn_app().await;
    let (owner, _) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    owner.sent_notice("application/pdf", pdf()).await;
    let other = app.signed_in_family("autre@example.fr", "78000").await;

    let read = other.get(NOTICE_PATH).await;
    assert_eq!(read.status(), 404);
    assert_eq!(error_code(read).await, refusal::NOT_FOUND);
    let removal = other.delete(NOTICE_PATH).await;
    let price: Value = removal.json().await.unwrap();
    assert_eq!(price["tax_notice"], "missing", "their own year has none");
    assert_eq!(owner.get(NOTICE_PATH).await.status(), 200);
    let theirs = other.read_json("/api/canteen").await;
    assert_eq!(theirs["years"][0]["price"]["tax_notice"], "missing");

    for method in [Method::PUT, Method::DELETE] {
        assert_refused_from_other_sites(&owner, method, NOTICE_PATH, &json!({})).await;
    }
    assert_eq!(owner.get(NOTICE_PATH).await.status(), 200);
}
