//! Compiles the French translation files `locales/fr/*.txt` into the app, and checks the English
//! ones `locales/en/*.txt`, which the server sends when English is first chosen.
//!
//! Each language is a folder with one file per area of the service (common, account, pupils…),
//! so that work on one area does not touch another's texts. Each line is `key = text` (`#` starts
//! a comment); a key is defined once across a language's files. The build fails when the two
//! languages do not have exactly the same keys, so a text can never be missing in one language;
//! the app names keys through the generated `Key` enum, so a mistyped key does not compile either.
//!
//! The texts of `canteen_app.txt` are compiled into the canteen's app only, and those of
//! `card_app.txt` into the pupil's card only: the other apps' tables leave them empty.
//!
//! Files named `*-page.txt` hold the texts of the privacy notice, which the server renders from
//! the registry (see `build/privacy_page.rs`): they are checked the same way but not compiled
//! into the app.

#[path = "build/locales.rs"]
mod locales;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const LANGUAGES: [&str; 2] = ["fr", "en"];

/// Which keys a table of French texts holds (the others are empty in it).
type TextFilter<'a> = Box<dyn Fn(&str) -> bool + 'a>;

fn main() {
    let languages: Vec<(BTreeMap<String, String>, BTreeSet<String>)> = LANGUAGES
        .iter()
        .map(|lang| locales::read_language(Path::new("locales"), lang))
        .collect();
    let tables: Vec<&BTreeMap<String, String>> = languages.iter().map(|(all, _)| all).collect();
    let (french, english) = (tables[0], tables[1]);
    let missing: Vec<String> = french
        .keys()
        .filter(|k| !english.contains_key(*k))
        .map(|k| format!("en lacks {k}"))
        .chain(
            english
                .keys()
                .filter(|k| !french.contains_key(*k))
                .map(|k| format!("fr lacks {k}")),
        )
        .collect();
    assert!(
        missing.is_empty(),
        "translations differ: {}",
        missing.join(", ")
    );

    let app_keys = locales::app_keys(french, &languages[0].1);
    // English is fetched from the server, so a text missing there would only show at run time:
    // every error message must differ from the French one (the same text means untranslated).
    let untranslated: Vec<&String> = app_keys
        .iter()
        .filter(|key| key.starts_with("error_") && french[*key] == english[*key])
        .collect();
    assert!(
        untranslated.is_empty(),
        "untranslated error messages: {untranslated:?}"
    );
    let mut code = String::from(
        "/// Every translated text of the app, by key (generated from locales/ by build.rs).\n\
         #[allow(non_camel_case_types)]\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n",
    );
    for key in &app_keys {
        writeln!(code, "    {key},").unwrap();
    }
    // Error codes arrive as strings (`uai_empty`): only the `error_` keys need a lookup by name.
    code.push_str(
        "}\n\nimpl Key {\n    /// The message of an error code, `error_<code>`.\n    \
         pub fn of_error_code(code: &str) -> Option<Key> {\n        match code {\n",
    );
    for key in &app_keys {
        if let Some(code_name) = key.strip_prefix("error_") {
            writeln!(code, "            {code_name:?} => Some(Key::{key}),").unwrap();
        }
    }
    code.push_str("            _ => None,\n        }\n    }\n}\n\n");
    writeln!(code, "pub const KEY_COUNT: usize = {};\n", app_keys.len()).unwrap();
    // Each app compiles in only the French texts it shows: the family app does without the
    // canteen pages' (`canteen_app.txt`) and the card's (`card_app.txt`); the card's app has
    // its own and the messages of its form's errors only. A table has an empty text where its
    // app never shows one.
    let canteen_only = locales::file_keys(&Path::new("locales").join("fr/canteen_app.txt"));
    let card_only = locales::file_keys(&Path::new("locales").join("fr/card_app.txt"));
    let card_form_error =
        |key: &str| key.starts_with("error_pass_number_") || key.starts_with("error_birth_date_");
    let tables: [(&str, &str, TextFilter); 4] = [
        (
            "FR_ALL",
            "Every French text, for development builds and the browser tests.",
            Box::new(|_| true),
        ),
        (
            "FR",
            "Every French text but the card's, for the canteen's app (and the browser tests).",
            Box::new(|key| !card_only.contains(key)),
        ),
        (
            "FR_FAMILY",
            "The French texts of the family app: the canteen pages' and the card's are left out.",
            Box::new(|key| !canteen_only.contains(key) && !card_only.contains(key)),
        ),
        (
            "FR_CARD",
            "The French texts of the pupil's card: its own, its form's error messages, the site's name.",
            Box::new(|key| card_only.contains(key) || card_form_error(key) || key == "site_name"),
        ),
    ];
    for (name, doc, shown) in &tables {
        writeln!(code, "/// {doc}\npub const {name}: &[&str] = &[").unwrap();
        for key in &app_keys {
            let text = if shown(key) { french[key].as_str() } else { "" };
            writeln!(code, "    {text:?},").unwrap();
        }
        code.push_str("];\n\n");
    }
    // The English texts are served by the server (built from the same files); the app names
    // the version it expects, and the browser tests read the file written here.
    let english_file = locales::texts_file(&app_keys, english);
    let version = locales::texts_version(&app_keys, &english_file);
    writeln!(code, "pub const ENGLISH_VERSION: &str = {version:?};").unwrap();
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("translations.rs"), code).unwrap();
    std::fs::write(
        Path::new(&out_dir).join("translations.en.txt"),
        english_file,
    )
    .unwrap();
}
