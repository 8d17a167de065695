//! "Changer de mot de passe": the current password, then the new one (the signup's rule). The
//! account's other sessions end; this browser stays signed in with a fresh session.

use leptos::prelude::*;
use passplus_validation::account_changes::PasswordChangeForm;
use passplus_validation::check;

use crate::accounts::signed_in::SignedIn;
use crate::api;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::form_outcome::{refusal, DonePanel, WaitNotice};
use crate::form::password_field::PasswordField;
use crate::form::submit_button::SubmitButton;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[
    FormField {
        name: "current_password",
        id: "mot-de-passe-actuel",
    },
    FormField {
        name: "new_password",
        id: "nouveau-mot-de-passe",
    },
];

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let current_password = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let form = move || PasswordChangeForm {
        current_password: current_password.get_untracked(),
        new_password: new_password.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let done = RwSignal::new(false);
    let wait_minutes = RwSignal::new(None::<i64>);
    use_document_title(Key::password_change_title, form_check.has_summary());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        wait_minutes.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        form_check.send(
            async move { api::accounts::change_password(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    done.try_set(true);
                }
                Err(error) => refusal(error, form_check, wait_minutes),
            },
        );
    };

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::password_change_title)}</h1>
        <SignedIn>
            <Show
                when=move || !done.get()
                fallback=move || view! { <DonePanel message=Key::password_change_done /> }
            >
                <p>{move || i18n.t(Key::password_change_intro)}</p>
                <p>{move || i18n.t(Key::form_all_required)}</p>
                <ErrorSummary errors=form_check.summary() />
                <WaitNotice wait_minutes />
                <form novalidate on:submit=on_submit>
                    <PasswordField id="mot-de-passe-actuel" label=Key::field_current_password_label
                        value=current_password error=form_check.error("current_password")
                        autocomplete="current-password"
                        on_input=form_check.on_input("current_password", errors)
                        on_blur=form_check.on_blur("current_password", current_password, errors) />
                    <PasswordField id="nouveau-mot-de-passe" label=Key::field_new_password_label
                        hint=Key::field_password_hint value=new_password
                        error=form_check.error("new_password") autocomplete="new-password"
                        on_input=form_check.on_input("new_password", errors)
                        on_blur=form_check.on_blur("new_password", new_password, errors) />
                    <SubmitButton form_check label=Key::password_change_submit />
                </form>
            </Show>
            <p><a href=AppRoute::Account.path()>{move || i18n.t(Key::manage_back)}</a></p>
        </SignedIn>
    }
}
