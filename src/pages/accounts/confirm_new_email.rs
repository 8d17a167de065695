//! "Confirmer ma nouvelle adresse e-mail": the page the link sent to the new address opens. It
//! sends the link's token and says what happened; a dead link says why and what to do.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::codes::refusal;

use crate::accounts::session::use_session;
use crate::api::{self, ApiError};
use crate::i18n::{use_i18n, Key};
use crate::nav::location::use_location;
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

#[component]
pub fn ConfirmNewEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_document_title(Key::email_confirm_title, Signal::stored(false));
    let token = use_location().take_link_token().unwrap_or_default();
    // The message to show: checking, done, or why the link cannot be used.
    let message = RwSignal::new(Key::email_confirm_checking);
    spawn_local(async move {
        let outcome = if token.is_empty() {
            Key::email_confirm_link_invalid
        } else {
            match api::accounts::confirm_email_change(&token).await {
                Ok(()) => {
                    // The header and account page show the address.
                    session.refresh();
                    Key::email_confirm_done
                }
                Err(ApiError::Refused(code)) => match code.as_str() {
                    refusal::LINK_EXPIRED => Key::email_confirm_link_expired,
                    refusal::LINK_USED => Key::email_confirm_link_used,
                    refusal::EMAIL_TAKEN => Key::error_email_taken,
                    _ => Key::email_confirm_link_invalid,
                },
                Err(ApiError::Network) => Key::form_network_error,
                Err(_) => Key::form_server_error,
            }
        };
        message.try_set(outcome);
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::email_confirm_title)}</h1>
        <div role="status" class="panel">
            <p>{move || i18n.t(message.get())}</p>
        </div>
        <Show when=move || message.get() != Key::email_confirm_checking>
            <p><a href=AppRoute::Account.path()>{move || i18n.t(Key::account_title)}</a></p>
        </Show>
    }
}
