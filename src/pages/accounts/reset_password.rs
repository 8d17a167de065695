//! "Choisir un nouveau mot de passe": the page the reset link opens. The link is checked first,
//! so that nobody types a new password for a dead link; then the new password (the signup's
//! rule) ends every session of the account.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::account_changes::PasswordResetForm;
use passplus_validation::check;
use passplus_validation::codes::refusal;

use crate::accounts::session::use_session;
use crate::api::{self, ApiError};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::form_outcome::DonePanel;
use crate::form::password_field::PasswordField;
use crate::form::submit_button::SubmitButton;
use crate::i18n::{use_i18n, Key};
use crate::nav::location::use_location;
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[FormField {
    name: "new_password",
    id: "nouveau-mot-de-passe",
}];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Link {
    Checking,
    Usable,
    /// Why it cannot be used.
    Dead(Key),
    Used,
}

/// The message for a refused link.
fn link_problem(error: ApiError) -> Key {
    match error {
        ApiError::Refused(code) => match code.as_str() {
            refusal::LINK_EXPIRED => Key::reset_link_expired,
            refusal::LINK_USED => Key::reset_link_used,
            _ => Key::reset_link_invalid,
        },
        ApiError::Network => Key::form_network_error,
        _ => Key::form_server_error,
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let token = use_location().take_link_token().unwrap_or_default();
    let new_password = RwSignal::new(String::new());
    let form = {
        let token = token.clone();
        move || PasswordResetForm {
            token: token.clone(),
            new_password: new_password.get_untracked(),
        }
    };
    let errors = {
        let form = form.clone();
        move || check(&form())
    };
    let form_check = FormCheck::new(FIELDS);
    let link = RwSignal::new(Link::Checking);
    use_document_title(Key::reset_title, form_check.has_summary());

    spawn_local({
        let token = token.clone();
        async move {
            let state = if token.trim().is_empty() {
                Link::Dead(Key::reset_link_invalid)
            } else {
                match api::accounts::check_reset_link(&token).await {
                    Ok(()) => Link::Usable,
                    Err(error) => Link::Dead(link_problem(error)),
                }
            };
            link.try_set(state);
        }
    });

    let on_submit = {
        let errors = errors.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if !form_check.submit(&errors()) {
                return;
            }
            let body = form();
            form_check.send(
                async move { api::accounts::reset_password(&body).await },
                move |outcome| match outcome {
                    Ok(()) => {
                        // Every session of the account ended, this browser's too.
                        session.signed_out();
                        link.try_set(Link::Used);
                    }
                    Err(error @ ApiError::Refused(_)) => {
                        link.try_set(Link::Dead(link_problem(error)));
                    }
                    Err(error) => form_check.refused_by_server(error),
                },
            );
        }
    };

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::reset_title)}</h1>
        {move || match link.get() {
            Link::Checking => view! { <p role="status">{i18n.t(Key::reset_checking)}</p> }.into_any(),
            Link::Dead(message) => view! {
                <div class="panel" role="alert">
                    <p>{i18n.t(message)}</p>
                </div>
                <p><a href=AppRoute::ForgotPassword.path()>{i18n.t(Key::reset_new_link)}</a></p>
            }.into_any(),
            Link::Used => view! {
                <DonePanel message=Key::reset_done>
                    <p><a href=AppRoute::LogIn.path()>{i18n.t(Key::login_title)}</a></p>
                </DonePanel>
            }.into_any(),
            Link::Usable => ().into_any(),
        }}
        <Show when=move || link.get() == Link::Usable>
            <p>{move || i18n.t(Key::reset_intro)}</p>
            <ErrorSummary errors=form_check.summary() />
            <form novalidate on:submit=on_submit.clone()>
                <PasswordField id="nouveau-mot-de-passe" label=Key::field_new_password_label
                    hint=Key::field_password_hint value=new_password
                    error=form_check.error("new_password") autocomplete="new-password"
                    on_input=form_check.on_input("new_password", errors.clone())
                    on_blur=form_check.on_blur("new_password", new_password, errors.clone()) />
                <SubmitButton form_check label=Key::reset_submit />
            </form>
        </Show>
    }
}
