//! A date typed as three fields (day, month, year) in one fieldset, GOV.UK's date pattern: the
//! legend asks the question, the hint gives an example, one error message for the date, and
//! `aria-invalid` on the fields.

use leptos::prelude::*;

use crate::form::described_by;
use crate::form::field_error::FieldError;
use crate::i18n::{use_i18n, Key, Text};

#[component]
pub fn DateFields(
    /// The fieldset's base id; the fields are `<id>-jour` (where the error summary leads),
    /// `<id>-mois` and `<id>-annee`.
    id: &'static str,
    legend: Key,
    #[prop(into)] hint: Text,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Key>>,
    on_input: Callback<()>,
    /// Called when focus leaves the whole fieldset, not when it moves between its fields.
    on_leave: Callback<()>,
    /// A date that cannot be changed: the fieldset disables its three fields.
    #[prop(optional)]
    disabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(Some(hint_id.clone()), error, error_id.clone());
    let part = move |suffix: &'static str, label: Key, value: RwSignal<String>, wide: bool| {
        let part_id = format!("{id}-{suffix}");
        view! {
            <div class="date-fields__item">
                <label class="field__label" for=part_id.clone()>{move || i18n.t(label)}</label>
                <input
                    class="field__input"
                    class:date-fields__input--year=wide
                    class:date-fields__input=!wide
                    id=part_id.clone()
                    name=part_id
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-required="true"
                    aria-invalid=move || error.get().map(|_| "true")
                    prop:value=move || value.get()
                    on:input=move |event| {
                        value.set(event_target_value(&event));
                        on_input.run(());
                    }
                />
            </div>
        }
    };
    view! {
        <fieldset
            class="fieldset field"
            class:field--error=move || error.get().is_some()
            role="group"
            disabled=disabled
            aria-describedby=described_by
            on:focusout=move |event: leptos::ev::FocusEvent| {
                // Focus moving to another field of the date is not leaving it.
                let staying = event
                    .related_target()
                    .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(target).ok())
                    .zip(event.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok()))
                    .is_some_and(|(target, fieldset)| fieldset.contains(Some(&target)));
                if !staying {
                    on_leave.try_run(());
                }
            }
        >
            <legend class="fieldset__legend">{move || i18n.t(legend)}</legend>
            <p class="field__hint" id=hint_id>{move || hint.in_language(i18n)}</p>
            <FieldError id=error_id error />
            <div class="date-fields">
                {part("jour", Key::date_day, day, false)}
                {part("mois", Key::date_month, month, false)}
                {part("annee", Key::date_year, year, true)}
            </div>
        </fieldset>
    }
}
