//! Reusable pieces of the interface. Form components follow one accessible pattern
//! (ACCESSIBILITY.md): a visible label, a hint and an error linked by `aria-describedby`,
//! `aria-invalid` while in error, and a summary on submit that takes focus.

pub mod address_fields;
pub mod choice;
pub mod college_picker;
pub mod date_fields;
pub mod error_summary;
pub mod fetched_html;
pub mod field_error;
pub mod file_field;
pub mod form_check;
pub mod form_outcome;
pub mod language_switch;
pub mod layout;
pub mod password_field;
pub mod pupil_dashboard;
pub mod pupil_form;
pub mod signed_in;
pub mod submit_button;
pub mod text_field;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id, and scrolls it into view.
pub fn focus_element_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

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
