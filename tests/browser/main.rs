//! The app's browser tests (wasm-bindgen-test in headless Chromium), one module per area as the
//! server's API tests are: the texts (`i18n`), the API client (`api_client`), pages as wholes
//! (`pages`), and the form kit component by component with axe-core (`form_kit`). One test
//! binary: each costs the runner seconds to prepare and load, whatever it holds. Run one area
//! with a filter, e.g. `cargo test --target wasm32-unknown-unknown -p passplus-web --test
//! browser -- form_kit::date_fields`.
#![cfg(target_arch = "wasm32")]

mod support;

mod api_client;
mod form_kit;
mod i18n;
mod pages;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
