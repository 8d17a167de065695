//! The visible switch between French and English. Its label is written in the language it
//! switches to, and marked so (`lang`), as RGAA asks for any change of language.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let target = move || i18n.lang().other();
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || target().code()
            on:click=move |_| i18n.set(target())
        >
            {move || target().own_name()}
        </button>
    }
}
