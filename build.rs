//! Compiles the translation files `locales/fr/*.txt` and `locales/en/*.txt` into the app.
//!
//! Each language is a folder with one file per area of the service (common, account, pupils…),
//! so that work on one area does not touch another's texts. Each line is `key = text` (`#` starts
//! a comment); a key is defined once across a language's files. The build fails when the two
//! languages do not have exactly the same keys, so a text can never be missing in one language;
//! the app names keys through the generated `Key` enum, so a mistyped key does not compile either.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LANGUAGES: [&str; 2] = ["fr", "en"];

fn main() {
    let tables: Vec<BTreeMap<String, String>> =
        LANGUAGES.iter().map(|lang| read_language(lang)).collect();
    let (french, english) = (&tables[0], &tables[1]);
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

    let mut code = String::from(
        "/// Every translated text, by key (generated from locales/*.txt by build.rs).\n\
         #[allow(non_camel_case_types)]\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n",
    );
    for key in french.keys() {
        writeln!(code, "    {key},").unwrap();
    }
    code.push_str("}\n\nimpl Key {\n    pub const ALL: &'static [Key] = &[");
    for key in french.keys() {
        write!(code, "Key::{key}, ").unwrap();
    }
    code.push_str("];\n\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for key in french.keys() {
        writeln!(code, "            Key::{key} => {key:?},").unwrap();
    }
    code.push_str("        }\n    }\n}\n\n");
    for (lang, table) in LANGUAGES.iter().zip(&tables) {
        writeln!(code, "pub const {}: &[&str] = &[", lang.to_uppercase()).unwrap();
        for text in table.values() {
            writeln!(code, "    {text:?},").unwrap();
        }
        code.push_str("];\n\n");
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("translations.rs");
    std::fs::write(out, code).unwrap();
}

/// Every `key = text` of one language, from all the files of its folder.
fn read_language(lang: &str) -> BTreeMap<String, String> {
    let folder = format!("locales/{lang}");
    println!("cargo:rerun-if-changed={folder}");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut table = BTreeMap::new();
    for path in paths {
        let path = path.to_str().unwrap().to_owned();
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        parse(&path, &text, &mut table);
    }
    table
}

fn parse(path: &str, text: &str, table: &mut BTreeMap<String, String>) {
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("{path}:{}: expected `key = text`", number + 1));
        let key = key.trim();
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{path}:{}: keys are snake_case",
            number + 1
        );
        let previous = table.insert(key.to_owned(), value.trim().to_owned());
        assert!(
            previous.is_none(),
            "{path}:{}: {key} defined twice",
            number + 1
        );
    }
}
