//! The error summary shown at the top of a form when it is submitted with errors: it takes
//! focus, and lists each error in the same words as under its field, linked to that field.

use leptos::prelude::*;

use crate::i18n::{use_i18n, with_first_letter, I18n, Key, Lang};
use crate::nav::focus::focus_element_by_id;

/// One entry: the id of the field in error and its message.
pub type SummaryEntry = (&'static str, Key);

#[component]
pub fn ErrorSummary(
    /// Set at each submit; focus moves to the summary whenever it is set and not empty.
    #[prop(into)]
    errors: Signal<Vec<SummaryEntry>>,
    /// For a form that repeats its fields (one set per child): whom the field of an id is about,
    /// said before its message here, away from the heading that says it beside the field.
    #[prop(optional)]
    about: Option<Callback<&'static str, Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            // After the summary is drawn: it may not exist yet when the errors change.
            request_animation_frame(move || {
                if let Some(element) = container.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" node_ref=container tabindex="-1">
                <div role="alert">
                <h2 class="error-summary__title">{move || i18n.t(Key::error_summary_title)}</h2>
                <ul class="error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(field, message)| {
                                let text = match about.and_then(|about| about.run(field)) {
                                    Some(name) => i18n.format(
                                        Key::error_summary_about,
                                        &[("name", &name), ("message", &after_colon(i18n, message))],
                                    ),
                                    None => i18n.t(message).to_owned(),
                                };
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{field}")
                                            on:click=move |event| {
                                                event.prevent_default();
                                                focus_element_by_id(field);
                                            }
                                        >
                                            {text}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                </div>
            </div>
        </Show>
    }
}

/// A message after "Noé : ", where French goes on in lower case ("cochez…").
fn after_colon(i18n: I18n, message: Key) -> String {
    let text = i18n.t(message).to_owned();
    match i18n.lang() {
        Lang::Fr => with_first_letter(text, false),
        Lang::En => text,
    }
}
