//! "Mon compte": proves the session works (the next issue fills it).

use leptos::prelude::*;

use crate::components::pupil_dashboard::PupilDashboard;
use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, Key, Lang};
use crate::routes::AppRoute;
use crate::session::use_session;

/// A moment (Unix seconds) as the person's browser writes dates in their language.
fn local_date_time(seconds: i64, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds as f64 * 1000.0));
    date.to_locale_string(
        if lang == Lang::Fr { "fr-FR" } else { "en-GB" },
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .into()
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_document_title(Key::account_title, Signal::stored(false));
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::account_title)}</h1>
        {move || match (session.is_known(), session.account()) {
            (false, _) => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
            (true, None) => view! {
                <p>{i18n.t(Key::account_signed_out)}" "
                    <a href=AppRoute::LogIn.path()>{i18n.t(Key::login_title)}</a>
                </p>
            }.into_any(),
            (true, Some(account)) => view! {
                <p>{i18n.format(Key::account_welcome, &[("name", &account.given_name)])}</p>
                <dl class="summary-list">
                    <dt>{i18n.t(Key::field_email_label)}</dt>
                    <dd>{account.email.clone()}</dd>
                    <dt>{i18n.t(Key::account_logged_in_since)}</dt>
                    <dd>{local_date_time(account.logged_in_since, i18n.lang())}</dd>
                </dl>
                <PupilDashboard />
            }.into_any(),
        }}
    }
}
