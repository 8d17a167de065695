//! DateFields: a date typed as day, month and year in one described group.

use leptos::prelude::*;
use passplus_web::form::date_fields::DateFields;
use passplus_web::i18n::{Key, Text};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    aria_invalid, axe, described_by, description_texts, focus, is_disabled, label_texts,
    mount_in_french, settle, text_of, type_text, Mounted,
};

const HINT: &str =
    "Par exemple 14 3 2014. Le Pass+ est ouvert aux élèves âgés de 10 à 18 ans au 1er septembre 2026.";
const PARTS: [&str; 3] = ["naissance-jour", "naissance-mois", "naissance-annee"];

struct Date {
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    error: RwSignal<Option<Key>>,
    typed: RwSignal<u32>,
    left: RwSignal<u32>,
}

/// A date of birth, and a button after it to take focus out of it.
fn mount_date(disabled: bool) -> (Mounted, Date) {
    let date = Date {
        day: RwSignal::new(String::new()),
        month: RwSignal::new(String::new()),
        year: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        typed: RwSignal::new(0),
        left: RwSignal::new(0),
    };
    let Date {
        day,
        month,
        year,
        error,
        typed,
        left,
    } = date;
    let mounted = mount_in_french(move || {
        let on_input = Callback::new(move |()| typed.update(|count| *count += 1));
        let on_leave = Callback::new(move |()| left.update(|count| *count += 1));
        view! {
            <DateFields id="naissance" legend=Key::pupil_birth_date_legend
                hint=Text::with(Key::pupil_birth_date_hint, "year", 2026) day month year error on_input on_leave disabled />
            <button type="button" id="apres">"Suite"</button>
        }
    });
    (mounted, date)
}

#[wasm_bindgen_test]
async fn a_date_is_three_labelled_fields_in_a_group_named_and_described() {
    let (mounted, _date) = mount_date(false);
    settle().await;
    let fieldset = mounted.find::<web_sys::Element>("fieldset");
    assert_eq!(fieldset.get_attribute("role").as_deref(), Some("group"));
    let legend = fieldset.first_element_child().unwrap();
    assert_eq!(legend.tag_name(), "LEGEND");
    assert_eq!(text_of(&legend), "Date de naissance");
    assert_eq!(described_by(&fieldset), ["naissance-hint"]);
    assert_eq!(description_texts(&fieldset), [HINT]);
    let labels: Vec<Vec<String>> = PARTS
        .iter()
        .map(|id| label_texts(&mounted.input(id)))
        .collect();
    assert_eq!(labels, [vec!["Jour"], vec!["Mois"], vec!["Année"]]);
    for id in PARTS {
        let input = mounted.input(id);
        assert_eq!(input.type_(), "text", "no date picker alone");
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
        assert_eq!(
            input.get_attribute("aria-required").as_deref(),
            Some("true")
        );
        assert_eq!(aria_invalid(&input), None);
        assert!(!is_disabled(&input));
    }
    assert_eq!(fieldset.get_attribute("disabled"), None);
    axe::assert_accessible(&mounted.container, "date at rest").await;
    focus(&mounted.input("naissance-jour"));
    axe::assert_accessible(&mounted.container, "date, its day focused").await;
}

#[wasm_bindgen_test]
async fn typing_sets_each_part_and_only_leaving_the_whole_date_is_reported() {
    let (mounted, date) = mount_date(false);
    settle().await;
    for (id, text) in PARTS.iter().zip(["14", "3", "2014"]) {
        let input = mounted.input(id);
        focus(&input);
        type_text(&input, text);
    }
    settle().await;
    assert_eq!(
        [
            date.day.get_untracked(),
            date.month.get_untracked(),
            date.year.get_untracked()
        ],
        ["14", "3", "2014"]
    );
    assert_eq!(date.typed.get_untracked(), 3, "each keystroke is reported");
    assert_eq!(
        date.left.get_untracked(),
        0,
        "moving inside the date is not leaving it"
    );

    focus(&mounted.get("apres"));
    settle().await;
    assert_eq!(
        date.left.get_untracked(),
        1,
        "leaving the date is reported once"
    );
}

#[wasm_bindgen_test]
async fn a_date_in_error_shows_one_message_linked_to_the_group_then_clears() {
    let (mounted, date) = mount_date(false);
    settle().await;
    date.error.set(Some(Key::error_birth_date_month_missing));
    settle().await;
    let fieldset = mounted.find::<web_sys::Element>("fieldset");
    assert_eq!(
        described_by(&fieldset),
        ["naissance-hint", "naissance-error"]
    );
    assert_eq!(
        description_texts(&fieldset)[1],
        "Erreur : La date de naissance doit comporter un mois."
    );
    assert_eq!(mounted.find_all(".field__error").len(), 1, "one message");
    for id in PARTS {
        assert_eq!(aria_invalid(&mounted.input(id)).as_deref(), Some("true"));
    }
    assert!(fieldset.class_list().contains("field--error"));
    axe::assert_accessible(&mounted.container, "date in error").await;
    focus(&mounted.input("naissance-mois"));
    axe::assert_accessible(&mounted.container, "date in error, its month focused").await;

    date.error.set(None);
    settle().await;
    assert!(!mounted.has("naissance-error"));
    assert_eq!(described_by(&fieldset), ["naissance-hint"]);
    assert!(PARTS
        .iter()
        .all(|id| aria_invalid(&mounted.input(id)).is_none()));
}

#[wasm_bindgen_test]
async fn a_disabled_date_disables_its_three_fields() {
    let (mounted, date) = mount_date(true);
    date.day.set("14".to_owned());
    settle().await;
    assert!(PARTS.iter().all(|id| is_disabled(&mounted.input(id))));
    assert_eq!(mounted.input("naissance-jour").value(), "14");
    assert_eq!(label_texts(&mounted.input("naissance-annee")), ["Année"]);
    axe::assert_accessible(&mounted.container, "disabled date").await;
}
