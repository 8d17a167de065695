//! A text input with its visible label, optional hint and error message, linked for assistive
//! technology. The value is never cleared by an error.

use leptos::prelude::*;

use crate::form::described_by;
use crate::form::field_error::FieldError;
use crate::i18n::{use_i18n, Key};

#[component]
pub fn TextField(
    /// The input's id; the hint and error ids derive from it, the error summary links to it.
    id: &'static str,
    label: Key,
    #[prop(default = None, into)] hint: Option<Key>,
    value: RwSignal<String>,
    /// The message shown under the field, if any.
    #[prop(into)]
    error: Signal<Option<Key>>,
    /// `text`, `email`, `tel`, `password`… (a signal: a password can be shown).
    #[prop(into, default = Signal::stored("text"))]
    input_type: Signal<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The virtual keyboard to offer (`numeric`, `tel`, `email`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Marks the field optional in its label; fields are required unless said so.
    #[prop(optional)]
    optional: bool,
    /// A field that cannot be changed (its value is neither edited nor sent).
    #[prop(optional)]
    disabled: bool,
    /// Called at each keystroke, after the value is updated.
    #[prop(default = None, into)]
    on_input: Option<Callback<()>>,
    /// Called when the person leaves the field.
    #[prop(default = None, into)]
    on_blur: Option<Callback<()>>,
    /// Shown after the input (a password's show/hide button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(hint.map(|_| hint_id.clone()), error, error_id.clone());
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>
                {move || i18n.t(label)}
                {optional.then(|| view! { " "{move || i18n.t(Key::field_optional)} })}
            </label>
            {hint.map(|hint| view! {
                <p class="field__hint" id=hint_id.clone()>{move || i18n.t(hint)}</p>
            })}
            <FieldError id=error_id error />
            <input
                class="field__input"
                id=id
                name=id
                type=move || input_type.get()
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                disabled=disabled
                aria-required=(!optional).then_some("true")
                aria-describedby=described_by
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |event| {
                    value.set(event_target_value(&event));
                    if let Some(on_input) = on_input {
                        on_input.run(());
                    }
                }
                // A focused field removed with its page (after a submit) still reports the
                // blur, when the page's handlers are gone: nothing to check then.
                on:blur=move |_| {
                    if let Some(on_blur) = on_blur {
                        on_blur.try_run(());
                    }
                }
            />
            {children.map(|children| children())}
        </div>
    }
}
