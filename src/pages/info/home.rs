//! The home page: what Pass+ is and what to do first (create an account, or go to it once signed
//! in), then the grant, the canteen and who can apply.

use leptos::prelude::*;

use crate::accounts::session::use_session;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::content_page::{Content, ContentPage};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ContentPage title=Key::home_title heading=Key::home_heading content=Content::Home>
            <p>{move || i18n.t(Key::home_intro)}</p>
            <StartLinks />
        </ContentPage>
    }
}

/// The page's primary action. Until the session is known it is the one for a visitor, as in the
/// page the server sent (`crates/xtask/src/prerender.rs` writes the same markup).
#[component]
fn StartLinks() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <div class="start">
            <Show
                when=move || session.account().is_some()
                fallback=move || view! {
                    <p><a class="button" href=AppRoute::SignUp.path()>{move || i18n.t(Key::home_start)}</a></p>
                    <p>{move || i18n.t(Key::home_start_next)}</p>
                    <p>
                        {move || i18n.t(Key::home_have_account)}" "
                        <a href=AppRoute::LogIn.path()>{move || i18n.t(Key::login_title)}</a>
                    </p>
                }
            >
                <p><a class="button" href=AppRoute::Account.path()>{move || i18n.t(Key::home_go_to_account)}</a></p>
                <p>{move || i18n.t(Key::home_signed_in_next)}</p>
            </Show>
        </div>
    }
}
