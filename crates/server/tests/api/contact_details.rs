//! The account's contact details (the server's `accounts/routes/contact_details`): read for
//! editing, replaced, and refused with field codes when invalid.

use serde_json::{json, Value};

use crate::helpers::spawn_app;

#[tokio::test]
async fn they_are_read_for_editing_and_replaced() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("coordonnees@example.org", "92000")
        .await;
    let read = family.get("/api/account/contact").await;
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
    let saved = family.put_json("/api/account/contact", &new_details).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(saved.json::<Value>().await.unwrap()["status"], "saved");
    let details = family.read_json("/api/account/contact").await;
    assert_eq!(details["given_name"], "Marie-Noëlle");
    assert_eq!(details["family_name"], "de La Fontaine");
    assert_eq!(details["phone"], "07 98 76 54 32");
    assert_eq!(details["address"]["postal_code"], "92160");
    assert_eq!(details["address"]["commune"], "Antony");
    // The greeting follows the new given name; the address is not touched here.
    let account = family.read_json("/api/account").await;
    assert_eq!(account["given_name"], "Marie-Noëlle");
    assert_eq!(account["email"], "coordonnees@example.org");
}

#[tokio::test]
async fn invalid_ones_get_422_with_codes_and_change_nothing() {
    let app = spawn_app().await;
    let family = app.signed_in_family("invalide@example.org", "92000").await;
    let before = family.read_json("/api/account/contact").await;
    let invalid = family
        .put_json(
            "/api/account/contact",
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
    let after = family.read_json("/api/account/contact").await;
    assert_eq!(before, after);
}
