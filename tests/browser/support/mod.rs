//! What the browser tests share: a container in the real DOM to mount a view into (and take
//! away again), typing into and leaving fields, letting effects and frames run, and reading what
//! labels and `aria-describedby` point to. axe-core is in [`axe`].

pub mod axe;

use std::any::Any;

use leptos::prelude::*;
use passplus_web::i18n::{provide_i18n, Lang};
use wasm_bindgen::JsCast;

/// The English texts as the server sends them (the app's build script writes the same file).
pub const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/translations.en.txt"));

pub fn clear_remembered_language() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

/// Lets effects and the DOM catch up.
pub async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

/// Waits until the browser has drawn a frame (what `request_animation_frame` waits for), then
/// lets effects run.
pub async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    settle().await;
}

/// Types `text` into the field as the person would: the whole value, then an `input` event.
pub fn type_text(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The person leaves the field (a `blur` event, whatever has focus).
pub fn leave(element: &web_sys::EventTarget) {
    element
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

/// The element of the page with this id, as the type expected.
pub fn by_id<T: JsCast>(id: &str) -> T {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no element #{id}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("#{id} is not of the type expected"))
}

/// The id of the element that has keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    document()
        .active_element()
        .map(|element| element.id())
        .filter(|id| !id.is_empty())
}

/// An empty element in the page's `<main>` (made once), so that what is mounted in it sits in a
/// landmark as it does in the app. What an earlier test left there is removed first: a failed
/// test stops without dropping its view, and its ids would be found instead of the next test's.
pub fn test_container() -> web_sys::HtmlElement {
    let main = document()
        .query_selector("main")
        .unwrap()
        .unwrap_or_else(|| {
            let main = document().create_element("main").unwrap();
            document().body().unwrap().append_child(&main).unwrap();
            main
        });
    main.replace_children_with_node_0();
    let element: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    main.append_child(&element).unwrap();
    element
}

/// A view mounted in its own container; dropping it unmounts the view and removes the container,
/// so that the next test starts from an empty page (ids are unique again).
pub struct Mounted {
    pub container: web_sys::HtmlElement,
    _view: Box<dyn Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

/// Mounts the view in a new container.
pub fn mount<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let container = test_container();
    let handle = leptos::mount::mount_to(container.clone(), view);
    Mounted {
        container,
        _view: Box::new(handle),
    }
}

/// Mounts the view in a new container, with French texts (the app's default).
pub fn mount_in_french<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    clear_remembered_language();
    mount(move || {
        provide_i18n(Lang::Fr);
        view()
    })
}

impl Mounted {
    /// The element with this id, which must be inside the container.
    pub fn get<T: JsCast>(&self, id: &str) -> T {
        let element: web_sys::Element = by_id(id);
        assert!(
            self.container.contains(Some(&element)),
            "#{id} is not in the mounted view"
        );
        element.unchecked_into()
    }

    /// The input with this id.
    pub fn input(&self, id: &str) -> web_sys::HtmlInputElement {
        self.get(id)
    }

    /// Whether an element with this id is in the container.
    pub fn has(&self, id: &str) -> bool {
        document()
            .get_element_by_id(id)
            .is_some_and(|element| self.container.contains(Some(&element)))
    }

    /// The first element matching the selector, as the type expected.
    pub fn find<T: JsCast>(&self, selector: &str) -> T {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .dyn_into()
            .unwrap_or_else(|_| panic!("{selector} is not of the type expected"))
    }

    /// Every element matching the selector, in page order.
    pub fn find_all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().unchecked_into())
            .collect()
    }
}

/// The texts of the labels the browser associates with the input (`<label for>`), trimmed.
pub fn label_texts(input: &web_sys::HtmlInputElement) -> Vec<String> {
    let labels = input.labels().expect("a labelable input");
    (0..labels.length())
        .map(|i| text_of(&labels.get(i).unwrap()))
        .collect()
}

/// The ids the element's `aria-describedby` lists.
pub fn described_by(element: &web_sys::Element) -> Vec<String> {
    element
        .get_attribute("aria-describedby")
        .map(|ids| ids.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The texts of what the element's `aria-describedby` points to, each of which must exist.
pub fn description_texts(element: &web_sys::Element) -> Vec<String> {
    described_by(element)
        .iter()
        .map(|id| {
            let described = document()
                .get_element_by_id(id)
                .unwrap_or_else(|| panic!("aria-describedby points to #{id}, which is missing"));
            text_of(&described)
        })
        .collect()
}

/// An element's text, trimmed and with its runs of white space made single spaces.
pub fn text_of(node: &web_sys::Node) -> String {
    node.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the control is disabled, by itself or by a disabled fieldset around it.
pub fn is_disabled(element: &web_sys::Element) -> bool {
    element.matches(":disabled").unwrap()
}

/// `aria-invalid` of the element (`Some("true")` while in error).
pub fn aria_invalid(element: &web_sys::Element) -> Option<String> {
    element.get_attribute("aria-invalid")
}

/// What has keyboard focus, for messages: its tag, id and classes (`input#courriel`).
pub fn focused_description() -> String {
    document()
        .active_element()
        .map(|element| describe(&element))
        .unwrap_or_else(|| "nothing".to_owned())
}

/// An element as a selector would name it, for messages.
pub fn describe(element: &web_sys::Element) -> String {
    let mut name = element.tag_name().to_lowercase();
    if !element.id().is_empty() {
        name.push_str(&format!("#{}", element.id()));
    }
    for class in element.class_name().split_whitespace() {
        name.push_str(&format!(".{class}"));
    }
    name
}

/// Fails unless the element has keyboard focus; `what` says why it should.
pub fn assert_focused(element: &web_sys::Element, what: &str) {
    assert!(
        document().active_element().as_ref() == Some(element),
        "{what}: {} should have focus, {} has it",
        describe(element),
        focused_description()
    );
}

/// Focuses the element, and checks it took focus.
pub fn focus(element: &web_sys::HtmlElement) {
    element.focus().unwrap();
    assert_focused(element, "focused by the test");
}
