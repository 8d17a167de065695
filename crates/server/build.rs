//! Renders the privacy notice (the app's privacy page body) in French and English from the
//! shared privacy registry and the app's translation files, once, at build time: the server
//! serves it at `/api/privacy-notice/{lang}` (see `privacy::notice`). Also writes the app's
//! English texts, which the server sends when English is first chosen (`api::translations`).

// The app's build script also reads single files (which texts each app carries).
#[allow(dead_code)]
#[path = "../../build/locales.rs"]
mod locales;
#[path = "../../build/privacy_page.rs"]
mod privacy_page;

use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let locales_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed=../../build/privacy_page.rs");
    println!("cargo:rerun-if-changed=../../build/locales.rs");
    println!("cargo:rerun-if-changed=../validation/data/privacy-registry.json");
    let (french, page_only) = locales::read_language(&locales_dir, "fr");
    let (english, _) = locales::read_language(&locales_dir, "en");
    // The app's keys are named after the French files, as its own build script does.
    let app_keys = locales::app_keys(&french, &page_only);
    let english_file = locales::texts_file(&app_keys, &english);
    let version = locales::texts_version(&app_keys, &english_file);
    std::fs::write(
        Path::new(&out_dir).join("translations.en.txt"),
        &english_file,
    )
    .unwrap();
    std::fs::write(Path::new(&out_dir).join("translations.en.version"), version).unwrap();
    for (lang, table) in [("fr", &french), ("en", &english)] {
        let html = privacy_page::render(passplus_validation::privacy::registry(), table, lang);
        std::fs::write(
            Path::new(&out_dir).join(format!("privacy.{lang}.html")),
            html,
        )
        .unwrap();
    }
}
