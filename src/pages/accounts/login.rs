//! "Se connecter". One message for an unknown address and a wrong password; with the right
//! password, an unverified address is told so and offered a new link; too many failures say
//! when to try again.

use leptos::prelude::*;
use passplus_validation::account::LoginForm;
use passplus_validation::check;
use passplus_validation::codes::refusal;
use passplus_validation::links::{return_path, RETURN_PARAMETER};

use crate::accounts::resend_link::ResendLink;
use crate::accounts::session::use_session;
use crate::api::{self, ApiError};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::password_field::PasswordField;
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};
use crate::nav::location::{use_location, Location};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

/// How long after the page is drawn "logged out" is said.
const ANNOUNCE_AFTER: std::time::Duration = std::time::Duration::from_millis(150);

const FIELDS: &[FormField] = &[
    FormField {
        name: "email",
        id: "courriel",
    },
    FormField {
        name: "password",
        id: "mot-de-passe",
    },
];

/// The page that sent the family to log in (`?retour=`), if it is one of theirs on this site;
/// their account otherwise.
fn page_after_login(location: Location) -> String {
    location
        .query(RETURN_PARAMETER)
        .and_then(|path| return_path(&path).map(str::to_owned))
        .unwrap_or_else(|| AppRoute::Account.path())
}

#[component]
pub fn LogInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    // Said once the page is drawn: a live region is announced when its text changes, not
    // when it arrives with its text.
    let logged_out = RwSignal::new(false);
    if location.query("deconnexion").is_some() {
        set_timeout(
            move || {
                logged_out.try_set(true);
            },
            ANNOUNCE_AFTER,
        );
    }
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = move || LoginForm {
        email: email.get_untracked(),
        password: password.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let unverified = RwSignal::new(false);
    let wait_minutes = RwSignal::new(None::<i64>);
    use_document_title(Key::login_title, form_check.has_summary());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        unverified.set(false);
        wait_minutes.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        form_check.send(
            async move { api::accounts::log_in(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    session.refresh();
                    location.navigate(&page_after_login(location));
                }
                Err(ApiError::Refused(code)) if code == refusal::EMAIL_NOT_VERIFIED => {
                    unverified.try_set(true);
                }
                // The address stays, the password goes: it is the one to type again.
                Err(ApiError::Refused(_)) => {
                    password.try_set(String::new());
                    form_check.refused(Key::login_invalid_credentials);
                }
                Err(ApiError::TooManyAttempts(seconds)) => {
                    password.try_set(String::new());
                    form_check.refused(Key::login_too_many_attempts);
                    wait_minutes.try_set(Some((seconds + 59) / 60));
                }
                Err(error) => form_check.refused_by_server(error),
            },
        );
    };

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::login_title)}</h1>
        <div role="status">
            <Show when=move || logged_out.get()>
                <p class="panel">{move || i18n.t(Key::login_logged_out)}</p>
            </Show>
        </div>
        <ErrorSummary errors=form_check.summary() />
        <p class="form-alert" role="alert">
            {move || wait_minutes.get().map(|minutes| {
                i18n.format(Key::login_wait, &[("minutes", &minutes.to_string())])
            })}
        </p>
        <form novalidate on:submit=on_submit>
            <TextField id="courriel" label=Key::field_email_label value=email
                error=form_check.error("email") input_type="email" autocomplete="email"
                on_input=form_check.on_input("email", errors)
                on_blur=form_check.on_blur("email", email, errors) />
            <PasswordField id="mot-de-passe" label=Key::field_password_label value=password
                error=form_check.error("password") autocomplete="current-password"
                on_input=form_check.on_input("password", errors)
                on_blur=form_check.on_blur("password", password, errors) />
            <SubmitButton form_check label=Key::login_submit />
        </form>
        <p><a href=AppRoute::ForgotPassword.path()>{move || i18n.t(Key::forgot_link)}</a></p>
        <Show when=move || unverified.get()>
            <div class="panel" role="alert">
                <p>{move || i18n.t(Key::login_unverified)}</p>
            </div>
            <ResendLink email=email.get_untracked() />
        </Show>
        <p>
            {move || i18n.t(Key::login_no_account)}" "
            <a href=AppRoute::SignUp.path()>{move || i18n.t(Key::signup_title)}</a>
        </p>
    }
}
