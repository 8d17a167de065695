//! The legal notice (mentions légales).

use leptos::prelude::*;

use super::ContentPage;
use crate::content::Content;
use crate::i18n::Key;

#[component]
pub fn LegalNoticePage() -> impl IntoView {
    view! { <ContentPage title=Key::legal_title content=Content::LegalNotice /> }
}
