//! Choosing a collège: a combobox (WAI-ARIA 1.2 pattern, list autocomplete) that searches the
//! real list as the person types — name, commune or UAI — and offers the matches as options; a
//! UAI typed in full is accepted as it is, for a collège outside the list.
//!
//! Keyboard: Down and Up move through the options, Enter chooses, Escape closes the list. The
//! number of matches, then the collège chosen, is announced in a live region.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::uai::is_uai_attempt;
use passplus_validation::{check, College, CollegeSearch};

use crate::api;
use crate::form::described_by;
use crate::form::field_error::FieldError;
use crate::form::presses;
use crate::i18n::{use_i18n, Key};

/// Pause after a keystroke before searching, so typing a name is one request, not ten.
const SEARCH_PAUSE_MS: u32 = 250;

/// A collège by its name and commune, as the options list it.
fn college_place(name: &str, commune: &str) -> String {
    format!("{name} ({commune})")
}

/// How a chosen collège reads in the field: what was chosen, its UAI included.
pub fn college_label(name: &str, commune: &str, uai: &str) -> String {
    format!("{} · {uai}", college_place(name, commune))
}

/// The UAI a typed text stands for until a collège is chosen: itself when it is meant as one.
pub fn typed_uai(text: &str) -> String {
    if is_uai_attempt(text) {
        text.trim().to_owned()
    } else {
        String::new()
    }
}

#[component]
pub fn CollegePicker(
    id: &'static str,
    /// What the field shows.
    text: RwSignal<String>,
    /// The chosen collège's UAI, or the UAI typed; empty while neither.
    uai: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Key>>,
    on_input: Callback<()>,
    on_leave: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = RwSignal::new(Vec::<College>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let status = RwSignal::new(String::new());
    let latest_search = StoredValue::new(0u32);
    let listbox_id = format!("{id}-options");
    let option_id = move |index: usize| format!("{id}-option-{index}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(Some(hint_id.clone()), error, error_id.clone());

    let search = move |query: String| {
        let ticket = latest_search.get_value() + 1;
        latest_search.set_value(ticket);
        let is_current = move || latest_search.try_get_value() == Some(ticket);
        if !check(&CollegeSearch { q: query.clone() }).is_empty() {
            options.set(Vec::new());
            open.set(false);
            return;
        }
        spawn_local(async move {
            TimeoutFuture::new(SEARCH_PAUSE_MS).await;
            if !is_current() {
                return;
            }
            let Ok(results) = api::colleges::search(&query).await else {
                return;
            };
            if !is_current() {
                return;
            }
            let count = results.colleges.len().to_string();
            let message = match results.colleges.len() {
                0 => i18n.t(Key::college_picker_none).to_owned(),
                1 => i18n.t(Key::college_picker_one).to_owned(),
                _ => i18n.format(Key::college_picker_many, &[("count", &count)]),
            };
            status.try_set(message);
            open.try_set(!results.colleges.is_empty());
            active.try_set(None);
            options.try_set(results.colleges);
        });
    };

    // A search still on its way must not reopen the list once a collège is chosen or the
    // person has moved on.
    let forget_pending_search = move || latest_search.update_value(|ticket| *ticket += 1);

    let choose = move |index: usize| {
        let Some(college) = options.with_untracked(|list| list.get(index).cloned()) else {
            return;
        };
        forget_pending_search();
        let label = college_label(&college.name, &college.commune, &college.uai);
        // Said in place of the count of matches, which no longer holds.
        status.set(i18n.format(Key::college_picker_chosen, &[("college", &label)]));
        text.set(label);
        uai.set(college.uai);
        open.set(false);
        active.set(None);
        on_input.run(());
    };

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = options.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" if open.get_untracked() => {
                if let Some(index) = active.get_untracked() {
                    // Choosing, not submitting the form.
                    event.prevent_default();
                    choose(index);
                }
            }
            "Escape" if open.get_untracked() => {
                event.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };

    view! {
        <div class="field combobox" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>{move || i18n.t(Key::pupil_college_label)}</label>
            <p class="field__hint" id=hint_id>{move || i18n.t(Key::pupil_college_hint)}</p>
            <FieldError id=error_id error />
            <input
                class="field__input"
                id=id
                name=id
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-required="true"
                aria-controls=listbox_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                aria-describedby=described_by
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || text.get()
                on:input=move |event| {
                    let value = event_target_value(&event);
                    uai.set(typed_uai(&value));
                    text.set(value.clone());
                    search(value);
                    on_input.run(());
                }
                on:keydown=on_keydown
                on:blur=move |_| {
                    latest_search.try_update_value(|ticket| *ticket += 1);
                    // The open list pushes the page down: it closes once the press that left
                    // the field has landed, or the control pressed would move away under it.
                    presses::after_press(move || {
                        open.try_set(false);
                        active.try_set(None);
                    });
                    on_leave.try_run(());
                }
            />
            <ul
                class="combobox__options"
                id=listbox_id
                role="listbox"
                aria-label=move || i18n.t(Key::pupil_college_label)
                hidden=move || !open.get()
            >
                {move || options.get().into_iter().enumerate().map(|(index, college)| view! {
                    <li
                        class="combobox__option"
                        class:combobox__option--active=move || active.get() == Some(index)
                        id=option_id(index)
                        role="option"
                        aria-selected=move || if active.get() == Some(index) { "true" } else { "false" }
                        // Keeps focus in the field, so choosing with the mouse is not a blur.
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| choose(index)
                    >
                        {college_place(&college.name, &college.commune)}
                        <span class="combobox__uai">" · "{college.uai.clone()}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
        </div>
    }
}
