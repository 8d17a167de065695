//! "Vérifier mon adresse": the page the e-mailed link opens. It sends the link's token to the
//! server and says what happened; an expired or used link explains what to do and offers a new
//! one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::account::EmailForm;
use passplus_validation::check;

use crate::api::{self, ApiError};
use crate::components::error_summary::ErrorSummary;
use crate::components::form_check::{FormCheck, FormField};
use crate::components::submit_button::SubmitButton;
use crate::components::text_field::TextField;
use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, Key};
use crate::router::use_location;
use crate::routes::AppRoute;

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
            match api::verify_email(&token).await {
                Ok(()) => Verification::Verified,
                Err(ApiError::Refused(code)) => Verification::Failed(match code.as_str() {
                    "link_expired" => Key::verify_link_expired,
                    "link_used" => Key::verify_link_used,
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

const RESEND_FIELDS: &[FormField] = &[FormField {
    name: "email",
    id: "courriel-lien",
}];

/// Asks for a new verification link. The answer is the same whether the address has an
/// account or not: only its owner's mailbox tells.
#[component]
pub fn ResendLink(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(email);
    let form = move || EmailForm {
        email: email.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(RESEND_FIELDS);
    let sent = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !form_check.submitted(&errors()) {
            return;
        }
        sent.set(false);
        let body = form();
        spawn_local(async move {
            match api::resend_verification(&body.email).await {
                Ok(()) => {
                    sent.try_set(true);
                }
                Err(ApiError::Invalid(errors)) => {
                    form_check.submitted(&errors);
                }
                Err(ApiError::Network) => form_check.refused(Key::form_network_error),
                Err(_) => form_check.refused(Key::form_server_error),
            }
        });
    };
    view! {
        <section class="resend" aria-labelledby="renvoyer-titre">
            <h2 id="renvoyer-titre">{move || i18n.t(Key::resend_title)}</h2>
            <p>{move || i18n.t(Key::resend_intro)}</p>
            <ErrorSummary errors=form_check.summary() />
            <form novalidate on:submit=on_submit>
                <TextField id="courriel-lien" label=Key::field_email_label value=email
                    error=form_check.error("email") input_type="email" autocomplete="email"
                    on_input=form_check.on_input("email", errors)
                    on_blur=form_check.on_blur("email", email, errors) />
                <SubmitButton form_check label=Key::resend_submit secondary=true />
            </form>
            <p role="status">{move || sent.get().then(|| i18n.t(Key::resend_done))}</p>
        </section>
    }
}
