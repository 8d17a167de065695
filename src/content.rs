//! Long pages written as HTML fragments per language (`content/`), compiled in. They are our own
//! static text, never anything a person typed, so rendering them as HTML is safe.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy)]
pub enum Content {
    Home,
    AccessibilityStatement,
    LegalNotice,
}

impl Content {
    pub fn html(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Content::Home, Lang::Fr) => include_str!("../content/home.fr.html"),
            (Content::Home, Lang::En) => include_str!("../content/home.en.html"),
            (Content::AccessibilityStatement, Lang::Fr) => {
                include_str!("../content/accessibilite.fr.html")
            }
            (Content::AccessibilityStatement, Lang::En) => {
                include_str!("../content/accessibilite.en.html")
            }
            (Content::LegalNotice, Lang::Fr) => include_str!("../content/mentions-legales.fr.html"),
            (Content::LegalNotice, Lang::En) => include_str!("../content/mentions-legales.en.html"),
        }
    }
}
