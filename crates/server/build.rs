//! Renders the privacy notice (the app's privacy page body) in French and English from the
//! shared privacy registry and the app's translation files, once, at build time: the server
//! serves it at `/api/privacy-notice/{lang}` (see `api::privacy_notice`).

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
    for lang in ["fr", "en"] {
        let (table, _) = locales::read_language(&locales_dir, lang);
        let html = privacy_page::render(&table, lang);
        std::fs::write(
            Path::new(&out_dir).join(format!("privacy.{lang}.html")),
            html,
        )
        .unwrap();
    }
}
