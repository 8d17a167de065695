//! The family's pupils on "Mon compte": for each, on a card of its own, the collège, class,
//! Pass+ number and grant for the school year, and whether the photo and the bourse certificate
//! were received (and where the certificate stands).

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::{CertificateStatus, PupilSummary};

use crate::api::pupils;
use crate::i18n::{use_i18n, year_text, Key};
use crate::nav::canteen_routes::CanteenRoute;
use crate::nav::routes::{AppRoute, PUPIL_PARAMETER};
use crate::pupils::pupil_form::{class_key, grouped_pass_number};

#[component]
pub fn PupilDashboard() -> impl IntoView {
    let i18n = use_i18n();
    let pupils = RwSignal::new(None::<Result<Vec<PupilSummary>, ()>>);
    spawn_local(async move {
        let outcome = pupils::list().await.map(|list| list.pupils).map_err(|_| ());
        pupils.try_set(Some(outcome));
    });
    view! {
        <h2>{move || i18n.t(Key::dashboard_title)}</h2>
        {move || match pupils.get() {
            None => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
            Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p>{i18n.t(Key::dashboard_empty)}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <ul class="pupil-list">
                    {list.into_iter().map(|pupil| view! { <PupilCard pupil /> }).collect_view()}
                </ul>
            }.into_any(),
        }}
        <p><a class="button" href=AppRoute::AddPupil.path()>{move || i18n.t(Key::add_pupil_title)}</a></p>
    }
}

#[component]
fn PupilCard(pupil: PupilSummary) -> impl IntoView {
    let i18n = use_i18n();
    let full_name = format!("{} {}", pupil.given_name, pupil.family_name);
    let college = match (&pupil.college_name, &pupil.college_commune) {
        (Some(name), Some(commune)) => format!("{name} ({commune}) · {}", pupil.college_uai),
        _ => pupil.college_uai.clone(),
    };
    let class = class_key(&pupil.class)
        .map(|key| i18n.t(key))
        .unwrap_or_default();
    let euros = pupil.grant.euros.to_string();
    let grant = match pupil.grant.after_validation {
        Some(after) => i18n.format(
            Key::dashboard_grant_pending,
            &[("euros", &euros), ("after", &after.to_string())],
        ),
        None => i18n.format(Key::dashboard_grant, &[("euros", &euros)]),
    };
    let school_year = year_text(pupil.school_year);
    let certificate = pupil.bourse_holder.then_some(match pupil.certificate {
        CertificateStatus::Missing => Key::dashboard_certificate_missing,
        CertificateStatus::Pending => Key::dashboard_certificate_pending,
        CertificateStatus::Validated => Key::dashboard_certificate_validated,
        CertificateStatus::Refused => Key::dashboard_certificate_refused,
    });
    let photo = if pupil.has_photo {
        Key::dashboard_photo_received
    } else {
        Key::dashboard_photo_missing
    };
    let edit = format!(
        "{}?{PUPIL_PARAMETER}={}",
        AppRoute::EditPupil.path(),
        js_sys::encode_uri_component(&pupil.id)
    );
    view! {
        <li class="panel pupil-card">
            <h3>{full_name.clone()}</h3>
            <dl class="summary-list">
                <dt>{i18n.t(Key::dashboard_college)}</dt><dd>{college}</dd>
                <dt>{i18n.t(Key::dashboard_class)}</dt><dd>{class}</dd>
                <dt>{i18n.t(Key::dashboard_pass_number)}</dt>
                <dd><span class="pass-number">{grouped_pass_number(&pupil.pass_number)}</span></dd>
                <dt>{i18n.format(Key::dashboard_grant_label, &[("year", &school_year)])}</dt>
                <dd>{grant}</dd>
                <dt>{i18n.t(Key::dashboard_photo_label)}</dt><dd>{i18n.t(photo)}</dd>
                {certificate.map(|key| view! {
                    <dt>{i18n.t(Key::pupil_certificate_label)}</dt><dd>{i18n.t(key)}</dd>
                })}
            </dl>
            <p>
                <a href=edit>
                    {i18n.t(Key::dashboard_edit)}
                    <span class="visually-hidden">" "{full_name.clone()}</span>
                </a>
            </p>
            <p>
                <a href=CanteenRoute::Card.of_pupil(&pupil.id)>
                    {i18n.t(Key::dashboard_card)}
                    <span class="visually-hidden">" "{full_name}</span>
                </a>
            </p>
        </li>
    }
}
