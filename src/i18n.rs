//! Languages: French by default whatever the browser says, English on request. The person's
//! choice is remembered on the device (local storage, strictly necessary, no consent needed)
//! and set on `<html lang>` so that screen readers pronounce the page right.

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/translations.rs"));

const STORAGE_KEY: &str = "passplus.lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The text of a key in this language.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Lang::Fr => FR[key as usize],
            Lang::En => EN[key as usize],
        }
    }
}

/// The current language, provided once by the app shell.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The text of `key` in the current language (reactive: call it inside a closure).
    pub fn t(self, key: Key) -> &'static str {
        self.lang.get().text(key)
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn format(self, key: Key, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.t(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Switches language, remembers it on this device and updates `<html lang>`.
    pub fn set(self, lang: Lang) {
        if let Some(storage) = local_storage() {
            // A private window may refuse storage: the switch still works for this visit.
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        self.lang.set(lang);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The language remembered on this device, or French.
pub fn remembered_lang() -> Lang {
    local_storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Creates the language context for the app and keeps `<html lang>` in step with it.
pub fn provide_i18n(initial: Lang) -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(initial),
    };
    provide_context(i18n);
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n.lang().code());
        }
    });
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The message key for a rule's error code (`error_<code>` in the translation files).
pub fn error_message_key(code: &str) -> Key {
    Key::of_error_code(code).unwrap_or(Key::error_unknown)
}
