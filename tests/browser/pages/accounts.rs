//! The account pages: the signup form, the whole accessible form pattern on one page.

use leptos::prelude::*;
use passplus_web::i18n::{provide_i18n, Lang};
use passplus_web::pages::accounts::signup::SignUpPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{by_id, clear_remembered_language, leave, mount, settle, type_text};

/// The form kit on the signup form: nothing before leaving a field, the error on leaving it,
/// gone at the fixing keystroke, and a submit that lists every error in a focused summary.
#[wasm_bindgen_test]
async fn the_signup_form_follows_the_accessible_form_pattern() {
    clear_remembered_language();
    let _mounted = mount(|| {
        provide_i18n(Lang::Fr);
        view! { <SignUpPage /> }
    });
    settle().await;
    let input = |id: &str| -> web_sys::HtmlInputElement { by_id(id) };
    let error_of = |id: &str| document().get_element_by_id(&format!("{id}-error"));

    let email = input("courriel");
    type_text(&email, "pas-une-adresse");
    settle().await;
    assert!(
        error_of("courriel").is_none(),
        "no error before leaving the field"
    );
    leave(&email);
    settle().await;
    assert!(error_of("courriel").is_some());
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_text(&email, "famille@example.org");
    settle().await;
    assert!(error_of("courriel").is_none(), "fixed at the keystroke");

    // Leaving an empty field is no mistake yet.
    leave(&input("prenom"));
    settle().await;
    assert!(error_of("prenom").is_none());

    let form: web_sys::HtmlFormElement = document()
        .query_selector("form")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    form.dispatch_event(&web_sys::Event::new("submit").unwrap())
        .unwrap();
    settle().await;
    let summary_links = document().query_selector_all(".error-summary a").unwrap();
    // Every field but the e-mail is empty: seven errors, in page order.
    assert_eq!(summary_links.length(), 7);
    let first: web_sys::Element = summary_links.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("href").as_deref(), Some("#prenom"));
    assert!(error_of("prenom").is_some());
    assert_eq!(email.value(), "famille@example.org", "values are kept");
    assert!(document().title().starts_with("Erreur : "));

    let password = input("mot-de-passe");
    assert_eq!(password.type_(), "password");
    let toggle: web_sys::HtmlElement = document()
        .query_selector(".password-toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    toggle.click();
    settle().await;
    assert_eq!(password.type_(), "text");
}
