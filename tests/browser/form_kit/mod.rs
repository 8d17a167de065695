//! The form kit tested as components, one module per component as govuk-frontend tests its
//! own: each mounts examples of the component in a real DOM (at rest, with a hint, in error and
//! cleared, required or optional, disabled, focused), checks what assistive technology relies on
//! (the label tied to the control, the hint and the error in `aria-describedby`, `aria-invalid`
//! while in error), and runs axe-core on each state.

mod choice;
mod date_fields;
mod error_summary;
mod file_field;
mod password_field;
mod presses;
mod submit_button;
mod text_field;

use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{axe, mount, settle};

/// The check every example relies on can fail: a field without a label, and a hint too pale
/// to read (with the app's stylesheet), are reported.
#[wasm_bindgen_test]
async fn axe_core_reports_a_field_without_a_label_and_a_pale_hint() {
    let mounted = mount(|| {
        view! {
            <p class="field__hint" style="color: #aaa">"Exemple : 06 12 34 56 78"</p>
            <input type="text" id="sans-libelle" />
        }
    });
    settle().await;
    assert_eq!(axe::version(), "4.14.1", "the end-to-end suite's axe-core");
    let rules = axe::violated_rules(&mounted.container).await;
    assert_eq!(rules, ["color-contrast", "label"]);
}
