//! A page body fetched when the page opens, in the current language (and again when it changes),
//! rather than compiled into the app: long texts (the home page's, the accessibility statement,
//! the legal notice, the privacy notice) then cost nothing in the bundle. When the page was the
//! one the server sent, its French text is already there and is kept, not fetched again. They
//! are our own texts, served by our own server, never anything a person typed, so they are shown
//! as HTML.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{use_i18n, Key, Lang};
use crate::shell::takeover;

#[derive(Clone, PartialEq)]
enum Body {
    Loading,
    Loaded(String),
    Failed,
}

#[component]
pub fn FetchedHtml(
    /// Where the body is (it follows the language).
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The server's page is in French: its text stands for the French one.
    let sent = takeover::take_body().filter(|_| i18n.lang() == Lang::Fr);
    let body = RwSignal::new(sent.clone().map_or(Body::Loading, Body::Loaded));
    let latest = StoredValue::new(0u32);
    Effect::new(move |previous: Option<()>| {
        let url = url.get();
        if previous.is_none() && sent.is_some() {
            return;
        }
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        spawn_local(async move {
            let html = crate::api::http_client::get_text(&url).await;
            // The language may have changed again while this one was on its way.
            if latest.try_get_value() == Some(ticket) {
                body.try_set(html.map_or(Body::Failed, Body::Loaded));
            }
        });
    });
    move || match body.get() {
        // A screen's height while loading: the footer stays below the fold instead of jumping
        // down when the text arrives.
        Body::Loading => {
            view! { <p class="fetched-loading">{i18n.t(Key::content_loading)}</p> }.into_any()
        }
        Body::Failed => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Body::Loaded(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
    }
}
