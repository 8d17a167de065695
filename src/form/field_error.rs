//! The error message under a field or a question: what is wrong and how to fix it, prefixed
//! "Erreur :" for screen readers, with the id the control's `aria-describedby` points to.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn FieldError(id: String, error: Signal<Option<Key>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|message| {
            view! {
                <p class="field__error" id=id.clone()>
                    <span class="visually-hidden">{i18n.t(Key::error_prefix)}" "</span>
                    {i18n.t(message)}
                </p>
            }
        })
    }
}
