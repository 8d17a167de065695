//! The choice groups: Checkbox (one box with its label), CheckboxGroup (a question in a
//! fieldset, any of several options) and RadioGroup (one of several options).

use leptos::prelude::*;
use passplus_web::form::choice::{Checkbox, CheckboxGroup, RadioGroup};
use passplus_web::i18n::{Key, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    aria_invalid, axe, clear_remembered_language, described_by, description_texts, focus,
    is_disabled, label_texts, mount, mount_in_french, settle, text_of,
};

const BOURSE_HINT: &str = "Le Pass+ d’un élève boursier passe de 80 € à 100 € une fois l’attestation de bourse validée par le Département.";
const CLASS_EMPTY: &str = "Erreur : Choisissez la classe de l’élève.";
const CLASSES: &[(&str, Key)] = &[
    ("6e", Key::class_6e),
    ("5e", Key::class_5e),
    ("ulis", Key::class_ulis),
];

/// The kit's checkbox and radio group: labelled options, a legend, and errors linked to them.
#[wasm_bindgen_test]
async fn checkbox_and_radio_group_report_choices_and_errors() {
    use passplus_web::i18n::{provide_i18n, Lang};

    clear_remembered_language();
    let agreed = RwSignal::new(false);
    let class = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    const OPTIONS: &[(&str, Key)] = &[("fr", Key::departement_92), ("en", Key::departement_78)];
    let _mounted = mount(move || {
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

#[wasm_bindgen_test]
async fn a_checkbox_is_named_by_its_label_described_by_its_hint_and_follows_its_signal() {
    let checked = RwSignal::new(false);
    let mounted = mount_in_french(move || {
        view! {
            <Checkbox id="boursier" label=Key::pupil_bourse_label hint=Key::pupil_bourse_hint
                checked error=Signal::stored(None) />
        }
    });
    settle().await;
    let input = mounted.input("boursier");
    assert_eq!(input.type_(), "checkbox");
    assert_eq!(
        label_texts(&input),
        ["L’élève est boursier (bourse de collège)"]
    );
    assert_eq!(described_by(&input), ["boursier-hint"]);
    assert_eq!(description_texts(&input), [BOURSE_HINT]);
    assert_eq!(aria_invalid(&input), None);
    assert!(!is_disabled(&input));
    axe::assert_accessible(&mounted.container, "checkbox, not ticked").await;

    // Its label is part of the target: a press on the text ticks the box.
    mounted.find::<web_sys::HtmlElement>("label").click();
    settle().await;
    assert!(input.checked() && checked.get_untracked());
    axe::assert_accessible(&mounted.container, "checkbox, ticked").await;
    checked.set(false);
    settle().await;
    assert!(!input.checked(), "the box shows its signal");
    focus(&input);
    axe::assert_accessible(&mounted.container, "checkbox with focus").await;
}

#[wasm_bindgen_test]
async fn a_checkbox_in_error_shows_its_message_linked_to_it_then_clears() {
    let checked = RwSignal::new(false);
    let error = RwSignal::new(None::<Key>);
    let mounted = mount_in_french(move || {
        view! {
            <Checkbox id="boursier" label=Key::pupil_bourse_label hint=Key::pupil_bourse_hint
                checked error />
        }
    });
    settle().await;
    let input = mounted.input("boursier");
    error.set(Some(Key::error_certificate_not_needed));
    settle().await;
    assert_eq!(described_by(&input), ["boursier-hint", "boursier-error"]);
    let texts = description_texts(&input);
    assert!(
        texts[1].starts_with("Erreur : Une attestation de bourse ne se joint que"),
        "{texts:?}"
    );
    assert_eq!(aria_invalid(&input).as_deref(), Some("true"));
    assert!(mounted
        .find::<web_sys::Element>(".field")
        .class_list()
        .contains("field--error"));
    axe::assert_accessible(&mounted.container, "checkbox in error").await;

    error.set(None);
    settle().await;
    assert!(!mounted.has("boursier-error"));
    assert_eq!(described_by(&input), ["boursier-hint"]);
    assert_eq!(aria_invalid(&input), None);
}

#[wasm_bindgen_test]
async fn a_disabled_checkbox_cannot_be_ticked() {
    let checked = RwSignal::new(false);
    let mounted = mount_in_french(move || {
        view! {
            <Checkbox id="boursier" label=Key::pupil_bourse_label checked
                error=Signal::stored(None) disabled=true />
        }
    });
    settle().await;
    let input = mounted.input("boursier");
    assert!(is_disabled(&input));
    input.click();
    settle().await;
    assert!(!input.checked() && !checked.get_untracked());
    assert_eq!(
        label_texts(&input),
        ["L’élève est boursier (bourse de collège)"]
    );
    axe::assert_accessible(&mounted.container, "disabled checkbox").await;
}

#[wasm_bindgen_test]
async fn a_radio_group_asks_its_question_in_a_legend_and_labels_each_option() {
    let selected = RwSignal::new(String::new());
    let changes = RwSignal::new(Vec::<String>::new());
    let mounted = mount_in_french(move || {
        let on_change = Callback::new(move |()| {
            changes.update(|seen| seen.push(selected.get_untracked()));
        });
        view! {
            <RadioGroup name="classe" legend=Text::with(Key::pupil_class_legend, "year", 2026) options=CLASSES selected
                error=Signal::stored(None) on_change />
        }
    });
    settle().await;
    let fieldset = mounted.find::<web_sys::Element>("fieldset");
    let legend = fieldset.first_element_child().unwrap();
    assert_eq!(legend.tag_name(), "LEGEND", "the legend comes first");
    assert_eq!(
        text_of(&legend),
        "Classe à la rentrée 2026",
        "with its values"
    );
    assert_eq!(
        described_by(&fieldset),
        Vec::<String>::new(),
        "no hint, no error"
    );
    let options: Vec<_> = ["6e", "5e", "ulis"]
        .iter()
        .map(|value| mounted.input(&format!("classe-{value}")))
        .collect();
    let labels: Vec<Vec<String>> = options.iter().map(label_texts).collect();
    assert_eq!(
        labels,
        [
            vec!["6e"],
            vec!["5e"],
            vec!["ULIS (unité localisée pour l’inclusion scolaire)"]
        ]
    );
    for (option, value) in options.iter().zip(["6e", "5e", "ulis"]) {
        assert_eq!(option.type_(), "radio");
        assert_eq!(option.name(), "classe", "one group for the keyboard");
        assert_eq!(option.value(), value);
        assert!(!option.checked() && aria_invalid(option).is_none());
        assert!(
            option.required(),
            "questions are required unless marked optional"
        );
        assert!(!is_disabled(option));
    }
    axe::assert_accessible(&mounted.container, "radio group, nothing chosen").await;

    options[1].click();
    settle().await;
    assert_eq!(selected.get_untracked(), "5e");
    assert_eq!(
        changes.get_untracked(),
        ["5e"],
        "told after the choice is set"
    );
    options[2].click();
    settle().await;
    assert_eq!(changes.get_untracked(), ["5e", "ulis"]);
    let checked: Vec<bool> = options.iter().map(|option| option.checked()).collect();
    assert_eq!(checked, [false, false, true], "one option at a time");
    selected.set("6e".to_owned());
    settle().await;
    let checked: Vec<bool> = options.iter().map(|option| option.checked()).collect();
    assert_eq!(checked, [true, false, false], "the group shows its signal");
    focus(&options[0]);
    axe::assert_accessible(&mounted.container, "radio group, an option focused").await;
}

#[wasm_bindgen_test]
async fn a_radio_group_in_error_shows_its_message_linked_to_the_question_then_clears() {
    let selected = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    let mounted = mount_in_french(move || {
        view! {
            <RadioGroup name="classe" legend=Text::with(Key::pupil_class_legend, "year", 2026) hint=Key::pupil_bourse_hint
                options=CLASSES selected error />
        }
    });
    settle().await;
    let fieldset = mounted.find::<web_sys::Element>("fieldset");
    assert_eq!(described_by(&fieldset), ["classe-hint"]);
    assert_eq!(description_texts(&fieldset), [BOURSE_HINT]);
    axe::assert_accessible(&mounted.container, "radio group with a hint").await;

    error.set(Some(Key::error_class_empty));
    settle().await;
    assert_eq!(described_by(&fieldset), ["classe-hint", "classe-error"]);
    assert_eq!(description_texts(&fieldset)[1], CLASS_EMPTY);
    let options = mounted.find_all("input[type=radio]");
    assert_eq!(options.len(), 3);
    for option in &options {
        assert_eq!(aria_invalid(option).as_deref(), Some("true"));
    }
    assert!(fieldset.class_list().contains("field--error"));
    axe::assert_accessible(&mounted.container, "radio group in error").await;
    focus(options[0].unchecked_ref());
    axe::assert_accessible(&mounted.container, "radio group in error, with focus").await;

    error.set(None);
    settle().await;
    assert!(!mounted.has("classe-error"));
    assert_eq!(described_by(&fieldset), ["classe-hint"]);
    assert!(options.iter().all(|option| aria_invalid(option).is_none()));
    assert!(!fieldset.class_list().contains("field--error"));
}

#[wasm_bindgen_test]
async fn an_optional_radio_group_says_so_in_its_legend_and_requires_no_answer() {
    let selected = RwSignal::new(String::new());
    let mounted = mount_in_french(move || {
        view! {
            <RadioGroup name="classe" legend=Text::with(Key::pupil_class_legend, "year", 2026) options=CLASSES selected
                error=Signal::stored(None) optional=true />
        }
    });
    settle().await;
    let legend = mounted.find::<web_sys::Element>("legend");
    assert_eq!(text_of(&legend), "Classe à la rentrée 2026 (facultatif)");
    let options: Vec<web_sys::HtmlInputElement> = mounted
        .find_all("input[type=radio]")
        .into_iter()
        .map(|option| option.unchecked_into())
        .collect();
    assert_eq!(options.len(), 3);
    assert!(options.iter().all(|option| !option.required()));
    axe::assert_accessible(&mounted.container, "optional radio group").await;
}

#[wasm_bindgen_test]
async fn a_disabled_radio_group_disables_every_option() {
    let selected = RwSignal::new("5e".to_owned());
    let mounted = mount_in_french(move || {
        view! {
            <RadioGroup name="classe" legend=Text::with(Key::pupil_class_legend, "year", 2026) options=CLASSES selected
                error=Signal::stored(None) disabled=true />
        }
    });
    settle().await;
    let options: Vec<web_sys::HtmlInputElement> = mounted
        .find_all("input[type=radio]")
        .into_iter()
        .map(|option| option.unchecked_into())
        .collect();
    assert_eq!(options.len(), 3);
    assert!(options.iter().all(|option| is_disabled(option)));
    options[2].click();
    settle().await;
    assert_eq!(selected.get_untracked(), "5e", "nothing can be chosen");
    assert!(options[1].checked(), "the answer stays shown");
    axe::assert_accessible(&mounted.container, "disabled radio group").await;
}

const DAYS: &[(&str, Key)] = &[
    ("monday", Key::day_monday_label),
    ("thursday", Key::day_thursday_label),
];
const WEEKDAYS_EMPTY: &str = "Erreur : Cochez au moins un jour de cantine.";

#[wasm_bindgen_test]
async fn a_checkbox_group_asks_its_question_in_a_legend_and_keeps_every_box_ticked() {
    let selected = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<Key>);
    let changes = RwSignal::new(0);
    let mounted = mount_in_french(move || {
        view! {
            <CheckboxGroup name="jours" legend=Text::with(Key::canteen_enrol_days_legend_of, "name", "Inès")
                hint=Key::canteen_enrol_days_hint options=Signal::stored(DAYS) selected error
                on_change=Callback::new(move |()| changes.update(|n| *n += 1)) />
        }
    });
    settle().await;
    let legend = mounted.find::<web_sys::HtmlElement>("legend");
    assert_eq!(text_of(&legend), "Jours de cantine pour Inès");
    let fieldset = mounted.find::<web_sys::HtmlElement>("fieldset");
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("jours-hint")
    );
    let monday = mounted.input("jours-monday");
    let thursday = mounted.input("jours-thursday");
    assert_eq!(label_texts(&monday), ["Lundi"]);
    axe::assert_accessible(&mounted.container, "checkbox group, none ticked").await;

    monday.click();
    thursday.click();
    settle().await;
    assert_eq!(selected.get_untracked(), ["monday", "thursday"]);
    assert_eq!(changes.get_untracked(), 2);
    monday.click();
    settle().await;
    assert_eq!(
        selected.get_untracked(),
        ["thursday"],
        "one box unticked, the other kept"
    );
    selected.set(vec!["monday".into()]);
    settle().await;
    assert!(
        monday.checked() && !thursday.checked(),
        "the boxes show the signal"
    );

    error.set(Some(Key::error_weekdays_empty));
    settle().await;
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("jours-hint jours-error")
    );
    assert_eq!(
        text_of(&mounted.find::<web_sys::HtmlElement>("#jours-error")),
        WEEKDAYS_EMPTY
    );
    assert_eq!(aria_invalid(&monday).as_deref(), Some("true"));
    focus(&thursday);
    axe::assert_accessible(&mounted.container, "checkbox group in error, focused").await;
}
