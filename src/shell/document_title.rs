//! The document title: it names the page and the service, and starts with "Erreur : " while the
//! page shows errors, so that a screen reader announces the failure first.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// Keeps the title in step with the language and the page's error state.
pub fn use_document_title(page: Key, has_errors: Signal<bool>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let page_and_site = format!("{} – {}", i18n.t(page), i18n.t(Key::site_name));
        let title = if has_errors.get() {
            format!("{} {page_and_site}", i18n.t(Key::error_prefix))
        } else {
            page_and_site
        };
        document().set_title(&title);
    });
}
