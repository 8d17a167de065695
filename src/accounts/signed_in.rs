//! The frame of a page that needs a signed-in family: a loading line until the server says who
//! is signed in, an invitation to log in when nobody is (which comes back to this page), the
//! page's content otherwise.

use leptos::prelude::*;
use passplus_validation::links::{self, RETURN_PARAMETER};

use crate::accounts::session::use_session;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;

#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let signed_in = move || session.account().is_some();
    view! {
        <Show when=signed_in fallback=move || match session.is_known() {
            false => view! { <p>{move || i18n.t(Key::account_loading)}</p> }.into_any(),
            true => view! {
                <p>{move || i18n.t(Key::account_signed_out)}" "
                    <a href=log_in_and_come_back()>{move || i18n.t(Key::login_title)}</a>
                </p>
            }.into_any(),
        }>
            {children()}
        </Show>
    }
}

/// The login page, told to come back to this page (its path and query, not its fragment).
pub fn log_in_and_come_back() -> String {
    let location = window().location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!(
        "{}?{RETURN_PARAMETER}={}",
        AppRoute::LogIn.path(),
        js_sys::encode_uri_component(&here)
    )
}

/// Whether the page at `path` is one for a signed-in family, which a login should come back to
/// (the account's pages and the canteen's); from another, a login goes to the account.
pub fn for_signed_in(path: &str) -> bool {
    path.starts_with(&AppRoute::Account.path()) || links::app_of(path) == links::CANTEEN_PATH
}
