//! The app's browser tests (wasm-bindgen-test in headless Chromium): translations, the
//! remembered language, and the search field's error behaviour in a real DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use passplus_validation::codes;
use passplus_web::i18n::{
    error_message_key, install_english, provide_i18n, remembered_lang, use_i18n, Key, Lang,
};
use passplus_web::pages::colleges::find_college::FindCollegePage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn clear_remembered_language() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

/// The English texts as the server sends them (the app's build script writes the same file).
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/translations.en.txt"));

/// Lets effects and the DOM catch up.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

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
    let container = test_container();
    assert!(install_english(ENGLISH));
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        let i18n = provide_i18n(remembered_lang());
        i18n.set(Lang::En);
        view! { <p>{move || use_i18n().t(Key::home_title)}</p> }
    });
    settle().await;
    assert_eq!(container.text_content().unwrap(), "Home");
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

#[wasm_bindgen_test]
async fn a_uai_error_shows_after_leaving_the_field_then_clears_at_the_fixing_keystroke() {
    clear_remembered_language();
    let container = test_container();
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        provide_i18n(Lang::Fr);
        view! { <FindCollegePage /> }
    });
    settle().await;
    let input: web_sys::HtmlInputElement = document()
        .get_element_by_id("recherche")
        .expect("the search field")
        .dyn_into()
        .unwrap();
    let error_shown = || document().get_element_by_id("recherche-error").is_some();

    type_text(&input, "0921243C");
    settle().await;
    assert!(
        !error_shown(),
        "no error before the person leaves the field"
    );
    assert_eq!(input.get_attribute("aria-invalid"), None);

    input
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
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

fn type_text(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn test_container() -> web_sys::HtmlElement {
    let element: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// The form kit on the signup form: nothing before leaving a field, the error on leaving it,
/// gone at the fixing keystroke, and a submit that lists every error in a focused summary.
#[wasm_bindgen_test]
async fn the_signup_form_follows_the_accessible_form_pattern() {
    use passplus_web::pages::accounts::signup::SignUpPage;

    clear_remembered_language();
    let container = test_container();
    let _mounted = leptos::mount::mount_to(container.clone(), || {
        provide_i18n(Lang::Fr);
        view! { <SignUpPage /> }
    });
    settle().await;
    let input = |id: &str| -> web_sys::HtmlInputElement {
        document()
            .get_element_by_id(id)
            .expect(id)
            .dyn_into()
            .unwrap()
    };
    let error_of = |id: &str| document().get_element_by_id(&format!("{id}-error"));

    let email = input("courriel");
    type_text(&email, "pas-une-adresse");
    settle().await;
    assert!(
        error_of("courriel").is_none(),
        "no error before leaving the field"
    );
    email
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;
    assert!(error_of("courriel").is_some());
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_text(&email, "famille@example.org");
    settle().await;
    assert!(error_of("courriel").is_none(), "fixed at the keystroke");

    // Leaving an empty field is no mistake yet.
    input("prenom")
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
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

/// The kit's checkbox and radio group: labelled options, a legend, and errors linked to them.
#[wasm_bindgen_test]
async fn checkbox_and_radio_group_report_choices_and_errors() {
    use passplus_web::form::choice::{Checkbox, RadioGroup};

    clear_remembered_language();
    let container = test_container();
    let agreed = RwSignal::new(false);
    let class = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    const OPTIONS: &[(&str, Key)] = &[("fr", Key::departement_92), ("en", Key::departement_78)];
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        provide_i18n(Lang::Fr);
        view! {
            <Checkbox id="accord" label=Key::home_title checked=agreed error=error />
            <RadioGroup name="choix" legend=Key::find_title options=OPTIONS selected=class error=error />
        }
    });
    settle().await;
    let element = |id: &str| -> web_sys::HtmlInputElement {
        document()
            .get_element_by_id(id)
            .expect(id)
            .dyn_into()
            .unwrap()
    };
    element("accord").click();
    element("choix-en").click();
    settle().await;
    assert!(agreed.get_untracked());
    assert_eq!(class.get_untracked(), "en");
    assert!(element("choix-en").checked() && !element("choix-fr").checked());
    let legend = document().query_selector("legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap(), "Trouver mon collège");

    error.set(Some(Key::error_unknown));
    settle().await;
    assert_eq!(
        element("accord").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        element("accord")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("accord-error")
    );
    let fieldset = document().query_selector("fieldset").unwrap().unwrap();
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("choix-error")
    );
    assert!(document().get_element_by_id("choix-error").is_some());
}
