//! One file per page.

pub mod accessibility;
pub mod account;
pub mod add_pupil;
pub mod change_email;
pub mod change_password;
pub mod confirm_new_email;
pub mod contact_details;
pub mod edit_pupil;
pub mod find_college;
pub mod forgot_password;
pub mod home;
pub mod legal_notice;
pub mod login;
pub mod not_found;
pub mod privacy;
pub mod reset_password;
pub mod sessions;
pub mod signup;
pub mod verify_email;

use leptos::prelude::*;

use crate::components::fetched_html::FetchedHtml;
use crate::content::Content;
use crate::document_title::use_document_title;
use crate::i18n::{use_i18n, Key};

/// A page made of a heading and a content file in the current language.
#[component]
fn ContentPage(
    /// The page's name in the document title.
    title: Key,
    /// The `h1`, when it says more than the title.
    #[prop(optional)]
    heading: Option<Key>,
    content: Content,
) -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(title, Signal::stored(false));
    let heading = heading.unwrap_or(title);
    // Per language: the French home page is compiled in, its English version is fetched.
    let body = move || match content.inline(i18n.lang()) {
        Some(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
        None => view! { <FetchedHtml url=Signal::derive(move || content.url(i18n.lang())) /> }
            .into_any(),
    };
    view! {
        <h1 tabindex="-1">{move || i18n.t(heading)}</h1>
        {body}
    }
}
