//! What a refusal says, read as the app reads it: `{"error": code}` with a code of the shared
//! contract (`codes::refusal`), or a 422's `{"fields": {field: [code…]}}`. Reading one checks
//! that its code is one the app knows, so that no test accepts a code the app cannot translate.

use passplus_validation::codes::{self, refusal};
use serde_json::Value;

/// The code of a `{"error": code}` body, which must be one of `refusal::ALL`.
pub fn known_refusal(body: &Value) -> &'static str {
    let code = body["error"].as_str().unwrap_or_default();
    refusal::ALL
        .iter()
        .find(|known| **known == code)
        .unwrap_or_else(|| panic!("{body} is not a refusal of the shared contract"))
}

/// A refusal's whole body (a 429 says when to try again), its code checked.
pub async fn error_body(response: reqwest::Response) -> Value {
    let body: Value = response.json().await.expect("a JSON refusal");
    known_refusal(&body);
    body
}

/// A refusal's code, one of `refusal::ALL`: compare it with the constant (`refusal::LINK_USED`).
pub async fn error_code(response: reqwest::Response) -> &'static str {
    known_refusal(&error_body(response).await)
}

/// The first code a 422 gives `field`, which must be one of the shared crate's codes.
pub async fn field_code(response: reqwest::Response, field: &str) -> String {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let code = body["fields"][field][0]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        codes::all().any(|known| known == code),
        "{field}: {body} is not a code of the shared contract"
    );
    code
}
