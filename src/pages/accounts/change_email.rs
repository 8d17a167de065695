//! "Changer d'adresse e-mail": the new address and the current password; a link goes to the new
//! address, and the current one stays the account's until it is opened. The page says the same
//! whether or not the new address has an account elsewhere.

use leptos::prelude::*;
use passplus_validation::account_changes::EmailChangeForm;
use passplus_validation::check;

use crate::accounts::session::use_session;
use crate::accounts::signed_in::SignedIn;
use crate::api;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::form_outcome::{refusal, SentPanel, WaitNotice};
use crate::form::password_field::PasswordField;
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[
    FormField {
        name: "new_email",
        id: "nouveau-courriel",
    },
    FormField {
        name: "current_password",
        id: "mot-de-passe-actuel",
    },
];

#[component]
pub fn ChangeEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let new_email = RwSignal::new(String::new());
    let current_password = RwSignal::new(String::new());
    let form = move || EmailChangeForm {
        new_email: new_email.get_untracked(),
        current_password: current_password.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let sent_to = RwSignal::new(None::<String>);
    let wait_minutes = RwSignal::new(None::<i64>);
    use_document_title(Key::email_change_title, form_check.has_summary());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        wait_minutes.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        let address = body.new_email.trim().to_owned();
        form_check.send(
            async move { api::accounts::request_email_change(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    sent_to.try_set(Some(address));
                }
                Err(error) => {
                    refusal(error, form_check, wait_minutes);
                }
            },
        );
    };

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::email_change_title)}</h1>
        <SignedIn>
            <Show
                when=move || sent_to.get().is_none()
                fallback=move || view! {
                    <SentPanel title=Key::email_change_sent_title text=Key::email_change_sent_text
                email=sent_to.get().unwrap_or_default() />
                }
            >
                <p>
                    {move || session.account().map(|account| {
                        i18n.format(Key::email_change_current, &[("email", &account.email)])
                    })}
                </p>
                <p>{move || i18n.t(Key::email_change_intro)}</p>
                <p>{move || i18n.t(Key::form_all_required)}</p>
                <ErrorSummary errors=form_check.summary() />
                <WaitNotice wait_minutes />
                <form novalidate on:submit=on_submit>
                    <TextField id="nouveau-courriel" label=Key::field_new_email_label
                        hint=Key::field_email_hint value=new_email
                        error=form_check.error("new_email") input_type="email" autocomplete="email"
                        on_input=form_check.on_input("new_email", errors)
                        on_blur=form_check.on_blur("new_email", new_email, errors) />
                    <PasswordField id="mot-de-passe-actuel" label=Key::field_current_password_label
                        value=current_password error=form_check.error("current_password")
                        autocomplete="current-password"
                        on_input=form_check.on_input("current_password", errors)
                        on_blur=form_check.on_blur("current_password", current_password, errors) />
                    <SubmitButton form_check label=Key::email_change_submit />
                </form>
            </Show>
            <p><a href=AppRoute::Account.path()>{move || i18n.t(Key::manage_back)}</a></p>
        </SignedIn>
    }
}
