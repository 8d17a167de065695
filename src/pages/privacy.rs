//! The privacy page, rendered from the shared privacy registry: the same entries the server's
//! retention job enforces.

use leptos::prelude::*;
use passplus_validation::privacy::{
    DataCategory, DeviceStorage, Processing, Retention, Right, Text,
};

use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, I18n, Key, Lang};

fn local(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::Fr => text.fr.clone(),
        Lang::En => text.en.clone(),
    }
}

fn retention_text(i18n: I18n, retention: Retention) -> String {
    let (one, other, n) = match retention {
        Retention::SchoolYearsAfterLastEnrolment { school_years } => (
            Key::retention_school_years_one,
            Key::retention_school_years_other,
            school_years,
        ),
        Retention::YearsAfterBenefitEnds { years } => (
            Key::retention_benefit_one,
            Key::retention_benefit_other,
            years,
        ),
        Retention::YearsAfterLastContact { years } => (
            Key::retention_contact_one,
            Key::retention_contact_other,
            years,
        ),
    };
    i18n.format(if n == 1 { one } else { other }, &[("n", &n.to_string())])
}

fn right_name(right: Right) -> Key {
    match right {
        Right::Access => Key::right_access,
        Right::Rectification => Key::right_rectification,
        Right::Erasure => Key::right_erasure,
        Right::Restriction => Key::right_restriction,
        Right::Objection => Key::right_objection,
        Right::ComplaintToCnil => Key::right_complaint,
    }
}

/// A list of bilingual texts.
fn text_list(texts: &'static [Text], i18n: I18n) -> impl IntoView {
    view! {
        <ul>
            {move || texts.iter().map(|text| view! { <li>{local(text, i18n.lang())}</li> }).collect_view()}
        </ul>
    }
}

/// The registry, parsed once by the browser's JSON parser (no JSON parser in the wasm).
fn registry() -> &'static passplus_validation::privacy::Registry {
    static REGISTRY: std::sync::OnceLock<passplus_validation::privacy::Registry> =
        std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| {
        crate::api::from_json(passplus_validation::privacy::REGISTRY_JSON)
            .expect("data/privacy-registry.json is checked by tests")
    })
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::privacy_title, Signal::stored(false));
    let registry = registry();
    let dpo = &registry.dpo;
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::privacy_title)}</h1>
        <p>{move || i18n.t(Key::privacy_intro)}</p>
        {registry.processings.iter().map(|processing| view! { <ProcessingSection processing /> }).collect_view()}

        <h2>{move || i18n.t(Key::privacy_device_heading)}</h2>
        <p>{move || i18n.t(Key::privacy_device_intro)}</p>
        <ul>
            {registry.device_storage.iter().map(|item| view! { <DeviceStorageItem item /> }).collect_view()}
        </ul>
        <p>{move || i18n.t(Key::privacy_no_banner)}</p>

        <h2>{move || i18n.t(Key::privacy_rights_heading)}</h2>
        <p>{move || i18n.t(Key::privacy_rights_intro)}</p>
        <p>
            {move || i18n.t(Key::privacy_dpo_email)}" "
            <a href=format!("mailto:{}", dpo.email)>{dpo.email.clone()}</a>
        </p>
        <p>{move || i18n.t(Key::privacy_dpo_post)}</p>
        <address>
            {dpo.postal_address.iter().map(|line| view! { {line.clone()}<br /> }).collect_view()}
        </address>
        <p>{move || local(&dpo.request_must_mention, i18n.lang())}</p>
        <p>
            {move || i18n.t(Key::privacy_cnil)}" "
            <a href="https://www.cnil.fr/fr/plaintes">"cnil.fr"</a>
        </p>
    }
}

#[component]
fn ProcessingSection(processing: &'static Processing) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("traitement-{}", processing.id);
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || local(&processing.name, i18n.lang())}</h2>
            <h3>{move || i18n.t(Key::privacy_controllers)}</h3>
            {text_list(&processing.controllers, i18n)}
            <h3>{move || i18n.t(Key::privacy_purposes)}</h3>
            {text_list(&processing.purposes, i18n)}
            <h3>{move || i18n.t(Key::privacy_legal_basis)}</h3>
            <p>{move || local(&processing.legal_basis, i18n.lang())}</p>
            <h3>{move || i18n.t(Key::privacy_data_and_retention)}</h3>
            // Focusable so that a keyboard can scroll it on a narrow screen.
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=move || {
                    format!("{} – {}", i18n.t(Key::privacy_data_and_retention), local(&processing.name, i18n.lang()))
                }
            >
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::privacy_column_data)}</th>
                            <th scope="col">{move || i18n.t(Key::privacy_column_examples)}</th>
                            <th scope="col">{move || i18n.t(Key::privacy_column_retention)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {processing.data_categories.iter().map(|category| view! { <CategoryRow category /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{move || i18n.t(Key::privacy_recipients)}</h3>
            {text_list(&processing.recipients, i18n)}
            <h3>{move || i18n.t(Key::privacy_transfers)}</h3>
            <p>
                {move || i18n.t(if processing.transfers_outside_eu {
                    Key::privacy_transfers_yes
                } else {
                    Key::privacy_transfers_none
                })}
            </p>
            <h3>{move || i18n.t(Key::privacy_rights)}</h3>
            <ul>
                {processing.rights.iter().map(|right| view! { <li>{move || i18n.t(right_name(*right))}</li> }).collect_view()}
            </ul>
            {(!processing.notes.is_empty()).then(|| view! {
                <h3>{move || i18n.t(Key::privacy_notes)}</h3>
                {text_list(&processing.notes, i18n)}
            })}
        </section>
    }
}

#[component]
fn CategoryRow(category: &'static DataCategory) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <tr>
            <th scope="row">{move || local(&category.label, i18n.lang())}</th>
            <td>{move || local(&category.examples, i18n.lang())}</td>
            <td>{move || retention_text(i18n, category.retention)}</td>
        </tr>
    }
}

#[component]
fn DeviceStorageItem(item: &'static DeviceStorage) -> impl IntoView {
    let i18n = use_i18n();
    let kind = if item.kind == "cookie" {
        Key::storage_cookie
    } else {
        Key::storage_local
    };
    view! {
        <li>
            <strong>{move || i18n.t(kind)}" "<code>{item.name.clone()}</code></strong>
            <ul>
                <li>{move || local(&item.purpose, i18n.lang())}</li>
                <li>{move || i18n.t(Key::storage_lifetime)}" "{move || local(&item.lifetime, i18n.lang())}</li>
                <li>{move || i18n.t(if item.needs_consent { Key::storage_needs_consent } else { Key::storage_no_consent })}</li>
                <li>{move || i18n.t(if item.in_use { Key::storage_in_use } else { Key::storage_not_yet })}</li>
            </ul>
        </li>
    }
}
