//! The home page: what Pass+ is, the canteen, who can apply.

use leptos::prelude::*;

use super::ContentPage;
use crate::content::Content;
use crate::i18n::Key;

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <ContentPage title=Key::home_title heading=Key::home_heading content=Content::Home /> }
}
