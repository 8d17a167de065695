//! The privacy page, rendered from the shared privacy registry — the same entries the server's
//! retention job enforces. The body is built at compile time (see `build/privacy_page.rs`), from
//! our own registry and texts, never from anything a person typed.

use leptos::prelude::*;

use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, Key, Lang};

fn body(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/privacy.fr.html")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/privacy.en.html")),
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::privacy_title, Signal::stored(false));
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::privacy_title)}</h1>
        <div inner_html=move || body(i18n.lang())></div>
    }
}
