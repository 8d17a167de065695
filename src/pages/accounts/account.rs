//! "Mon compte": who is signed in, and the ways to manage the account.

use leptos::prelude::*;

use crate::accounts::session::use_session;
use crate::accounts::signed_in::SignedIn;
use crate::i18n::{local_date_time, use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::pupils::pupil_dashboard::PupilDashboard;
use crate::shell::document_title::use_document_title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_document_title(Key::account_title, Signal::stored(false));
    let link = move |route: AppRoute| {
        view! { <li><a href=route.path()>{move || i18n.t(route.title())}</a></li> }
    };
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::account_title)}</h1>
        <SignedIn>
            {move || session.account().map(|account| view! {
                <p>{i18n.format(Key::account_welcome, &[("name", &account.given_name)])}</p>
                <dl class="summary-list">
                    <dt>{i18n.t(Key::field_email_label)}</dt>
                    <dd>{account.email.clone()}</dd>
                    <dt>{i18n.t(Key::account_logged_in_since)}</dt>
                    <dd>{local_date_time(account.logged_in_since, i18n.lang())}</dd>
                </dl>
            })}
            <PupilDashboard />
            <h2>{move || i18n.t(Key::manage_title)}</h2>
            <ul>
                {link(AppRoute::ContactDetails)}
                {link(AppRoute::ChangeEmail)}
                {link(AppRoute::ChangePassword)}
                {link(AppRoute::Sessions)}
            </ul>
        </SignedIn>
    }
}
