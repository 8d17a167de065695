//! The privacy page: the privacy notice the server renders from the shared privacy registry —
//! the same entries its retention job enforces — in the current language. The notice is our own
//! text from our own registry, never anything a person typed, so it is shown as HTML.

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, Key};

#[derive(Clone, PartialEq)]
enum Notice {
    Loading,
    Loaded(String),
    Failed,
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::privacy_title, Signal::stored(false));
    let notice = RwSignal::new(Notice::Loading);
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        let lang = i18n.lang().code();
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        spawn_local(async move {
            let path = format!("/api/privacy-notice/{lang}");
            let html = match Request::get(&path).send().await {
                Ok(response) if response.ok() => response.text().await.ok(),
                _ => None,
            };
            // The language may have changed again while this one was on its way.
            if latest.try_get_value() == Some(ticket) {
                notice.try_set(html.map_or(Notice::Failed, Notice::Loaded));
            }
        });
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::privacy_title)}</h1>
        {move || match notice.get() {
            Notice::Loading => view! { <p>{i18n.t(Key::privacy_loading)}</p> }.into_any(),
            Notice::Failed => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
            Notice::Loaded(html) => view! { <div inner_html=html></div> }.into_any(),
        }}
    }
}
