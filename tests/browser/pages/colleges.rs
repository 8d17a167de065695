//! The collège pages: the search field's error behaviour.

use leptos::prelude::*;
use passplus_web::i18n::{provide_i18n, Lang};
use passplus_web::nav::location::provide_location;
use passplus_web::pages::colleges::find_college::FindCollegePage;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{by_id, clear_remembered_language, leave, mount, settle, type_text};

#[wasm_bindgen_test]
async fn a_uai_error_shows_after_leaving_the_field_then_clears_at_the_fixing_keystroke() {
    clear_remembered_language();
    let _mounted = mount(|| {
        provide_i18n(Lang::Fr);
        // The page reads a search sent without the app from the address (`?recherche=…`).
        provide_location(passplus_validation::links::HOME_PATH);
        view! { <FindCollegePage /> }
    });
    settle().await;
    let input: web_sys::HtmlInputElement = by_id("recherche");
    let error_shown = || document().get_element_by_id("recherche-error").is_some();

    type_text(&input, "0921243C");
    settle().await;
    assert!(
        !error_shown(),
        "no error before the person leaves the field"
    );
    assert_eq!(input.get_attribute("aria-invalid"), None);

    leave(&input);
    settle().await;
    assert!(error_shown());
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("recherche-hint recherche-error")
    );
    assert_eq!(input.value(), "0921243C", "the value is kept");

    type_text(&input, "0921243B");
    settle().await;
    assert!(!error_shown(), "fixed at the keystroke");
    assert_eq!(input.get_attribute("aria-invalid"), None);
}
