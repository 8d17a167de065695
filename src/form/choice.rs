//! A checkbox, a group of checkboxes and a radio group, in the form kit's pattern: a visible
//! label per option, the group in a fieldset whose legend asks the question, a hint and an error
//! linked to it by `aria-describedby`, `aria-invalid` while in error.

use leptos::prelude::*;

use crate::form::described_by;
use crate::form::field_error::FieldError;
use crate::i18n::{use_i18n, Key, Text};

/// One checkbox with its label (a consent, a declaration).
#[component]
pub fn Checkbox(
    id: &'static str,
    #[prop(into)] label: Text,
    #[prop(default = None, into)] hint: Option<Key>,
    checked: RwSignal<bool>,
    #[prop(into)] error: Signal<Option<Key>>,
    /// A box that cannot be ticked or unticked.
    #[prop(optional)]
    disabled: bool,
    /// The id of what ticking the box reveals (GOV.UK's conditional reveal): the box says that
    /// it controls it and whether it is shown, and the page puts it right after the box.
    #[prop(optional)]
    reveals: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(hint.map(|_| hint_id.clone()), error, error_id.clone());
    view! {
        <div class="field field--choice" class:field--error=move || error.get().is_some()>
            <FieldError id=error_id error />
            <div class="choice">
                <input
                    class="choice__input"
                    type="checkbox"
                    id=id
                    name=id
                    disabled=disabled
                    aria-describedby=described_by
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-controls=reveals
                    aria-expanded=move || {
                        reveals.map(|_| if checked.get() { "true" } else { "false" })
                    }
                    prop:checked=move || checked.get()
                    on:change=move |event| checked.set(event_target_checked(&event))
                />
                <label class="choice__label" for=id>{move || label.in_language(i18n)}</label>
            </div>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{move || i18n.t(hint)}</p> })}
        </div>
    }
}

/// A question answered by one of several options.
#[component]
pub fn RadioGroup(
    /// The group's name; each option's id is `<name>-<value>`.
    name: &'static str,
    #[prop(into)] legend: Text,
    #[prop(default = None, into)] hint: Option<Key>,
    /// The values and their labels, in order.
    options: &'static [(&'static str, Key)],
    selected: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Key>>,
    /// Called when an option is chosen, after `selected` is updated (to re-check the question).
    #[prop(default = None, into)]
    on_change: Option<Callback<()>>,
    /// Marks the question optional in its legend; questions are required unless said so, and
    /// a required one's options carry `required` (forms are `novalidate`: the browser only
    /// tells assistive technology, the kit's messages stay the only ones).
    #[prop(optional)]
    optional: bool,
    /// A question that cannot be answered now: the fieldset disables every option.
    #[prop(optional)]
    disabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ChoiceFieldset name legend hint error optional disabled>
            {options
                .iter()
                .map(|(value, label)| {
                    let id = format!("{name}-{value}");
                    view! {
                        <div class="choice">
                            <input
                                class="choice__input"
                                type="radio"
                                id=id.clone()
                                name=name
                                value=*value
                                required=!optional
                                aria-invalid=move || error.get().map(|_| "true")
                                prop:checked=move || selected.get() == *value
                                on:change=move |_| {
                                    selected.set((*value).to_owned());
                                    if let Some(on_change) = on_change {
                                        on_change.run(());
                                    }
                                }
                            />
                            <label class="choice__label" for=id>{move || i18n.t(*label)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </ChoiceFieldset>
    }
}

/// A question answered by ticking any of several options (days of the week).
#[component]
pub fn CheckboxGroup(
    /// The group's name; each option's id is `<name>-<value>`.
    name: &'static str,
    #[prop(into)] legend: Text,
    #[prop(default = None, into)] hint: Option<Key>,
    /// The values and their labels, in order.
    #[prop(into)]
    options: Signal<&'static [(&'static str, Key)]>,
    selected: RwSignal<Vec<String>>,
    #[prop(into)] error: Signal<Option<Key>>,
    /// Called when an option is ticked or unticked, after `selected` is updated.
    #[prop(default = None, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ChoiceFieldset name legend hint error>
            {move || options
                .get()
                .iter()
                .map(|(value, label)| {
                    let id = format!("{name}-{value}");
                    let value = *value;
                    view! {
                        <div class="choice">
                            <input
                                class="choice__input"
                                type="checkbox"
                                id=id.clone()
                                name=name
                                value=value
                                aria-invalid=move || error.get().map(|_| "true")
                                prop:checked=move || selected.with(|s| s.iter().any(|v| v == value))
                                on:change=move |event| {
                                    let ticked = event_target_checked(&event);
                                    selected.update(|s| {
                                        s.retain(|v| v != value);
                                        if ticked {
                                            s.push(value.to_owned());
                                        }
                                    });
                                    if let Some(on_change) = on_change {
                                        on_change.run(());
                                    }
                                }
                            />
                            <label class="choice__label" for=id>{move || i18n.t(*label)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </ChoiceFieldset>
    }
}

/// The frame of a group of choices: the fieldset whose legend asks the question, its hint and
/// its error, both linked to it.
#[component]
fn ChoiceFieldset(
    /// The group's name, which the hint's and the error's ids start with.
    name: &'static str,
    legend: Text,
    hint: Option<Key>,
    error: Signal<Option<Key>>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] disabled: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = described_by(hint.map(|_| hint_id.clone()), error, error_id.clone());
    view! {
        <fieldset
            class="fieldset field"
            class:field--error=move || error.get().is_some()
            disabled=disabled
            aria-describedby=described_by
        >
            <legend class="fieldset__legend">
                {move || legend.in_language(i18n)}
                {optional.then(|| view! { " "{move || i18n.t(Key::field_optional)} })}
            </legend>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{move || i18n.t(hint)}</p> })}
            <FieldError id=error_id error />
            {children()}
        </fieldset>
    }
}
