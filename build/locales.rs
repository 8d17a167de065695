//! Reads the translation folders (`locales/<lang>/*.txt`) for the build scripts — the app's, which
//! compiles them into the bundle, and the server's, which renders the privacy notice with them —
//! and for `cargo xtask`, which pre-renders the public pages with them.
//! Each line is `key = text`; `#` starts a comment; a key is defined once across a language's
//! files. Files named `*-page.txt` hold the texts of pages rendered at build time: they are not
//! compiled into the app.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `key = text` of one language under `locales`, and which keys come from page files.
pub fn read_language(locales: &Path, lang: &str) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let folder = locales.join(lang);
    rerun_if_changed(&folder.display().to_string());
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
        rerun_if_changed(&path);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let before: BTreeSet<String> = table.keys().cloned().collect();
        parse(&path, &text, &mut table);
        if path.ends_with("-page.txt") {
            page_only.extend(table.keys().filter(|k| !before.contains(*k)).cloned());
        }
    }
    (table, page_only)
}

/// The keys one translation file defines.
pub fn file_keys(path: &Path) -> BTreeSet<String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut table = BTreeMap::new();
    parse(&name, &text, &mut table);
    table.into_keys().collect()
}

/// Tells cargo to build again when a translation file changes, from a build script only (the
/// developer tasks read the files too, at run time).
fn rerun_if_changed(path: &str) {
    if std::env::var_os("OUT_DIR").is_some() {
        println!("cargo:rerun-if-changed={path}");
    }
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

/// The keys the app names (its `Key` enum, in this order): every key but the page files'.
pub fn app_keys(table: &BTreeMap<String, String>, page_only: &BTreeSet<String>) -> Vec<String> {
    table
        .keys()
        .filter(|key| !page_only.contains(*key))
        .cloned()
        .collect()
}

/// A language's texts as the server sends them to the app: one a line, in the order of `keys`.
pub fn texts_file(keys: &[String], table: &BTreeMap<String, String>) -> String {
    keys.iter()
        .map(|key| {
            let text = &table[key];
            assert!(!text.is_empty(), "{key} has an empty text");
            format!("{text}\n")
        })
        .collect()
}

/// Names a texts file: the app asks for the version it was built with, so that it never takes
/// texts whose lines are another release's keys (64-bit FNV-1a of the keys and the texts).
pub fn texts_version(keys: &[String], texts_file: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in keys.join("\n").bytes().chain(texts_file.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
