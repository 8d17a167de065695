//! Taking over the page the server sent. The public pages arrive as real HTML (pre-rendered at
//! build time, see `crates/xtask/src/prerender.rs`), drawn with the same markup as the app's, so
//! the app replaces them without anything moving. What the person may already have done on that
//! page carries over: a long text already there is kept rather than fetched again, what they
//! typed is put back in the same fields, and focus stays on the control that had it.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// What the server's page held when the app took over.
struct Found {
    /// The path of that page.
    path: String,
    /// Its long text (`[data-prerendered]`), until the page that shows it takes it.
    body: Option<String>,
    /// Each field with an id and a value, with that value.
    values: Vec<(String, String)>,
    /// What the focused element was, to find its twin in the app's page.
    focused: Option<Likeness>,
}

/// What tells an element from the others of the frame: its tag, its id, where it leads and
/// what it says (the app draws the same links and controls with the same words).
#[derive(PartialEq)]
struct Likeness {
    tag: String,
    id: String,
    href: Option<String>,
    text: String,
}

impl Likeness {
    fn of(element: &Element) -> Likeness {
        Likeness {
            tag: element.tag_name(),
            id: element.id(),
            href: element.get_attribute("href"),
            text: element.text_content().unwrap_or_default(),
        }
    }
}

thread_local! {
    static FOUND: RefCell<Option<Found>> = const { RefCell::new(None) };
}

/// The elements that can hold focus in the page's frame, in document order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// Reads what the server's page holds, before the app replaces it.
pub fn read(shell: &HtmlElement) {
    let body = shell
        .query_selector("[data-prerendered]")
        .ok()
        .flatten()
        .map(|element| element.inner_html());
    let values = inputs(shell)
        .into_iter()
        .filter(|input| !input.id().is_empty() && !input.value().is_empty())
        .map(|input| (input.id(), input.value()))
        .collect();
    let focused = document()
        .active_element()
        .filter(|active| shell.contains(Some(active)))
        .map(|active| Likeness::of(&active));
    let path = window().location().pathname().unwrap_or_default();
    FOUND.with(|found| {
        *found.borrow_mut() = Some(Found {
            path,
            body,
            values,
            focused,
        })
    });
}

/// The long text of the server's page, once, if the app is still on that page.
pub fn take_body() -> Option<String> {
    let path = window().location().pathname().unwrap_or_default();
    FOUND.with(|found| {
        let mut found = found.borrow_mut();
        let found = found.as_mut().filter(|found| found.path == path)?;
        found.body.take()
    })
}

/// Puts back what was typed, and focus, once the app is drawn in `shell`.
pub fn restore(shell: &HtmlElement) {
    let Some((values, focused)) = FOUND.with(|found| {
        found
            .borrow_mut()
            .as_mut()
            .map(|found| (std::mem::take(&mut found.values), found.focused.take()))
    }) else {
        return;
    };
    for (id, value) in values {
        let input = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = input {
            input.set_value(&value);
            // The page's own handler then updates its state, as if it had been typed there.
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    let element = focused.and_then(|focused| {
        focusables(shell)
            .into_iter()
            .find(|element| Likeness::of(element) == focused)
    });
    if let Some(element) = element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

fn inputs(shell: &HtmlElement) -> Vec<HtmlInputElement> {
    elements(shell, "input")
        .into_iter()
        .filter_map(|element| element.dyn_into::<HtmlInputElement>().ok())
        .collect()
}

fn focusables(shell: &HtmlElement) -> Vec<Element> {
    elements(shell, FOCUSABLE)
}

fn elements(shell: &HtmlElement, selector: &str) -> Vec<Element> {
    let Ok(list) = shell.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}
