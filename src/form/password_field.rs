//! A password input with a button that shows or hides what was typed (paste always allowed).

use leptos::prelude::*;

use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};

#[component]
pub fn PasswordField(
    id: &'static str,
    label: Key,
    #[prop(default = None, into)] hint: Option<Key>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Key>>,
    /// `new-password` when choosing one, `current-password` when logging in.
    autocomplete: &'static str,
    /// A field that cannot be changed; its show/hide button is disabled with it.
    #[prop(optional)]
    disabled: bool,
    #[prop(default = None, into)] on_input: Option<Callback<()>>,
    #[prop(default = None, into)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let visible = RwSignal::new(false);
    let input_type = Signal::derive(move || if visible.get() { "text" } else { "password" });
    view! {
        <TextField
            id
            label
            hint
            value
            error
            input_type
            autocomplete
            disabled
            on_input
            on_blur
        >
            <button
                type="button"
                class="password-toggle"
                aria-controls=id
                disabled=disabled
                on:click=move |_| visible.update(|shown| *shown = !*shown)
            >
                {move || i18n.t(if visible.get() { Key::password_hide } else { Key::password_show })}
            </button>
        </TextField>
    }
}
