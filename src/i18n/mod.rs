//! Languages: French by default whatever the browser says, English on request. The person's
//! choice is remembered on the device (local storage, strictly necessary, no consent needed)
//! and set on `<html lang>` so that screen readers pronounce the page right.
//!
//! The French texts are compiled in, each app's own (`use_french`). The English ones are fetched
//! from the server the first time English is chosen (`/api/translations/en/{version}`, cached
//! for good): most visits never need them, and every visit would otherwise download them with
//! the app.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::task::spawn_local;

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

    /// The language's name in itself, as the switch offers it: known before its texts are.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The text of a key in this language (French until the English texts are there; the app
    /// switches to English only once they are).
    pub fn text(self, key: Key) -> &'static str {
        match (self, ENGLISH.get()) {
            (Lang::En, Some(english)) => &english[key as usize],
            _ => french().get(key as usize).copied().unwrap_or_default(),
        }
    }

    /// Whether this language's texts are in the app.
    fn is_ready(self) -> bool {
        self == Lang::Fr || ENGLISH.get().is_some()
    }
}

/// The French texts this app carries, in the order of [`Key`] (`FR_FAMILY`, `FR`, `FR_CARD`), set once
/// when it starts: each binary names only its own table, so that it holds only its own texts.
static FRENCH: OnceLock<&'static [&'static str]> = OnceLock::new();

/// Sets the French texts of the app (at its start).
pub fn use_french(texts: &'static [&'static str]) {
    let _ = FRENCH.set(texts);
}

fn french() -> &'static [&'static str] {
    match FRENCH.get() {
        Some(texts) => texts,
        // Development builds and the browser tests, which mount components without an app:
        // every text. A release build names no table here, so it carries only its app's.
        #[cfg(debug_assertions)]
        None => FR_ALL,
        #[cfg(not(debug_assertions))]
        None => &[],
    }
}

/// The English texts, in the order of [`Key`], once fetched.
static ENGLISH: OnceLock<Vec<String>> = OnceLock::new();

/// Takes the English texts as the server sends them (one a line, in the order of [`Key`]);
/// refuses a table of another length (a server of another release), keeping French.
pub fn install_english(table: &str) -> bool {
    let texts: Vec<String> = table.lines().map(str::to_owned).collect();
    if texts.len() != KEY_COUNT {
        return false;
    }
    ENGLISH.get_or_init(|| texts);
    true
}

/// Fetches the English texts, unless they are already there; false when they could not be had.
pub async fn load_english() -> bool {
    if Lang::En.is_ready() {
        return true;
    }
    let url = format!("/api/translations/en/{ENGLISH_VERSION}");
    match crate::api::http_client::get_text(&url).await {
        Some(table) => install_english(&table),
        None => false,
    }
}

/// A moment (Unix seconds) as the person's browser writes dates in their language.
pub fn local_date_time(seconds: i64, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds as f64 * 1000.0));
    date.to_locale_string(
        if lang == Lang::Fr { "fr-FR" } else { "en-GB" },
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .into()
}

/// What a form-kit component says in a legend or a hint: a text, or a text with values (the
/// school year a question is about), in the current language when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    key: Key,
    values: Vec<(&'static str, String)>,
}

impl Text {
    /// `key` with `{name}` replaced by `value`.
    pub fn with(key: Key, name: &'static str, value: impl ToString) -> Text {
        Text {
            key,
            values: vec![(name, value.to_string())],
        }
    }

    pub fn in_language(&self, i18n: I18n) -> String {
        let values: Vec<(&str, &str)> = self
            .values
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        i18n.format(self.key, &values)
    }
}

impl From<Key> for Text {
    fn from(key: Key) -> Text {
        Text {
            key,
            values: Vec::new(),
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

    /// Switches language, remembers it on this device and updates `<html lang>` — once its
    /// texts are there (English is fetched at its first use; if it cannot be, nothing changes
    /// and the person can try again).
    pub fn set(self, lang: Lang) {
        if !lang.is_ready() {
            spawn_local(async move {
                if load_english().await {
                    self.set(lang);
                }
            });
            return;
        }
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

/// Creates the language context for the app and keeps `<html lang>` in step with it. A language
/// whose texts are not there yet starts in French.
pub fn provide_i18n(initial: Lang) -> I18n {
    let initial = if initial.is_ready() {
        initial
    } else {
        Lang::Fr
    };
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

/// "2026‑2027", the school year starting in `start_year` as the shared crate writes it, with a
/// hyphen that does not break the line (a button's words wrapping as "2026-" and "2027" read
/// as two things).
pub fn year_text(start_year: i32) -> String {
    passplus_validation::SchoolYear { start_year }
        .to_string()
        .replacen('-', "\u{2011}", 1)
}

/// `text` with its first letter in upper case ("Décembre 2026") or lower case ("cochez…" after
/// "Noé : "). The texts this is for start with an ASCII letter (month names, error messages):
/// the ASCII change spares the app Unicode's case tables (3.5 KiB brotli).
pub fn with_first_letter(mut text: String, upper: bool) -> String {
    if let Some(first) = text.get_mut(..1) {
        if upper {
            first.make_ascii_uppercase();
        } else {
            first.make_ascii_lowercase();
        }
    }
    text
}

/// "lundis, mardis et jeudis": `items` as a sentence lists them, with the language's "and"
/// (`and`) before the last.
pub fn spoken_list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first @ .., last] => format!("{} {and} {last}", first.join(", ")),
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The message key for a rule's error code (`error_<code>` in the translation files).
pub fn error_message_key(code: &str) -> Key {
    Key::of_error_code(code).unwrap_or(Key::error_unknown)
}
