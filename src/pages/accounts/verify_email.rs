//! "Vérifier mon adresse": the page the e-mailed link opens. It sends the link's token to the
//! server and says what happened; an expired or used link explains what to do and offers a new
//! one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::accounts::resend_link::ResendLink;
use crate::api::{self, ApiError};
use crate::i18n::{use_i18n, Key};
use crate::nav::location::use_location;
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;
use passplus_validation::codes::refusal;

#[derive(Debug, Clone, PartialEq)]
enum Verification {
    Checking,
    Verified,
    Failed(Key),
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::verify_title, Signal::stored(false));
    let token = use_location().take_link_token().unwrap_or_default();
    let state = RwSignal::new(Verification::Checking);
    spawn_local(async move {
        let outcome = if token.is_empty() {
            Verification::Failed(Key::verify_link_invalid)
        } else {
            match api::accounts::verify_email(&token).await {
                Ok(()) => Verification::Verified,
                Err(ApiError::Refused(code)) => Verification::Failed(match code.as_str() {
                    refusal::LINK_EXPIRED => Key::verify_link_expired,
                    refusal::LINK_USED => Key::verify_link_used,
                    _ => Key::verify_link_invalid,
                }),
                Err(ApiError::Network) => Verification::Failed(Key::form_network_error),
                Err(_) => Verification::Failed(Key::form_server_error),
            }
        };
        state.try_set(outcome);
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::verify_title)}</h1>
        <div role="status" class="panel">
            {move || match state.get() {
                Verification::Checking => view! { <p>{i18n.t(Key::verify_checking)}</p> }.into_any(),
                Verification::Verified => view! {
                    <p>{i18n.t(Key::verify_done)}</p>
                    <p><a href=AppRoute::LogIn.path()>{i18n.t(Key::verify_login_link)}</a></p>
                }.into_any(),
                Verification::Failed(message) => view! { <p>{i18n.t(message)}</p> }.into_any(),
            }}
        </div>
        <Show when=move || matches!(state.get(), Verification::Failed(_))>
            <ResendLink email=String::new() />
        </Show>
    }
}
