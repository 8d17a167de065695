//! The RGAA accessibility statement.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::shell::content_page::{Content, ContentPage};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <ContentPage title=Key::accessibility_title content=Content::AccessibilityStatement /> }
}
