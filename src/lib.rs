//! The Pass+ browser apps (Leptos, client-side rendered), one library for all of them: the
//! family app (`main.rs` calls [`mount`]), the family's canteen pages (`bin/passplus-cantine.rs`
//! calls [`mount_canteen`]) and the pupil's card (`bin/passplus-carte.rs`, [`mount_card`]). Each binary links only what its app reaches. It exists for wasm32
//! only: natively the package is empty.
#![cfg(target_arch = "wasm32")]

pub mod accounts;
pub mod api;
pub mod app;
pub mod canteen;
pub mod canteen_app;
pub mod card;
pub mod card_app;
pub mod colleges;
pub mod form;
pub mod i18n;
pub mod nav;
pub mod pages;
pub mod pupils;
pub mod shell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element in `index.html` that holds the static shell.
pub const SHELL_ID: &str = "app";

/// Starts the family app.
pub fn mount() {
    i18n::use_french(i18n::FR_FAMILY);
    mount_app(|lang| view! { <app::App lang /> }.into_any());
}

/// Starts the family's canteen app.
pub fn mount_canteen() {
    i18n::use_french(i18n::FR);
    mount_app(|lang| view! { <canteen_app::CanteenApp lang /> }.into_any());
}

/// Starts the pupil's card. Its frame has nothing to carry over (no pre-rendered page, no
/// field): it is replaced at once, without the takeover the family's apps need.
pub fn mount_card() {
    i18n::use_french(i18n::FR_CARD);
    let shell = document()
        .get_element_by_id(SHELL_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("index.html has the app's container");
    shell.set_inner_html("");
    let lang = i18n::remembered_lang();
    leptos::mount::mount_to(shell.clone(), move || view! { <card_app::CardApp lang /> }).forget();
    let _ = shell.set_attribute("data-mounted", "");
}

/// Replaces the page the server sent (a pre-rendered page, or `index.html`'s frame) with the
/// app, so nothing is doubled; what the page held carries over (`shell::takeover`).
fn mount_app(app: fn(i18n::Lang) -> AnyView) {
    // Readable panic messages in development builds; release builds abort without them, which
    // keeps the formatting machinery out of the bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let shell = document()
        .get_element_by_id(SHELL_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("index.html has the app's container");
    let lang = i18n::remembered_lang();
    if lang == i18n::Lang::Fr {
        // After the page the server sent is painted: its largest text is then the page's
        // largest contentful paint, and the app's identical copy of it is no larger, so the
        // measure does not wait for the wasm. One frame later for the app, invisible.
        request_animation_frame(move || {
            request_animation_frame(move || replace_shell(shell, lang, app))
        });
    } else {
        // The static shell stays up while the English texts arrive, rather than the app
        // appearing in French and then changing. (Leptos's own `spawn_local` works only once an
        // app is mounted.)
        wasm_bindgen_futures::spawn_local(async move {
            i18n::load_english().await;
            replace_shell(shell, lang, app);
        });
    }
}

fn replace_shell(shell: web_sys::HtmlElement, lang: i18n::Lang, app: fn(i18n::Lang) -> AnyView) {
    shell::takeover::read(&shell);
    shell.set_inner_html("");
    leptos::mount::mount_to(shell.clone(), move || app(lang)).forget();
    shell::takeover::restore(&shell);
    // From here on the page is the app's (the end-to-end tests wait for this mark).
    let _ = shell.set_attribute("data-mounted", "");
}
