//! "Modifier un enfant" (`?eleve=<id>`): the pupil's details and files, and removing the pupil
//! after a confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::PupilSummary;

use crate::accounts::signed_in::SignedIn;
use crate::api::pupils;
use crate::api::ApiError;
use crate::i18n::{use_i18n, Key};
use crate::nav::location::use_location;
use crate::nav::routes::{AppRoute, PUPIL_PARAMETER};
use crate::pupils::pupil_form::PupilFormView;
use crate::shell::document_title::use_document_title;

#[derive(Clone)]
enum Loaded {
    Waiting,
    Found(PupilSummary),
    Missing,
    Failed,
}

#[component]
pub fn EditPupilPage() -> impl IntoView {
    let i18n = use_i18n();
    let has_errors = RwSignal::new(false);
    use_document_title(Key::edit_pupil_title, has_errors.into());
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::edit_pupil_title)}</h1>
        <SignedIn>
            <EditPupil has_errors />
        </SignedIn>
    }
}

/// The pupil named in the address, asked for once the family is known to be signed in.
#[component]
fn EditPupil(has_errors: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let pupil_id = location.query(PUPIL_PARAMETER).unwrap_or_default();
    let loaded = RwSignal::new(Loaded::Waiting);
    if pupil_id.is_empty() {
        loaded.set(Loaded::Missing);
    } else {
        spawn_local(async move {
            let outcome = match pupils::get(&pupil_id).await {
                Ok(pupil) => Loaded::Found(pupil),
                Err(ApiError::Refused(_)) | Err(ApiError::Unauthorized) => Loaded::Missing,
                Err(_) => Loaded::Failed,
            };
            loaded.try_set(outcome);
        });
    }
    let saved = Callback::new(move |_| location.navigate(&AppRoute::Account.path()));
    move || match loaded.get() {
        Loaded::Waiting => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
        Loaded::Missing => view! {
            <p>{i18n.t(Key::edit_pupil_missing)}" "
                <a href=AppRoute::Account.path()>{i18n.t(Key::add_pupil_see_all)}</a>
            </p>
        }
        .into_any(),
        Loaded::Failed => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Loaded::Found(pupil) => view! {
            <CurrentFiles pupil=pupil.clone() />
            <PupilFormView existing=Some(pupil.clone()) submit_label=Key::edit_pupil_submit
                has_errors on_saved=saved />
            <RemovePupil pupil />
        }
        .into_any(),
    }
}

/// The photo and certificate already sent, with a way to see and to remove them.
#[component]
fn CurrentFiles(pupil: PupilSummary) -> impl IntoView {
    let i18n = use_i18n();
    let has_photo = RwSignal::new(pupil.has_photo);
    // What happened to the photo, said where focus goes once its button is gone.
    let outcome = RwSignal::new(None::<Key>);
    let outcome_line = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if outcome.get().is_some() {
            if let Some(line) = outcome_line.get() {
                let _ = line.focus();
            }
        }
    });
    let id = pupil.id.clone();
    let remove_photo = move |_| {
        let id = id.clone();
        spawn_local(async move {
            let removed = pupils::remove_photo(&id).await.is_ok();
            if removed {
                has_photo.try_set(false);
            }
            outcome.try_set(Some(if removed {
                Key::edit_pupil_photo_removed
            } else {
                Key::form_server_error
            }));
        });
    };
    let photo_alt = i18n.format(Key::edit_pupil_photo_alt, &[("name", &pupil.given_name)]);
    let photo_src = pupils::photo_path(&pupil.id);
    let certificate = (pupil.certificate != passplus_validation::CertificateStatus::Missing)
        .then(|| pupils::certificate_path(&pupil.id));
    view! {
        <h2>{i18n.t(Key::edit_pupil_files)}</h2>
        <Show when=move || has_photo.get()
            fallback=move || view! { <p>{i18n.t(Key::edit_pupil_no_photo)}</p> }>
            <img class="pupil-photo" src=photo_src.clone() alt=photo_alt.clone() width="150" />
            <p>
                <button type="button" class="button button--secondary" on:click=remove_photo.clone()>
                    {i18n.t(Key::edit_pupil_remove_photo)}
                </button>
            </p>
        </Show>
        <p role="status" tabindex="-1" node_ref=outcome_line>
            {move || outcome.get().map(|key| i18n.t(key))}
        </p>
        {certificate.map(|href| view! {
            <p><a href=href download>{i18n.t(Key::edit_pupil_certificate_link)}</a></p>
        })}
    }
}

/// Removing a pupil takes two steps: the consequence is said before it happens.
#[component]
fn RemovePupil(pupil: PupilSummary) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let asking = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let question = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(panel) = question.get() {
                let _ = panel.focus();
            }
        }
    });
    let name = pupil.given_name.clone();
    let id = pupil.id.clone();
    let confirm = move |_| {
        let id = id.clone();
        spawn_local(async move {
            match pupils::remove(&id).await {
                Ok(()) => location.navigate(&AppRoute::Account.path()),
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    };
    view! {
        <h2>{i18n.t(Key::edit_pupil_remove_title)}</h2>
        <Show when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="button button--warning" on:click=move |_| asking.set(true)>
                    {i18n.format(Key::edit_pupil_remove, &[("name", &name)])}
                </button>
            }>
            <div class="panel panel--warning" tabindex="-1" node_ref=question>
                <p>{i18n.format(Key::edit_pupil_remove_question, &[("name", &pupil.given_name)])}</p>
                <button type="button" class="button button--warning" on:click=confirm.clone()>
                    {i18n.t(Key::edit_pupil_remove_confirm)}
                </button>
                " "
                <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>
                    {i18n.t(Key::edit_pupil_remove_cancel)}
                </button>
                <Show when=move || failed.get()>
                    <p class="field__error" role="alert">{i18n.t(Key::form_server_error)}</p>
                </Show>
            </div>
        </Show>
    }
}
