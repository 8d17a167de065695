//! PasswordField: a text field whose value is hidden until the person shows it.

use leptos::prelude::*;
use passplus_web::form::password_field::PasswordField;
use passplus_web::i18n::Key;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    aria_invalid, axe, described_by, description_texts, focus, is_disabled, label_texts,
    mount_in_french, settle, text_of, type_text, Mounted,
};

const HINT: &str =
    "12 caractères au minimum. Une phrase de passe de plusieurs mots est un bon choix.";

fn toggle(mounted: &Mounted) -> web_sys::HtmlElement {
    mounted.find(".password-toggle")
}

#[wasm_bindgen_test]
async fn a_password_field_is_labelled_described_and_hidden() {
    let value = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <PasswordField id="mot-de-passe" label=Key::field_password_label
                hint=Key::field_password_hint value error=Signal::stored(None)
                autocomplete="new-password" />
        }
    });
    settle().await;
    let input = mounted.input("mot-de-passe");
    assert_eq!(input.type_(), "password");
    assert_eq!(label_texts(&input), ["Mot de passe"]);
    assert_eq!(description_texts(&input), [HINT]);
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("new-password")
    );
    assert_eq!(
        input.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    assert_eq!(aria_invalid(&input), None);
    let button = toggle(&mounted);
    assert_eq!(
        button.get_attribute("type").as_deref(),
        Some("button"),
        "not a submit"
    );
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some("mot-de-passe")
    );
    assert_eq!(text_of(&button), "Afficher le mot de passe");
    assert!(!is_disabled(&input) && !is_disabled(&button));
    axe::assert_accessible(&mounted.container, "password field at rest").await;
    focus(&input);
    axe::assert_accessible(&mounted.container, "password field with focus").await;
}

#[wasm_bindgen_test]
async fn the_show_button_shows_then_hides_what_was_typed_and_keeps_it() {
    let value = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <PasswordField id="mot-de-passe-actuel" label=Key::field_password_label value
                error=Signal::stored(None) autocomplete="current-password" />
        }
    });
    settle().await;
    let input = mounted.input("mot-de-passe-actuel");
    assert_eq!(
        described_by(&input),
        Vec::<String>::new(),
        "no hint, no error"
    );
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    type_text(&input, "tartine girafe vélo");
    let button = toggle(&mounted);
    button.click();
    settle().await;
    assert_eq!(input.type_(), "text");
    assert_eq!(text_of(&button), "Masquer le mot de passe");
    assert_eq!(input.value(), "tartine girafe vélo", "shown as typed");
    axe::assert_accessible(&mounted.container, "password field, shown").await;
    focus(&button);
    axe::assert_accessible(&mounted.container, "password field, its button focused").await;

    button.click();
    settle().await;
    assert_eq!(input.type_(), "password");
    assert_eq!(text_of(&button), "Afficher le mot de passe");
    assert_eq!(value.get_untracked(), "tartine girafe vélo");
}

#[wasm_bindgen_test]
async fn a_password_field_in_error_shows_its_message_linked_to_it_then_clears() {
    let value = RwSignal::new("court".to_owned());
    let error = RwSignal::new(Some(Key::error_password_too_short));
    let mounted = mount_in_french(move || {
        view! {
            <PasswordField id="mot-de-passe" label=Key::field_password_label
                hint=Key::field_password_hint value error autocomplete="new-password" />
        }
    });
    settle().await;
    let input = mounted.input("mot-de-passe");
    assert_eq!(
        described_by(&input),
        ["mot-de-passe-hint", "mot-de-passe-error"]
    );
    let texts = description_texts(&input);
    assert!(
        texts[1].starts_with("Erreur : Le mot de passe doit comporter au moins 12 caractères"),
        "{texts:?}"
    );
    assert_eq!(aria_invalid(&input).as_deref(), Some("true"));
    assert_eq!(input.value(), "court");
    axe::assert_accessible(&mounted.container, "password field in error").await;

    error.set(None);
    settle().await;
    assert!(!mounted.has("mot-de-passe-error"));
    assert_eq!(described_by(&input), ["mot-de-passe-hint"]);
    assert_eq!(aria_invalid(&input), None);
    axe::assert_accessible(&mounted.container, "password field, error cleared").await;
}

#[wasm_bindgen_test]
async fn a_disabled_password_field_disables_its_show_button_too() {
    let value = RwSignal::new("tartine girafe vélo".to_owned());
    let mounted = mount_in_french(move || {
        view! {
            <PasswordField id="mot-de-passe" label=Key::field_password_label
                hint=Key::field_password_hint value error=Signal::stored(None)
                autocomplete="new-password" disabled=true />
        }
    });
    settle().await;
    let input = mounted.input("mot-de-passe");
    let button = toggle(&mounted);
    assert!(is_disabled(&input) && is_disabled(&button));
    button.click();
    settle().await;
    assert_eq!(input.type_(), "password", "a disabled button does nothing");
    axe::assert_accessible(&mounted.container, "disabled password field").await;
}
