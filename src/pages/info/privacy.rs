//! The privacy page: the privacy notice the server renders from the shared privacy registry —
//! the same entries its retention job enforces — in the current language.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::shell::document_title::use_document_title;
use crate::shell::fetched_html::FetchedHtml;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::privacy_title, Signal::stored(false));
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::privacy_title)}</h1>
        <FetchedHtml url=Signal::derive(move || format!("/api/privacy-notice/{}", i18n.lang().code())) />
    }
}
