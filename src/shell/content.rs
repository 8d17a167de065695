//! Long pages written as HTML fragments per language. The French home page's is compiled in (it
//! is the first page most people see, and French is the default); the others are files the
//! server sends when their page opens (`public/content/`), so they cost nothing on a first visit. They are our own static text,
//! never anything a person typed, so rendering them as HTML is safe.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub enum Content {
    Home,
    AccessibilityStatement,
    LegalNotice,
}

impl Content {
    /// The body compiled into the app, if this page's is.
    pub fn inline(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Content::Home, Lang::Fr) => Some(include_str!("../../content/home.fr.html")),
            _ => None,
        }
    }

    /// Where the body is on the site, for the pages fetched.
    pub fn url(self, lang: Lang) -> String {
        let name = match self {
            Content::Home => "home",
            Content::AccessibilityStatement => "accessibilite",
            Content::LegalNotice => "mentions-legales",
        };
        format!("/content/{name}.{}.html", lang.code())
    }
}
