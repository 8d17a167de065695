//! A page made of a heading and a long text in the current language (home, accessibility
//! statement, legal notice). The texts are HTML fragments per language (`public/content/`); the
//! French ones are also in the pages the server sends as HTML, which the app keeps, otherwise
//! the app fetches them when their page opens, so they cost nothing in the bundle. They are our
//! own static text, never anything a person typed, so rendering them as HTML is safe.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Lang};
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
    /// What comes between the heading and the text (the home page's primary action).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(title, Signal::stored(false));
    let heading = heading.unwrap_or(title);
    view! {
        <h1 tabindex="-1">{move || i18n.t(heading)}</h1>
        {children.map(|children| children())}
        <FetchedHtml url=Signal::derive(move || content.url(i18n.lang())) />
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Content {
    Home,
    AccessibilityStatement,
    LegalNotice,
}

impl Content {
    /// Where the text is on the site.
    pub fn url(self, lang: Lang) -> String {
        let name = match self {
            Content::Home => "home",
            Content::AccessibilityStatement => "accessibilite",
            Content::LegalNotice => "mentions-legales",
        };
        format!("/content/{name}.{}.html", lang.code())
    }
}
