//! The error state of one form, following the pattern every form uses: a field is checked when
//! the person leaves it (once they typed something), then re-checked at each keystroke while it
//! shows an error, so the error goes as soon as it is fixed; a submit checks every field and
//! fills the summary. The rules themselves are the shared crate's, run on the whole form.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::codes::refusal;
use passplus_validation::FieldErrors;

use crate::api::ApiError;
use crate::form::error_summary::SummaryEntry;
use crate::form::presses;
use crate::i18n::{error_message_key, Key};

/// A field of the form: its name in the shared contract and the id of its input.
#[derive(Debug, Clone, Copy)]
pub struct FormField {
    pub name: &'static str,
    pub id: &'static str,
}

/// The input of a several-input field that an error code is about.
pub type InputInError = fn(&str) -> &'static str;

#[derive(Clone, Copy)]
pub struct FormCheck {
    fields: &'static [FormField],
    /// For a field of several inputs (a date), the input the summary leads to for an error code.
    input_in_error: Option<(&'static str, InputInError)>,
    /// The code each field shows, by field name (a few fields: a list is smaller in the bundle
    /// than a map, and as fast).
    shown: RwSignal<Vec<(&'static str, String)>>,
    summary: RwSignal<Vec<SummaryEntry>>,
    /// True while a submitted form is out to the server.
    sending: RwSignal<bool>,
}

impl FormCheck {
    /// `fields` in the order of the page, which is the order of the summary.
    pub fn new(fields: &'static [FormField]) -> FormCheck {
        FormCheck {
            fields,
            input_in_error: None,
            shown: RwSignal::new(Vec::new()),
            summary: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
        }
    }

    /// Makes the summary lead to the input a code is about, for a field made of several inputs
    /// (the month of a date when the month is missing), as GOV.UK's date pattern does.
    pub fn with_input_in_error(self, name: &'static str, input: InputInError) -> Self {
        FormCheck {
            input_in_error: Some((name, input)),
            ..self
        }
    }

    /// The message a field shows, if any.
    pub fn error(self, name: &'static str) -> Signal<Option<Key>> {
        Signal::derive(move || {
            self.shown.with(|shown| {
                shown
                    .iter()
                    .find(|(field, _)| *field == name)
                    .map(|(_, code)| error_message_key(code))
            })
        })
    }

    pub fn summary(self) -> Signal<Vec<SummaryEntry>> {
        self.summary.into()
    }

    /// True while a refused submit's errors are on the page ("Erreur : " in the title).
    pub fn has_summary(self) -> Signal<bool> {
        Signal::derive(move || !self.summary.with(Vec::is_empty))
    }

    /// The person left a field: show its error, unless it is empty and was never submitted. A
    /// field already in error is left as it is: each keystroke re-checks it, and an error only the
    /// server can find (a wrong current password, a collège out of Pass+) must stay until the
    /// person changes the value. Left by a press on another control, the error waits until that
    /// press has landed, so that the control does not move from under the finger (`presses`).
    pub fn left(
        self,
        name: &'static str,
        typed_something: bool,
        errors: impl FnOnce() -> FieldErrors + 'static,
    ) {
        presses::after_press(move || {
            // The press may have been on a link to another page.
            if self.shown.is_disposed() || self.shows_error(name) {
                return;
            }
            if typed_something || self.has_summary().get_untracked() {
                self.show(name, &errors());
            }
        });
    }

    /// A value chosen in one go (a file): checked at once, whatever it showed before.
    pub fn chosen(self, name: &'static str, errors: &FieldErrors) {
        self.show(name, errors);
    }

    /// A keystroke: re-check the field only if it shows an error.
    pub fn typed(self, name: &'static str, errors: &FieldErrors) {
        if self.shows_error(name) {
            self.show(name, errors);
        }
    }

    fn shows_error(self, name: &'static str) -> bool {
        self.shown
            .with_untracked(|shown| shown.iter().any(|(field, _)| *field == name))
    }

    fn show(self, name: &'static str, errors: &FieldErrors) {
        let code = errors.first_code(name).map(str::to_owned);
        self.shown.update(|shown| {
            shown.retain(|(field, _)| *field != name);
            if let Some(code) = code {
                shown.push((name, code));
            }
        });
    }

    /// A submit by the person: true when the form may be sent now. Not while an earlier one is
    /// out (a double click must not be two requests, nor two failed login attempts); otherwise
    /// every field is checked, as by [`FormCheck::submitted`]. Send it with [`FormCheck::send`].
    pub fn submit(self, errors: &FieldErrors) -> bool {
        if self.sending.get_untracked() || !self.submitted(errors) {
            return false;
        }
        self.sending.set(true);
        true
    }

    /// Sends the form that [`FormCheck::submit`] let go: `answer` gets the server's answer, once
    /// another submit may go again (so that no page can forget to allow it).
    pub fn send<T: 'static>(
        self,
        request: impl Future<Output = Result<T, ApiError>> + 'static,
        answer: impl FnOnce(Result<T, ApiError>) + 'static,
    ) {
        spawn_local(async move {
            let outcome = request.await;
            self.answered();
            answer(outcome);
        });
    }

    /// The server answered the form sent by [`FormCheck::submit`]; another submit may go.
    pub fn answered(self) {
        // `try_`: the person may have left the page while the request was out.
        self.sending.try_set(false);
    }

    /// True while a submitted form is out.
    pub fn is_sending(self) -> Signal<bool> {
        self.sending.into()
    }

    /// Shows every error and the summary (the rules' or the server's); true when there is none.
    pub fn submitted(self, errors: &FieldErrors) -> bool {
        let mut shown = Vec::new();
        let mut summary = Vec::new();
        for field in self.fields {
            if let Some(code) = errors.first_code(field.name) {
                shown.push((field.name, code.to_owned()));
                let id = match self.input_in_error {
                    Some((name, input)) if name == field.name => input(code),
                    _ => field.id,
                };
                summary.push((id, error_message_key(code)));
            }
        }
        let valid = summary.is_empty();
        // `try_`: an answer may arrive after the person left the page; nothing to show then.
        self.shown.try_set(shown);
        self.summary.try_set(summary);
        valid
    }

    /// A refusal about the form as a whole (e.g. wrong credentials): a summary entry that
    /// leads to the first field.
    pub fn refused(self, message: Key) {
        if let Some(first) = self.fields.first() {
            self.summary.try_set(vec![(first.id, message)]);
        }
    }

    /// The server refused the form for a reason every form shares: its rules (under the
    /// fields), an ended session, no connection, a request that came too slowly, too many
    /// requests from the network, too busy for now, or a fault of its own (in the summary). Pages
    /// handle their own reasons (a used link, a wrong current password) before calling this.
    pub fn refused_by_server(self, error: ApiError) {
        match error {
            ApiError::Invalid(errors) => {
                self.submitted(&errors);
            }
            ApiError::Unauthorized => self.refused(Key::form_session_ended),
            ApiError::Network => self.refused(Key::form_network_error),
            ApiError::Busy => self.refused(Key::form_busy),
            ApiError::TooManyAttempts(_) => self.refused(Key::form_too_many_requests),
            // The server's 408: the request came too slowly, the service is fine.
            ApiError::Refused(code) if code == refusal::TIMEOUT => self.refused(Key::form_timeout),
            _ => self.refused(Key::form_server_error),
        }
    }

    /// The keystroke handler of a field, for `TextField`'s `on_input`.
    pub fn on_input(
        self,
        name: &'static str,
        errors: impl Fn() -> FieldErrors + Send + Sync + 'static,
    ) -> Callback<()> {
        Callback::new(move |()| self.typed(name, &errors()))
    }

    /// The leaving handler of a field, for `TextField`'s `on_blur`.
    pub fn on_blur(
        self,
        name: &'static str,
        value: RwSignal<String>,
        errors: impl Fn() -> FieldErrors + Send + Sync + 'static,
    ) -> Callback<()> {
        let errors = std::sync::Arc::new(errors);
        Callback::new(move |()| {
            let typed_something = !value.with_untracked(|v| v.trim().is_empty());
            let errors = std::sync::Arc::clone(&errors);
            self.left(name, typed_something, move || errors())
        })
    }
}
