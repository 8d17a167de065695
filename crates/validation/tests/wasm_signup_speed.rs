//! How long validating the whole signup form takes in the browser, per call: what a person
//! waits for at each check. The test asserts the verdicts are right and prints the time;
//! `cargo xtask bench` runs it optimised and writes the figure to BENCHMARKS.md (timings are
//! measured, never asserted).
#![cfg(target_arch = "wasm32")]

use passplus_validation::{check, PostalAddress, SignupForm};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CALLS: u32 = 2_000;

fn form(email: &str) -> SignupForm {
    SignupForm {
        email: email.into(),
        password: "une phrase de passe solide".into(),
        given_name: "Amélie".into(),
        family_name: "N’Diaye-Lefèvre".into(),
        phone: "06 12 34 56 78".into(),
        address: PostalAddress {
            street: "57 rue des Longues Raies".into(),
            postal_code: "92000".into(),
            commune: "Nanterre".into(),
        },
    }
}

#[wasm_bindgen_test]
fn validating_the_signup_form_per_call() {
    let valid = form("famille@example.org");
    let invalid = form("pas-une-adresse");
    let performance = web_sys::window().unwrap().performance().unwrap();
    let start = performance.now();
    let mut refused = 0;
    for call in 0..CALLS {
        let errors = check(if call % 2 == 0 { &valid } else { &invalid });
        refused += usize::from(!errors.is_empty());
    }
    let per_call_us = (performance.now() - start) * 1000.0 / f64::from(CALLS);
    assert_eq!(
        refused,
        (CALLS / 2) as usize,
        "every invalid form refused, every valid one passed"
    );
    assert!(check(&valid).is_empty());
    assert_eq!(check(&invalid).first_code("email"), Some("email_invalid"));
    console_log!("signup form validation in the browser: {per_call_us:.2} µs per call");
}
