//! A page made of a heading and a long text in the current language (home, accessibility
//! statement, legal notice).

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::shell::content::Content;
use crate::shell::document_title::use_document_title;
use crate::shell::fetched_html::FetchedHtml;

#[component]
pub fn ContentPage(
    /// The page's name in the document title.
    title: Key,
    /// The `h1`, when it says more than the title.
    #[prop(optional)]
    heading: Option<Key>,
    content: Content,
) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(title, Signal::stored(false));
    let heading = heading.unwrap_or(title);
    view! {
        <h1 tabindex="-1">{move || i18n.t(heading)}</h1>
        <FetchedHtml url=Signal::derive(move || content.url(i18n.lang())) />
    }
}
