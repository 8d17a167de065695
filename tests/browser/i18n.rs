//! The texts: both languages complete, English of another release refused,
//! French by default whatever the browser says, and a chosen language remembered and set on
//! `<html lang>`.

use leptos::prelude::*;
use passplus_validation::codes;
use passplus_web::i18n::{
    error_message_key, install_english, provide_i18n, remembered_lang, use_i18n, Key, Lang,
};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{clear_remembered_language, mount, settle, ENGLISH};

#[wasm_bindgen_test]
fn english_texts_of_another_release_are_refused() {
    assert!(!install_english("Home\nAccueil\n"));
    assert!(!install_english(&format!("{ENGLISH}one line too many\n")));
    assert!(install_english(ENGLISH));
}

#[wasm_bindgen_test]
fn every_error_code_has_a_message_in_both_languages() {
    assert!(install_english(ENGLISH));
    for code in codes::all() {
        let key = error_message_key(code);
        assert_ne!(key, Key::error_unknown, "no message for {code}");
        assert!(!Lang::Fr.text(key).is_empty() && !Lang::En.text(key).is_empty());
        assert_ne!(
            Lang::Fr.text(key),
            Lang::En.text(key),
            "{code} is not translated"
        );
    }
}

#[wasm_bindgen_test]
fn french_is_the_default_whatever_the_browser_says() {
    clear_remembered_language();
    assert_eq!(remembered_lang(), Lang::Fr);
}

#[wasm_bindgen_test]
async fn a_chosen_language_is_remembered_and_set_on_the_page() {
    clear_remembered_language();
    assert!(install_english(ENGLISH));
    let mounted = mount(|| {
        let i18n = provide_i18n(remembered_lang());
        i18n.set(Lang::En);
        view! { <p>{move || use_i18n().t(Key::home_title)}</p> }
    });
    settle().await;
    assert_eq!(mounted.container.text_content().unwrap(), "Home");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .unwrap(),
        "en"
    );
    assert_eq!(remembered_lang(), Lang::En);
    clear_remembered_language();
}
