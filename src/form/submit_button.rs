//! A form's submit button, and what the form is doing once sent. A request that takes more than
//! a moment is told under the button (so that nothing the person aims at moves): a progress bar
//! and a text in a polite live region (`role="status"`), always in the page so that screen
//! readers announce its changes. An upload's text moves by tens of percent, so that it is
//! announced a few times, not a hundred.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::http_client::Sending;
use crate::form::form_check::FormCheck;
use crate::i18n::{use_i18n, Key};

/// A request answered within this time shows nothing: no flash, no needless announcement.
const TOLD_AFTER: Duration = Duration::from_millis(400);

#[component]
pub fn SubmitButton(
    form_check: FormCheck,
    label: Key,
    #[prop(optional)] secondary: bool,
    /// Where an upload is, for a form that sends files.
    #[prop(optional, into)]
    upload: Option<Signal<Option<Sending>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sending = form_check.is_sending();
    let waited = RwSignal::new(false);
    Effect::new(move |_| {
        if sending.get() {
            // `try_`: the form may be gone by then (the page left, or rebuilt).
            set_timeout(
                move || {
                    if let Some(still_sending) = sending.try_get_untracked() {
                        waited.try_set(still_sending);
                    }
                },
                TOLD_AFTER,
            );
        } else {
            waited.set(false);
        }
    });
    // Nothing is told before `TOLD_AFTER`, nor once the form is answered (an upload's last step
    // may still be set for a moment then).
    let step = move || {
        if !sending.get() || !waited.get() {
            return None;
        }
        upload
            .and_then(|upload| upload.get())
            .or(Some(Sending::Waiting))
    };
    let text = move || {
        step().map(|step| match step {
            Sending::Waiting => i18n.t(Key::form_sending).to_owned(),
            Sending::ScalingPhoto => i18n.t(Key::form_sending_photo).to_owned(),
            Sending::Uploading { percent } => {
                let tens = (percent / 10 * 10).to_string();
                i18n.format(Key::form_sending_progress, &[("percent", &tens)])
            }
            Sending::Checking => i18n.t(Key::form_sending_checking).to_owned(),
        })
    };
    // No value (an indeterminate bar) but while the body is on its way.
    let percent = move || match step() {
        Some(Sending::Uploading { percent }) => Some(percent.to_string()),
        _ => None,
    };
    view! {
        <button type="submit" class="button" class:button--secondary=secondary
            aria-disabled=move || sending.get().then_some("true")>
            {move || i18n.t(label)}
        </button>
        <div class="sending" role="status">
            <Show when=move || step().is_some()>
                // The bar is named by the text around it (no id: a page may have two forms).
                <label class="sending__text">
                    {text}
                    <progress max="100" value=percent></progress>
                </label>
            </Show>
        </div>
    }
}
