//! Reads the translation folders (`locales/<lang>/*.txt`) for the build scripts: the app's, which
//! compiles them into the bundle, and the server's, which renders the privacy notice with them.
//! Each line is `key = text`; `#` starts a comment; a key is defined once across a language's
//! files. Files named `*-page.txt` hold the texts of pages rendered at build time: they are not
//! compiled into the app.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `key = text` of one language under `locales`, and which keys come from page files.
pub fn read_language(locales: &Path, lang: &str) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let folder = locales.join(lang);
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut table = BTreeMap::new();
    let mut page_only = BTreeSet::new();
    for path in paths {
        let path = path.to_str().unwrap().to_owned();
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let before: BTreeSet<String> = table.keys().cloned().collect();
        parse(&path, &text, &mut table);
        if path.ends_with("-page.txt") {
            page_only.extend(table.keys().filter(|k| !before.contains(*k)).cloned());
        }
    }
    (table, page_only)
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
