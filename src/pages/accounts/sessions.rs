//! "Mes connexions": the browsers where the account is open (browser and system, when opened,
//! last active; this one marked), and ending all the others after the current password.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::active_sessions::{ActiveSession, EndOtherSessionsForm};
use passplus_validation::check;

use crate::accounts::signed_in::SignedIn;
use crate::api;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::form_outcome::{refusal, DonePanel, WaitNotice};
use crate::form::password_field::PasswordField;
use crate::form::submit_button::SubmitButton;
use crate::i18n::{local_date_time, use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[FormField {
    name: "current_password",
    id: "mot-de-passe-actuel",
}];

#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    // The document title follows the form's error state, once the form is there.
    let has_summary = RwSignal::new(false);
    use_document_title(Key::sessions_title, has_summary.into());
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::sessions_title)}</h1>
        // The sessions are asked for only once someone is known to be signed in.
        <SignedIn>
            <SessionsManager has_summary />
            <p><a href=AppRoute::Account.path()>{move || i18n.t(Key::manage_back)}</a></p>
        </SignedIn>
    }
}

/// The list of sessions and the form that ends the others.
#[component]
fn SessionsManager(has_summary: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let sessions = RwSignal::new(None::<Result<Vec<ActiveSession>, ()>>);
    let load = move || {
        spawn_local(async move {
            let listed = api::accounts::active_sessions().await.map_err(|_| ());
            sessions.try_set(Some(listed));
        })
    };
    load();
    let current_password = RwSignal::new(String::new());
    let form = move || EndOtherSessionsForm {
        current_password: current_password.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let ended = RwSignal::new(false);
    let wait_minutes = RwSignal::new(None::<i64>);
    Effect::new(move |_| has_summary.set(form_check.has_summary().get()));

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        wait_minutes.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        form_check.send(
            async move { api::accounts::end_other_sessions(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    current_password.try_set(String::new());
                    ended.try_set(true);
                    load();
                }
                Err(error) => refusal(error, form_check, wait_minutes),
            },
        );
    };
    let others = move || {
        sessions.with(|listed| match listed {
            Some(Ok(list)) => list.iter().filter(|session| !session.current).count(),
            _ => 0,
        })
    };

    view! {
        <p>{move || i18n.t(Key::sessions_intro)}</p>
        {move || match sessions.get() {
            None => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
            Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="session-list">
                    {list.into_iter().map(|session| view! { <SessionItem session /> }).collect_view()}
                </ul>
            }.into_any(),
        }}
        <Show when=move || ended.get()>
            <DonePanel message=Key::sessions_ended />
        </Show>
        <Show
            when=move || { others() > 0 }
            fallback=move || view! {
                <Show when=move || !ended.get() && matches!(sessions.get(), Some(Ok(_)))>
                    <p>{move || i18n.t(Key::sessions_only_this)}</p>
                </Show>
            }
        >
            <h2>{move || i18n.t(Key::sessions_end_others_submit)}</h2>
            <p>{move || i18n.t(Key::sessions_end_others_intro)}</p>
            <ErrorSummary errors=form_check.summary() />
            <WaitNotice wait_minutes />
            <form novalidate on:submit=on_submit>
                <PasswordField id="mot-de-passe-actuel" label=Key::field_current_password_label
                    value=current_password error=form_check.error("current_password")
                    autocomplete="current-password"
                    on_input=form_check.on_input("current_password", errors)
                    on_blur=form_check.on_blur("current_password", current_password, errors) />
                <SubmitButton form_check label=Key::sessions_end_others_submit />
            </form>
        </Show>
    }
}

/// One session: its device, when it was opened and last used; this browser's says so.
#[component]
fn SessionItem(session: ActiveSession) -> impl IntoView {
    let i18n = use_i18n();
    let device = session.device.clone();
    let device = move || {
        if device.is_empty() {
            i18n.t(Key::sessions_unknown_device).to_owned()
        } else {
            device.clone()
        }
    };
    let times = move || {
        let lang = i18n.lang();
        i18n.format(
            Key::sessions_times,
            &[
                ("started", &local_date_time(session.started_at, lang)),
                ("last_seen", &local_date_time(session.last_seen_at, lang)),
            ],
        )
    };
    view! {
        <li>
            <strong>{device}</strong>
            {session.current.then(|| view! { " · " {move || i18n.t(Key::sessions_this_device)} })}
            <br />
            {times}
        </li>
    }
}
