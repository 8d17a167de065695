//! The page for any path the app does not know.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::not_found_title, Signal::stored(false));
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::not_found_title)}</h1>
        <p>{move || i18n.t(Key::not_found_text)}</p>
        <p>
            <a href=AppRoute::Home.path()>{move || i18n.t(Key::not_found_home_link)}</a>
        </p>
    }
}
