//! axe-core in the browser tests: the form kit's examples are checked with the rules the
//! end-to-end suite audits pages with (WCAG 2.0–2.2 A and AA, and best practices), on the
//! element they are mounted in, with the app's stylesheet (colours, the visually hidden
//! "Erreur :" prefix) so that contrast is judged as people see it.
//!
//! axe-core is the end-to-end suite's own (`tests/e2e/package-lock.json` pins it; installed by
//! `npm ci` in `tests/e2e`, which `cargo xtask test` runs first), compiled into the test binary
//! and evaluated once, at its first use. The app never holds it.

use js_sys::{Function, Promise, Reflect, JSON};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const AXE_SOURCE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/e2e/node_modules/axe-core/axe.min.js"
));

/// The app's stylesheet, as Trunk links it into every page.
const STYLESHEET: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"));

/// The same rule sets as `tests/e2e/specs/fixtures.ts`; only violations are detailed.
const OPTIONS: &str = r#"{
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"]
}"#;

/// The `axe` object, after evaluating axe-core and adding the app's stylesheet the first time.
fn axe() -> JsValue {
    let window = window();
    let installed = || Reflect::get(&window, &"axe".into()).unwrap();
    if installed().is_undefined() {
        // A sloppy-mode function: axe-core's wrapper sets `window.axe`.
        Function::new_no_args(AXE_SOURCE)
            .call0(&JsValue::NULL)
            .expect("axe-core evaluates");
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(STYLESHEET));
        document().head().unwrap().append_child(&style).unwrap();
    }
    let axe = installed();
    assert!(axe.is_object(), "axe-core did not set window.axe");
    axe
}

/// The version of axe-core the tests run.
pub fn version() -> String {
    Reflect::get(&axe(), &"version".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// Each violation axe-core finds in the element, as one line per rule: its id, impact and help,
/// then each node it failed on (selector, why, and its HTML).
pub async fn violations(context: &web_sys::Element) -> Vec<String> {
    let axe = axe();
    let run: Function = Reflect::get(&axe, &"run".into()).unwrap().unchecked_into();
    let options = JSON::parse(OPTIONS).unwrap();
    let promise: Promise = run
        .call2(&axe, context, &options)
        .expect("axe.run starts")
        .unchecked_into();
    let results = JsFuture::from(promise).await.expect("axe.run completes");
    let get = |value: &JsValue, key: &str| Reflect::get(value, &key.into()).unwrap();
    let text = |value: JsValue| {
        value.as_string().unwrap_or_else(|| {
            JSON::stringify(&value)
                .map(String::from)
                .unwrap_or_default()
        })
    };
    js_sys::Array::from(&get(&results, "violations"))
        .iter()
        .map(|violation| {
            let nodes: Vec<String> = js_sys::Array::from(&get(&violation, "nodes"))
                .iter()
                .map(|node| {
                    format!(
                        "    {}: {}\n      {}",
                        text(get(&node, "target")),
                        text(get(&node, "failureSummary")).replace('\n', " "),
                        text(get(&node, "html")),
                    )
                })
                .collect();
            format!(
                "{} ({}): {}\n{}",
                text(get(&violation, "id")),
                text(get(&violation, "impact")),
                text(get(&violation, "help")),
                nodes.join("\n")
            )
        })
        .collect()
}

/// The ids of the rules axe-core finds violated in the element.
pub async fn violated_rules(context: &web_sys::Element) -> Vec<String> {
    violations(context)
        .await
        .iter()
        .map(|line| line.split(' ').next().unwrap_or_default().to_owned())
        .collect()
}

/// Fails, listing every violation, unless axe-core finds none in the element. `state` names
/// the example and its state in the message ("text field, in error").
pub async fn assert_accessible(context: &web_sys::Element, state: &str) {
    let found = violations(context).await;
    assert!(
        found.is_empty(),
        "axe-core {} found {} violation(s) on the {state}:\n{}",
        version(),
        found.len(),
        found.join("\n")
    );
}
