//! ErrorSummary: on a submit with errors, a focused alert at the top of the form listing each
//! error in the words shown under its field, each a link to that field.

use leptos::prelude::*;
use passplus_validation::{codes, FieldErrors};
use passplus_web::form::date_fields::DateFields;
use passplus_web::form::error_summary::ErrorSummary;
use passplus_web::form::form_check::{FormCheck, FormField};
use passplus_web::form::text_field::TextField;
use passplus_web::i18n::{Key, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    assert_focused, axe, focus, mount_in_french, next_frame, settle, text_of, Mounted,
};

const FIELDS: &[FormField] = &[
    FormField {
        name: "email",
        id: "courriel",
    },
    FormField {
        name: "password",
        id: "mot-de-passe",
    },
];

/// An e-mail and a password under a summary, checked by a `FormCheck` as every form is.
fn mount_form() -> (Mounted, FormCheck) {
    let form_check = FormCheck::new(FIELDS);
    let email = RwSignal::new("pas-une-adresse".to_owned());
    let password = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <ErrorSummary errors=form_check.summary() />
            <TextField id="courriel" label=Key::field_email_label value=email
                error=form_check.error("email") />
            <TextField id="mot-de-passe" label=Key::field_password_label value=password
                error=form_check.error("password") input_type="password" />
        }
    });
    (mounted, form_check)
}

fn both_wrong() -> FieldErrors {
    let mut errors = FieldErrors::one("password", codes::PASSWORD_TOO_SHORT);
    errors.fields.insert(
        "email".to_owned(),
        vec![
            codes::EMAIL_INVALID.to_owned(),
            codes::EMAIL_TOO_LONG.to_owned(),
        ],
    );
    errors
}

fn summary(mounted: &Mounted) -> Option<web_sys::HtmlElement> {
    mounted
        .container
        .query_selector(".error-summary")
        .unwrap()
        .map(JsCast::unchecked_into)
}

fn links(mounted: &Mounted) -> Vec<web_sys::HtmlElement> {
    mounted
        .find_all(".error-summary a")
        .into_iter()
        .map(JsCast::unchecked_into)
        .collect()
}

#[wasm_bindgen_test]
async fn an_error_summary_is_absent_until_a_submit_finds_errors() {
    let (mounted, form_check) = mount_form();
    settle().await;
    assert!(summary(&mounted).is_none());
    assert!(mounted.find_all("[role=alert]").is_empty());
    assert!(
        form_check.submitted(&FieldErrors::default()),
        "a valid form"
    );
    next_frame().await;
    assert!(summary(&mounted).is_none(), "nothing for a valid form");

    assert!(!form_check.submitted(&both_wrong()));
    next_frame().await;
    assert!(summary(&mounted).is_some());
    assert!(form_check.submitted(&FieldErrors::default()), "all fixed");
    settle().await;
    assert!(
        summary(&mounted).is_none(),
        "gone once every error is fixed"
    );
}

#[wasm_bindgen_test]
async fn an_error_summary_takes_focus_and_links_each_error_to_its_field_in_its_words() {
    let (mounted, form_check) = mount_form();
    settle().await;
    form_check.submitted(&both_wrong());
    next_frame().await;
    let summary = summary(&mounted).expect("a summary");
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_focused(&summary, "a summary shown takes focus");
    let alert = mounted.find::<web_sys::Element>(".error-summary [role=alert]");
    let heading = alert.query_selector("h2").unwrap().expect("a heading");
    assert_eq!(text_of(&heading), "Il y a un problème");

    let links = links(&mounted);
    let targets: Vec<String> = links
        .iter()
        .map(|link| link.get_attribute("href").unwrap())
        .collect();
    assert_eq!(targets, ["#courriel", "#mot-de-passe"], "in page order");
    for link in &links {
        let id = &link.get_attribute("href").unwrap()[1..];
        assert!(mounted.has(id), "the link leads to a field: #{id}");
        let inline = text_of(&mounted.get::<web_sys::Element>(&format!("{id}-error")));
        assert_eq!(
            format!("Erreur : {}", text_of(link)),
            inline,
            "the same words as under the field"
        );
    }
    assert!(text_of(&links[0]).starts_with("Saisissez une adresse électronique complète"));
    axe::assert_accessible(&mounted.container, "error summary with two errors").await;
}

#[wasm_bindgen_test]
async fn a_summary_link_moves_focus_to_its_field_without_changing_the_address() {
    let (mounted, form_check) = mount_form();
    settle().await;
    form_check.submitted(&both_wrong());
    next_frame().await;
    let address = window().location().href().unwrap();
    links(&mounted)[1].click();
    settle().await;
    assert_focused(
        &mounted.get("mot-de-passe"),
        "a summary link leads to its field",
    );
    assert_eq!(
        window().location().href().unwrap(),
        address,
        "no jump in history"
    );
    axe::assert_accessible(&mounted.container, "error summary, a field focused").await;
}

#[wasm_bindgen_test]
async fn each_refused_submit_moves_focus_to_the_summary_again() {
    let (mounted, form_check) = mount_form();
    settle().await;
    form_check.submitted(&both_wrong());
    next_frame().await;
    focus(&mounted.input("courriel"));

    // A refusal about the whole form leads to its first field.
    form_check.refused(Key::form_network_error);
    next_frame().await;
    let summary = summary(&mounted).expect("a summary");
    assert_focused(&summary, "focus back on the summary");
    let links = links(&mounted);
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].get_attribute("href").as_deref(), Some("#courriel"));
    assert!(text_of(&links[0]).starts_with("La demande n’a pas pu être envoyée"));
    axe::assert_accessible(&mounted.container, "error summary of a refusal").await;
}

/// GOV.UK's date pattern: the summary leads to the part of the date the error is about.
#[wasm_bindgen_test]
async fn a_summary_leads_to_the_part_of_a_date_the_error_is_about() {
    const DATE: &[FormField] = &[FormField {
        name: "birth_date",
        id: "naissance-jour",
    }];
    fn part(code: &str) -> &'static str {
        match code {
            codes::BIRTH_DATE_MONTH_MISSING => "naissance-mois",
            codes::BIRTH_DATE_YEAR_MISSING => "naissance-annee",
            _ => "naissance-jour",
        }
    }
    let form_check = FormCheck::new(DATE).with_input_in_error("birth_date", part);
    let (day, month, year) = (
        RwSignal::new("14".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new("2014".to_owned()),
    );
    let mounted = mount_in_french(move || {
        view! {
            <ErrorSummary errors=form_check.summary() />
            <DateFields id="naissance" legend=Key::pupil_birth_date_legend
                hint=Text::with(Key::pupil_birth_date_hint, "year", 2026) day month year error=form_check.error("birth_date")
                on_input=Callback::new(|()| {}) on_leave=Callback::new(|()| {}) />
        }
    });
    settle().await;
    form_check.submitted(&FieldErrors::one(
        "birth_date",
        codes::BIRTH_DATE_MONTH_MISSING,
    ));
    next_frame().await;
    let links = links(&mounted);
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("#naissance-mois")
    );
    links[0].click();
    settle().await;
    assert_focused(
        &mounted.get("naissance-mois"),
        "the link leads to the month",
    );
    axe::assert_accessible(&mounted.container, "error summary of a date").await;
}
