//! TextField: a labelled input with its hint and error, required unless marked optional.

use leptos::prelude::*;
use passplus_web::form::text_field::TextField;
use passplus_web::i18n::Key;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    aria_invalid, axe, described_by, description_texts, focus, focused_id, is_disabled,
    label_texts, leave, mount_in_french, settle, text_of, type_text,
};

const EMAIL_HINT: &str = "Exemple : camille.martin@example.com";
const EMAIL_INVALID: &str = "Saisissez une adresse électronique complète, avec un @ suivi d’un nom de domaine, sans espace ni accent, par exemple camille.martin@example.com.";

#[wasm_bindgen_test]
async fn a_text_field_is_named_by_its_visible_label() {
    let value = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <TextField id="courriel" label=Key::field_email_label value error=Signal::stored(None)
                input_type="email" autocomplete="email" inputmode="email" />
        }
    });
    settle().await;
    let input = mounted.input("courriel");
    assert_eq!(label_texts(&input), ["Adresse électronique"]);
    assert_eq!(input.name(), "courriel");
    assert_eq!(input.type_(), "email");
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("email")
    );
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("email"));
    assert_eq!(
        described_by(&input),
        Vec::<String>::new(),
        "no hint, no error"
    );
    assert_eq!(aria_invalid(&input), None);
    assert!(!mounted.has("courriel-hint") && !mounted.has("courriel-error"));
    assert!(!is_disabled(&input), "fields are enabled unless said so");
    assert_eq!(input.get_attribute("disabled"), None);
    axe::assert_accessible(&mounted.container, "text field at rest").await;

    focus(&input);
    axe::assert_accessible(&mounted.container, "text field with focus").await;
}

#[wasm_bindgen_test]
async fn a_text_field_s_hint_is_given_before_the_input_and_describes_it() {
    let value = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <TextField id="courriel" label=Key::field_email_label hint=Key::field_email_hint
                value error=Signal::stored(None) />
        }
    });
    settle().await;
    let input = mounted.input("courriel");
    assert_eq!(described_by(&input), ["courriel-hint"]);
    assert_eq!(description_texts(&input), [EMAIL_HINT]);
    let order: Vec<String> = mounted
        .find_all("label, p, input")
        .iter()
        .map(|element| element.tag_name().to_lowercase())
        .collect();
    assert_eq!(
        order,
        ["label", "p", "input"],
        "label, hint, then the input"
    );
    axe::assert_accessible(&mounted.container, "text field with a hint").await;
}

#[wasm_bindgen_test]
async fn a_text_field_reports_keystrokes_after_the_value_and_leaving() {
    let value = RwSignal::new(String::new());
    let seen_at_keystroke = RwSignal::new(String::new());
    let left = RwSignal::new(0);
    let mounted = mount_in_french(move || {
        let on_input = Callback::new(move |()| seen_at_keystroke.set(value.get_untracked()));
        let on_blur = Callback::new(move |()| left.update(|count| *count += 1));
        view! {
            <TextField id="prenom" label=Key::field_given_name_label value
                error=Signal::stored(None) on_input on_blur />
        }
    });
    settle().await;
    let input = mounted.input("prenom");
    type_text(&input, "Camille");
    settle().await;
    assert_eq!(value.get_untracked(), "Camille");
    assert_eq!(
        seen_at_keystroke.get_untracked(),
        "Camille",
        "value set first"
    );
    assert_eq!(left.get_untracked(), 0);
    leave(&input);
    assert_eq!(left.get_untracked(), 1);

    value.set("Marie-Noëlle".to_owned());
    settle().await;
    assert_eq!(input.value(), "Marie-Noëlle", "the input shows its signal");
}

#[wasm_bindgen_test]
async fn a_text_field_in_error_shows_its_message_linked_to_it_then_clears() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    let mounted = mount_in_french(move || {
        view! {
            <TextField id="courriel" label=Key::field_email_label hint=Key::field_email_hint
                value error input_type="email" />
        }
    });
    settle().await;
    let input = mounted.input("courriel");
    type_text(&input, "pas-une-adresse");
    error.set(Some(Key::error_email_invalid));
    settle().await;

    let message = mounted.get::<web_sys::Element>("courriel-error");
    assert_eq!(text_of(&message), format!("Erreur : {EMAIL_INVALID}"));
    let prefix = mounted.find::<web_sys::Element>("#courriel-error .visually-hidden");
    assert_eq!(
        text_of(&prefix),
        "Erreur :",
        "the prefix is for screen readers"
    );
    assert_eq!(described_by(&input), ["courriel-hint", "courriel-error"]);
    assert_eq!(
        description_texts(&input),
        [EMAIL_HINT.to_owned(), format!("Erreur : {EMAIL_INVALID}")]
    );
    assert_eq!(aria_invalid(&input).as_deref(), Some("true"));
    let field = mounted.find::<web_sys::Element>(".field");
    assert!(field.class_list().contains("field--error"));
    assert_eq!(input.value(), "pas-une-adresse", "the value is kept");
    let order: Vec<String> = mounted
        .find_all("label, p, input")
        .iter()
        .map(|element| element.id())
        .collect();
    assert_eq!(order, ["", "courriel-hint", "courriel-error", "courriel"]);
    axe::assert_accessible(&mounted.container, "text field in error").await;
    focus(&input);
    axe::assert_accessible(&mounted.container, "text field in error, with focus").await;

    error.set(None);
    settle().await;
    assert!(!mounted.has("courriel-error"));
    assert_eq!(described_by(&input), ["courriel-hint"]);
    assert_eq!(aria_invalid(&input), None);
    assert!(!field.class_list().contains("field--error"));
    assert_eq!(input.value(), "pas-une-adresse");
    axe::assert_accessible(&mounted.container, "text field, error cleared").await;
}

#[wasm_bindgen_test]
async fn text_fields_are_required_unless_marked_optional() {
    let given_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <TextField id="prenom" label=Key::field_given_name_label value=given_name
                error=Signal::stored(None) autocomplete="given-name" />
            <TextField id="telephone" label=Key::field_phone_label hint=Key::field_phone_hint
                value=phone error=Signal::stored(None) input_type="tel" autocomplete="tel"
                optional=true />
        }
    });
    settle().await;
    let required = mounted.input("prenom");
    assert_eq!(label_texts(&required), ["Prénom"]);
    assert_eq!(
        required.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    let optional = mounted.input("telephone");
    assert_eq!(label_texts(&optional), ["Numéro de téléphone (facultatif)"]);
    assert_eq!(optional.get_attribute("aria-required"), None);
    axe::assert_accessible(&mounted.container, "required and optional text fields").await;
}

#[wasm_bindgen_test]
async fn a_disabled_text_field_keeps_its_label_and_hint_and_cannot_be_focused() {
    let value = RwSignal::new("06 12 34 56 78".to_owned());
    let mounted = mount_in_french(move || {
        view! {
            <TextField id="telephone" label=Key::field_phone_label hint=Key::field_phone_hint
                value error=Signal::stored(None) input_type="tel" disabled=true />
        }
    });
    settle().await;
    let input = mounted.input("telephone");
    assert!(is_disabled(&input));
    assert_eq!(label_texts(&input), ["Numéro de téléphone"]);
    assert_eq!(description_texts(&input), ["Exemple : 06 12 34 56 78"]);
    assert_eq!(input.value(), "06 12 34 56 78");
    input.focus().unwrap();
    assert_ne!(
        focused_id().as_deref(),
        Some("telephone"),
        "a disabled field takes no focus"
    );
    axe::assert_accessible(&mounted.container, "disabled text field").await;
}
