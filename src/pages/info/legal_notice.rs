//! The legal notice (mentions légales).

use leptos::prelude::*;

use crate::i18n::Key;
use crate::shell::content_page::{Content, ContentPage};

#[component]
pub fn LegalNoticePage() -> impl IntoView {
    view! { <ContentPage title=Key::legal_title content=Content::LegalNotice /> }
}
