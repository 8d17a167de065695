//! The form kit. Every form follows one accessible pattern (ACCESSIBILITY.md): a visible label,
//! a hint and an error linked by `aria-describedby`, `aria-invalid` while in error, and a
//! summary on submit that takes focus. `FormCheck` runs the shared rules as the person types
//! and leaves fields, and on submit.

pub mod choice;
pub mod date_fields;
pub mod error_summary;
pub mod field_error;
pub mod file_field;
pub mod form_check;
pub mod form_outcome;
pub mod password_field;
pub mod presses;
pub mod submit_button;
pub mod text_field;

use leptos::prelude::*;

/// What a control's `aria-describedby` lists: its hint, and its error while there is one.
pub(crate) fn described_by(
    hint_id: Option<String>,
    error: Signal<Option<crate::i18n::Key>>,
    error_id: String,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint_id
            .as_deref()
            .into_iter()
            .chain(error.get().map(|_| error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
