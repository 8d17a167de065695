//! Where keyboard focus goes: to an element asked for (an error summary's link, a field), and to
//! the new page's heading after a navigation inside the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::nav::location::use_location;
use crate::shell::layout::MAIN_ID;

/// Moves keyboard focus to the element with this id, and scrolls it into view (with its
/// group's question, for one option of a group).
pub fn focus_element_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
        // A box or a radio of a group: its question (the legend) comes into view with it.
        match element.closest("fieldset").ok().flatten() {
            Some(fieldset) => fieldset.scroll_into_view(),
            None => element.scroll_into_view(),
        }
    }
}

/// After a navigation inside the app, moves focus to the new page's heading, as a full page
/// load would start reading there; the first load leaves focus where the browser puts it.
#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let current = location.path();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(|| {
                let heading = document()
                    .query_selector(&format!("#{MAIN_ID} h1"))
                    .ok()
                    .flatten();
                if let Some(heading) =
                    heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = heading.focus();
                }
            });
        }
        current
    });
}
