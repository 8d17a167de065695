//! Long pages written as HTML fragments per language (`public/content/`). The French ones are
//! also in the pages the server sends as HTML (pre-rendered at build time), which the app keeps;
//! otherwise the app fetches them when their page opens, so they cost nothing in the bundle.
//! They are our own static text, never anything a person typed, so rendering them as HTML is
//! safe.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub enum Content {
    Home,
    AccessibilityStatement,
    LegalNotice,
}

impl Content {
    /// Where the body is on the site.
    pub fn url(self, lang: Lang) -> String {
        let name = match self {
            Content::Home => "home",
            Content::AccessibilityStatement => "accessibilite",
            Content::LegalNotice => "mentions-legales",
        };
        format!("/content/{name}.{}.html", lang.code())
    }
}
