//! What a canteen page that reads one thing from the server shows while and once it is read.

use leptos::prelude::*;
use passplus_validation::codes::refusal;

use crate::api::ApiError;
use crate::canteen::year_page::BackToCanteen;
use crate::i18n::{use_i18n, I18n, Key};

/// What the server answered, once it has.
pub type Loaded<T> = RwSignal<Option<Result<T, ApiError>>>;

/// How a view of what was read follows a change of language.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OnLanguage {
    /// Drawn again in the other language: for a view whose every text comes from what was
    /// read (a statement, the meals), where nothing is lost but a choice not yet saved.
    Redraw,
    /// Kept, its texts following the language one by one: for a view holding what cannot be
    /// shown again (a card link, shown once).
    Keep,
}

/// Loading; `not_found` and the way back for another family's id (or none); the server's
/// failure; or `content` of what was read.
pub fn loaded_content<T: Clone + Send + Sync + 'static>(
    loaded: Loaded<T>,
    not_found: Key,
    on_language: OnLanguage,
    content: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if on_language == OnLanguage::Redraw {
            i18n.lang();
        }
        loaded_view(i18n, loaded, not_found, &content)
    }
}

fn loaded_view<T: Clone + Send + Sync + 'static>(
    i18n: I18n,
    loaded: Loaded<T>,
    not_found: Key,
    content: &impl Fn(T) -> AnyView,
) -> AnyView {
    match loaded.get() {
        None => view! { <p>{i18n.t(Key::canteen_loading)}</p> }.into_any(),
        Some(Err(ApiError::Refused(code))) if code == refusal::NOT_FOUND => view! {
            <p>{i18n.t(not_found)}</p>
            <BackToCanteen />
        }
        .into_any(),
        Some(Err(_)) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Some(Ok(found)) => content(found),
    }
}
