//! "Mot de passe oublié": an address, then a link by e-mail to choose a new password. The page
//! says the same whether or not the address has an account: only its mailbox tells.

use leptos::prelude::*;
use passplus_validation::account::EmailForm;
use passplus_validation::check;

use crate::api;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::form_outcome::SentPanel;
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[FormField {
    name: "email",
    id: "courriel",
}];

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let form = move || EmailForm {
        email: email.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let sent_to = RwSignal::new(None::<String>);
    use_document_title(Key::forgot_title, form_check.has_summary());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        let address = body.email.trim().to_owned();
        form_check.send(
            async move { api::accounts::ask_password_reset(&body.email).await },
            move |outcome| match outcome {
                Ok(()) => {
                    sent_to.try_set(Some(address));
                }
                Err(error) => form_check.refused_by_server(error),
            },
        );
    };

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::forgot_title)}</h1>
        <Show
            when=move || sent_to.get().is_none()
            fallback=move || view! { <SentPanel title=Key::forgot_sent_title text=Key::forgot_sent_text
                email=sent_to.get().unwrap_or_default() /> }
        >
            <p>{move || i18n.t(Key::forgot_intro)}</p>
            <ErrorSummary errors=form_check.summary() />
            <form novalidate on:submit=on_submit>
                <TextField id="courriel" label=Key::field_email_label hint=Key::field_email_hint
                    value=email error=form_check.error("email") input_type="email"
                    autocomplete="email" on_input=form_check.on_input("email", errors)
                    on_blur=form_check.on_blur("email", email, errors) />
                <SubmitButton form_check label=Key::forgot_submit />
            </form>
        </Show>
    }
}
