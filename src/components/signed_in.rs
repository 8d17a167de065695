//! Shows its children only to a signed-in family; otherwise says why and links to the login.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::routes::AppRoute;
use crate::session::use_session;

#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || match (session.is_known(), session.account().is_some()) {
        (false, _) => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
        (true, false) => view! {
            <p>{i18n.t(Key::account_signed_out)}" "
                <a href=AppRoute::LogIn.path()>{i18n.t(Key::login_title)}</a>
            </p>
        }
        .into_any(),
        (true, true) => children().into_any(),
    }
}
