//! The form that asks for a new verification link, on the verification page (a link that no
//! longer works), after a signup and after a login refused for an unverified address.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::account::EmailForm;
use passplus_validation::check;

use crate::api::{self, ApiError};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};

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
            match api::accounts::resend_verification(&body.email).await {
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
