//! What a form of the account pages shows once the server has answered: a refusal on the form
//! (rule errors and a wrong current password under their fields, anything else in the summary),
//! how long to wait after too many attempts, or the panel saying the change is made.

use leptos::prelude::*;
use passplus_validation::codes::refusal::CURRENT_PASSWORD_WRONG;
use passplus_validation::FieldErrors;

use crate::api::ApiError;
use crate::form::form_check::FormCheck;
use crate::i18n::{use_i18n, Key};

/// Shows a refused change on the form: a wrong current password under its field, how long to
/// wait after too many attempts, and what every form shares (see `FormCheck::refused_by_server`).
pub fn refusal(error: ApiError, form_check: FormCheck, wait_minutes: RwSignal<Option<i64>>) {
    match error {
        ApiError::Refused(code) if code == CURRENT_PASSWORD_WRONG => {
            form_check.submitted(&wrong_current_password());
        }
        ApiError::TooManyAttempts(seconds) => {
            form_check.refused(Key::login_too_many_attempts);
            wait_minutes.try_set(Some((seconds + 59) / 60));
        }
        error => form_check.refused_by_server(error),
    }
}

/// How long to wait after too many attempts, announced as soon as it is known.
#[component]
pub fn WaitNotice(wait_minutes: RwSignal<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-alert" role="alert">
            {move || wait_minutes.get().map(|minutes| {
                i18n.format(Key::login_wait, &[("minutes", &minutes.to_string())])
            })}
        </p>
    }
}

/// A change made: a status panel that takes focus, so it is read at once.
#[component]
pub fn DonePanel(message: Key, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    view! {
        <div class="panel" role="status" tabindex="-1" node_ref=panel>
            <p>{move || i18n.t(message)}</p>
            {children.map(|children| children())}
        </div>
    }
}

/// A link sent by e-mail: a status panel whose heading takes focus, naming the address.
#[component]
pub fn SentPanel(title: Key, text: Key, email: String) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <div class="panel" role="status">
            <h2 tabindex="-1" node_ref=heading>{move || i18n.t(title)}</h2>
            <p>{move || i18n.format(text, &[("email", &email)])}</p>
        </div>
    }
}

/// The server's "wrong current password", shown under that field like a rule's error.
fn wrong_current_password() -> FieldErrors {
    FieldErrors::one("current_password", CURRENT_PASSWORD_WRONG)
}
