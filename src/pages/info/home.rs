//! The home page: what Pass+ is, the canteen, who can apply.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::shell::content_page::{Content, ContentPage};

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <ContentPage title=Key::home_title heading=Key::home_heading content=Content::Home /> }
}
