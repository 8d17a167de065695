//! The API client: what it reads from the server's answers with the browser's JSON parser.

use wasm_bindgen_test::wasm_bindgen_test;

/// The browser's JSON parser and serde-wasm-bindgen read the server's 422 body: a map from a
/// plain object.
#[wasm_bindgen_test]
fn field_errors_are_read_from_the_servers_json() {
    let errors: passplus_validation::FieldErrors = passplus_web::api::from_json(
        r#"{"fields":{"email":["email_invalid"],"address.postal_code":["a","b"]}}"#,
    )
    .expect("a FieldErrors body");
    assert_eq!(errors.first_code("email"), Some("email_invalid"));
    assert_eq!(errors.fields["address.postal_code"], vec!["a", "b"]);
}
