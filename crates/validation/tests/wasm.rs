//! The shared rules, run in a real browser (headless Chromium, by `cargo xtask test`): the same
//! vector file as the native tests, so both targets provably agree.
#![cfg(target_arch = "wasm32")]

use passplus_validation::{check, privacy, uai, CollegeSearch};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_uai_vector_gives_the_same_verdict_in_the_browser() {
    assert!(uai::TEST_VECTORS.lines().count() > 20);
    assert_eq!(uai::vector_failures(), Vec::<String>::new());
}

#[wasm_bindgen_test]
fn the_search_rule_gives_the_server_codes() {
    let code = |q: &str| {
        check(&CollegeSearch { q: q.into() })
            .first_code("q")
            .map(str::to_owned)
    };
    assert_eq!(code("0921243C").as_deref(), Some("uai_check_letter"));
    assert_eq!(code("a").as_deref(), Some("query_too_short"));
    assert_eq!(code("Anne Frank"), None);
}

#[wasm_bindgen_test]
fn the_privacy_registry_loads_in_the_browser() {
    let registry = privacy::registry();
    assert!(!registry.processings.is_empty());
    assert_eq!(registry.dpo.email, "dpo@hauts-de-seine.fr");
}

#[wasm_bindgen_test]
fn every_account_vector_gives_the_same_verdict_in_the_browser() {
    let vectors = passplus_validation::account_vectors::account_vectors().unwrap();
    assert!(vectors.len() > 100);
    assert_eq!(
        passplus_validation::account_vector_failures(),
        Vec::<String>::new()
    );
}

#[wasm_bindgen_test]
fn every_pupil_vector_gives_the_same_verdict_in_the_browser() {
    assert!(
        passplus_validation::pupil_vectors::PUPIL_VECTORS
            .lines()
            .count()
            > 50
    );
    assert_eq!(
        passplus_validation::pupil_vector_failures(),
        Vec::<String>::new()
    );
}

#[wasm_bindgen_test]
fn every_canteen_vector_gives_the_same_result_in_the_browser() {
    assert!(
        passplus_validation::canteen::vectors::CANTEEN_VECTORS
            .lines()
            .count()
            > 80
    );
    assert_eq!(
        passplus_validation::canteen::vectors::canteen_vector_failures(),
        Vec::<String>::new()
    );
}
