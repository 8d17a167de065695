//! A file input in the form kit's pattern. The chosen file's declared type and size are checked
//! at once with the shared rule (the server checks its content again); the file stays chosen
//! whatever the error, like a typed value. The browser writes its button and the chosen file's
//! name in its own language, which may not be the page's: a line under the input says in the
//! page's language whether a file is chosen, and which.

use leptos::prelude::*;
use passplus_validation::upload::{validate_declared, UploadKind};
use wasm_bindgen::JsCast;
use web_sys::File;

use crate::form::described_by;
use crate::form::field_error::FieldError;
use crate::i18n::{use_i18n, Key};

/// The code the shared rule gives a chosen file, if any.
pub fn declared_error(kind: UploadKind, file: &File) -> Option<String> {
    declared_error_of(kind, &file.type_(), file.size() as u64)
}

/// The code the shared rule gives a file of this type and size, if any.
pub fn declared_error_of(kind: UploadKind, media_type: &str, size: u64) -> Option<String> {
    validate_declared(kind, media_type, size)
        .err()
        .map(|error| error.code.to_string())
}

#[component]
pub fn FileField(
    id: &'static str,
    label: Key,
    hint: Key,
    kind: UploadKind,
    /// The chosen file (a browser object: it lives on this thread only).
    file: RwSignal<Option<File>, LocalStorage>,
    #[prop(into)] error: Signal<Option<Key>>,
    /// Called when a file is chosen or the choice is cleared.
    on_change: Callback<()>,
    /// A choice that cannot be made or changed now.
    #[prop(optional)]
    disabled: bool,
    /// A form that is only this file (a file is optional in a larger form).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(Some(hint_id.clone()), error, error_id.clone());
    let accept = kind.accepted_media_types();
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>
                {move || i18n.t(label)}
                {(!required).then(|| view! { " "{move || i18n.t(Key::field_optional)} })}
            </label>
            <p class="field__hint" id=hint_id>{move || i18n.t(hint)}</p>
            <FieldError id=error_id error />
            <input
                class="field__file"
                type="file"
                id=id
                name=id
                accept=accept
                disabled=disabled
                aria-describedby=described_by
                aria-invalid=move || error.get().map(|_| "true")
                on:change=move |event| {
                    let chosen = event
                        .target()
                        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .and_then(|input| input.files())
                        .and_then(|files| files.get(0));
                    file.set(chosen);
                    on_change.run(());
                }
            />
            <p class="field__file-chosen">
                {move || file.with(|chosen| match chosen {
                    Some(chosen) => i18n.format(Key::field_file_chosen, &[("name", &chosen.name())]),
                    None => i18n.t(Key::field_file_none).to_owned(),
                })}
            </p>
        </div>
    }
}
