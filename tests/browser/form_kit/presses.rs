//! An error shown when a field is left waits until the press that left it has landed (its click
//! has run, or it was cancelled), so that what was pressed does not move from under the finger;
//! a field left by keyboard shows its error at once.

use leptos::prelude::*;
use passplus_validation::account::EmailForm;
use passplus_validation::check;
use passplus_web::form::form_check::{FormCheck, FormField};
use passplus_web::form::presses::track_presses;
use passplus_web::form::text_field::TextField;
use passplus_web::i18n::Key;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{leave, mount_in_french, settle, type_text, Mounted};

const FIELDS: &[FormField] = &[FormField {
    name: "email",
    id: "courriel",
}];

/// An e-mail field whose errors show as the form kit shows them.
fn email_field() -> Mounted {
    track_presses();
    mount_in_french(|| {
        let email = RwSignal::new(String::new());
        let errors = move || {
            check(&EmailForm {
                email: email.get_untracked(),
            })
        };
        let form_check = FormCheck::new(FIELDS);
        view! {
            <TextField id="courriel" label=Key::field_email_label value=email
                error=form_check.error("email") input_type="email"
                on_input=form_check.on_input("email", errors)
                on_blur=form_check.on_blur("email", email, errors) />
        }
    })
}

/// A pointer event on the page, as a finger or a mouse sends it.
fn pointer(kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
}

fn shows_error(mounted: &Mounted) -> bool {
    mounted.has("courriel-error")
}

#[wasm_bindgen_test]
async fn left_by_a_press_the_field_shows_its_error_once_the_click_has_run() {
    let mounted = email_field();
    settle().await;
    type_text(&mounted.input("courriel"), "camille@");
    pointer("pointerdown");
    leave(&mounted.input("courriel"));
    settle().await;
    assert!(!shows_error(&mounted), "not while the press is in progress");
    pointer("pointerup");
    settle().await;
    assert!(!shows_error(&mounted), "a tap's click may still come");
    pointer("click");
    settle().await;
    assert!(shows_error(&mounted), "shown once the click has landed");
}

#[wasm_bindgen_test]
async fn a_cancelled_press_shows_the_error_at_once() {
    let mounted = email_field();
    settle().await;
    type_text(&mounted.input("courriel"), "camille@");
    pointer("pointerdown");
    leave(&mounted.input("courriel"));
    settle().await;
    assert!(!shows_error(&mounted));
    // The finger scrolled the page instead.
    pointer("pointercancel");
    settle().await;
    assert!(shows_error(&mounted));
}

#[wasm_bindgen_test]
async fn left_by_keyboard_the_field_shows_its_error_at_once() {
    let mounted = email_field();
    settle().await;
    type_text(&mounted.input("courriel"), "camille@");
    leave(&mounted.input("courriel"));
    settle().await;
    assert!(shows_error(&mounted));
}
