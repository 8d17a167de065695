//! The RGAA accessibility statement.

use leptos::prelude::*;

use super::ContentPage;
use crate::content::Content;
use crate::i18n::Key;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <ContentPage title=Key::accessibility_title content=Content::AccessibilityStatement /> }
}
