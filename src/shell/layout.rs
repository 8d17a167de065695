//! The frame of every page: skip link first, header with the main navigation and the language
//! switch, the `main` landmark, and the footer with the mandatory links.

use leptos::prelude::*;
use leptos::task::spawn_local;

use passplus_validation::links;

use crate::accounts::session::use_session;
use crate::accounts::signed_in::{for_signed_in, log_in_and_come_back};
use crate::api;

use crate::i18n::{use_i18n, Key};
use crate::nav::focus::focus_element_by_id;
use crate::nav::location::use_location;
use crate::nav::routes::AppRoute;
use crate::shell::language_switch::LanguageSwitch;

/// The id of `<main>`, target of the skip link.
pub const MAIN_ID: &str = "contenu";

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a
            class="skip-link"
            href=format!("#{MAIN_ID}")
            on:click=|event| {
                // Handled here rather than by the router, which would treat it as navigation.
                event.prevent_default();
                focus_element_by_id(MAIN_ID);
            }
        >
            {move || i18n.t(Key::skip_to_content)}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <a href=AppRoute::Home.path() class="site-header__brand">
                    <span class="site-header__name">{move || i18n.t(Key::site_name)}</span>
                    <span class="site-header__tagline">{move || i18n.t(Key::site_tagline)}</span>
                </a>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=move || i18n.t(Key::nav_main_label)>
                <ul>
                    <NavLink route=AppRoute::Home />
                    <NavLink route=AppRoute::FindCollege />
                    <AccountLinks />
                </ul>
            </nav>
        </header>
        <main id=MAIN_ID tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <nav aria-label=move || i18n.t(Key::nav_footer_label)>
                <ul>
                    <li>
                        <a href=AppRoute::Accessibility.path()>
                            {move || i18n.t(Key::footer_accessibility)}
                        </a>
                    </li>
                    <NavLink route=AppRoute::Privacy />
                    <NavLink route=AppRoute::LegalNotice />
                </ul>
            </nav>
            <p>{move || i18n.t(Key::footer_publisher)}</p>
        </footer>
    }
}

/// "Se connecter" and "Créer un compte", or "Mon compte" and "Se déconnecter".
#[component]
fn AccountLinks() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let log_out = move |_| {
        spawn_local(async move {
            // Signed out in the interface even if the server could not be told: the session
            // then ends by itself after its idle time.
            let _ = api::accounts::log_out().await;
            session.signed_out();
            location.navigate(&format!("{}?deconnexion", AppRoute::LogIn.path()));
        });
    };
    view! {
        <Show
            when=move || session.account().is_some()
            fallback=move || view! {
                <li>
                    <a href=move || log_in_link(&location.path())
                        aria-current=move || (location.path() == AppRoute::LogIn.path()).then_some("page")>
                        {move || i18n.t(Key::login_title)}
                    </a>
                </li>
                <NavLink route=AppRoute::SignUp />
            }
        >
            <NavLink route=AppRoute::Account />
            <li>
                <a
                    href=links::CANTEEN_PATH
                    aria-current=move || {
                        (links::app_of(&location.path()) == links::CANTEEN_PATH).then_some("page")
                    }
                >
                    {move || i18n.t(Key::canteen_title)}
                </a>
            </li>
            <li>
                <button type="button" class="link-button" on:click=log_out>
                    {move || i18n.t(Key::logout)}
                </button>
            </li>
        </Show>
    }
}

/// The login page, which comes back to the page a signed-out family was on if it needs them
/// signed in.
fn log_in_link(path: &str) -> String {
    if for_signed_in(path) {
        log_in_and_come_back()
    } else {
        AppRoute::LogIn.path()
    }
}

/// A link to a route, marked `aria-current="page"` when it is the current page.
#[component]
fn NavLink(route: AppRoute) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let href = route.path();
    let current = href.clone();
    view! {
        <li>
            <a href=href aria-current=move || (location.path() == current).then_some("page")>{move || i18n.t(route.title())}</a>
        </li>
    }
}
