//! SubmitButton: never disabled (ACCESSIBILITY.md), `aria-disabled` while the form is out, and
//! what the form is doing told in a status region once it takes more than a moment.

use leptos::prelude::*;
use passplus_validation::FieldErrors;
use passplus_web::form::form_check::{FormCheck, FormField};
use passplus_web::form::submit_button::SubmitButton;
use passplus_web::i18n::Key;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{axe, is_disabled, mount_in_french, settle, text_of};

const FIELDS: &[FormField] = &[FormField {
    name: "email",
    id: "courriel",
}];

#[wasm_bindgen_test]
async fn a_submit_button_stays_enabled_and_tells_a_slow_sending_in_a_status() {
    let form_check = FormCheck::new(FIELDS);
    let mounted = mount_in_french(move || {
        view! { <SubmitButton form_check label=Key::signup_submit /> }
    });
    settle().await;
    let button = mounted.find::<web_sys::HtmlElement>("button");
    assert_eq!(button.get_attribute("type").as_deref(), Some("submit"));
    assert_eq!(text_of(&button), "Créer mon compte");
    assert!(!is_disabled(&button) && button.get_attribute("aria-disabled").is_none());
    let status = mounted.find::<web_sys::Element>("[role=status]");
    assert_eq!(text_of(&status), "", "the live region is there, silent");
    axe::assert_accessible(&mounted.container, "submit button at rest").await;

    assert!(
        form_check.submit(&FieldErrors::default()),
        "a valid form goes"
    );
    settle().await;
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(!is_disabled(&button), "never disabled, so it keeps focus");
    assert_eq!(text_of(&status), "", "nothing told within a moment");
    assert!(
        !form_check.submit(&FieldErrors::default()),
        "not twice at once"
    );

    gloo_timers::future::TimeoutFuture::new(450).await;
    assert_eq!(text_of(&status), "Envoi en cours…");
    axe::assert_accessible(&mounted.container, "submit button while sending").await;

    form_check.answered();
    settle().await;
    assert!(button.get_attribute("aria-disabled").is_none());
    assert_eq!(text_of(&status), "");
}
