//! "Trouver mon collège": searches the public collèges by name, commune, postal code or UAI.
//!
//! Results come as the person types (after a short pause) or on submit, and are announced in a
//! live region. A UAI is checked with the shared rule when the person leaves the field, then at
//! each keystroke while it is in error, never before.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::{check, codes, College, CollegeSearch, CollegeSearchResults};

use crate::api::{self, ApiError};
use crate::form::error_summary::{ErrorSummary, SummaryEntry};
use crate::form::text_field::TextField;
use crate::i18n::{error_message_key, use_i18n, Key};
use crate::nav::location::use_location;
use crate::shell::document_title::use_document_title;

const FIELD_ID: &str = "recherche";
/// The pause after a keystroke before searching, so that each word does not fire a request.
const TYPING_PAUSE_MS: u32 = 300;

/// The shared rule's verdict on the search text: the code of the first failed rule.
fn rule_failure(text: &str) -> Option<String> {
    check(&CollegeSearch { q: text.to_owned() })
        .first_code("q")
        .map(str::to_owned)
}

/// What is shown under the field once the person has left it: the rule's failure, except
/// "too short", which is no mistake while the field is simply empty or being filled (it is
/// reported on submit).
fn field_failure(text: &str) -> Option<String> {
    rule_failure(text).filter(|code| code != codes::QUERY_TOO_SHORT)
}

#[derive(Debug, Clone, PartialEq)]
enum SearchState {
    Idle,
    Found {
        text: String,
        results: CollegeSearchResults,
    },
    Failed(ApiError),
}

#[component]
pub fn FindCollegePage() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<String>);
    let summary = RwSignal::new(Vec::<SummaryEntry>::new());
    let state = RwSignal::new(SearchState::Idle);
    // Each search takes a number; an answer is shown only if no later search started.
    let latest_search = StoredValue::new(0u32);

    // "Erreur : " in the title once a submit found errors, for as long as they are shown.
    let has_errors =
        Signal::derive(move || field_error.get().is_some() && !summary.get().is_empty());
    use_document_title(Key::find_title, has_errors);

    // Whether this search is still the one to show; false too once the page is gone (the
    // person navigated away while it was pending).
    let is_current = move |ticket: u32| latest_search.try_get_value() == Some(ticket);
    let search = move |query: String, pause_ms: u32| {
        let ticket = latest_search.get_value() + 1;
        latest_search.set_value(ticket);
        spawn_local(async move {
            if pause_ms > 0 {
                TimeoutFuture::new(pause_ms).await;
                if !is_current(ticket) {
                    return;
                }
            }
            let outcome = api::colleges::search(&query).await;
            if !is_current(ticket) {
                return;
            }
            match outcome {
                Ok(results) => state.set(SearchState::Found {
                    text: query,
                    results,
                }),
                Err(ApiError::Invalid(errors)) => {
                    field_error.set(errors.first_code("q").map(str::to_owned));
                    state.set(SearchState::Idle);
                }
                Err(error) => state.set(SearchState::Failed(error)),
            }
        });
    };
    let cancel_pending_search = move || latest_search.update_value(|ticket| *ticket += 1);

    // Before a submit, an empty or short field is no mistake; after a refused submit, the field
    // is held to the whole rule (focus moving to the summary must not hide its error).
    let check_field = move |current: &str| {
        if summary.get_untracked().is_empty() {
            field_failure(current)
        } else {
            rule_failure(current)
        }
    };
    let on_input = move || {
        let current = text.get_untracked();
        if field_error.get_untracked().is_some() {
            field_error.set(check_field(&current));
        }
        // While the text does not pass (a UAI half typed), the last results stay in view.
        match rule_failure(&current) {
            None => search(current, TYPING_PAUSE_MS),
            Some(_) => cancel_pending_search(),
        }
    };
    let on_blur = move || field_error.set(check_field(&text.get_untracked()));
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let current = text.get_untracked();
        match rule_failure(&current) {
            Some(code) => {
                let message = error_message_key(&code);
                field_error.set(Some(code));
                summary.set(vec![(FIELD_ID, message)]);
                cancel_pending_search();
                state.set(SearchState::Idle);
            }
            None => {
                field_error.set(None);
                summary.set(Vec::new());
                search(current, 0);
            }
        }
    };
    // The form sent without the app (before it had loaded, or without JavaScript) comes back as
    // `?recherche=…`: the search it asked for runs.
    if let Some(asked) = use_location().query(FIELD_ID) {
        text.set(asked.clone());
        if rule_failure(&asked).is_none() {
            search(asked, 0);
        }
    }

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::find_title)}</h1>
        <p>{move || i18n.t(Key::find_intro)}</p>
        <ErrorSummary errors=summary />
        <form class="search-form" role="search" novalidate on:submit=on_submit>
            <TextField
                id=FIELD_ID
                label=Key::find_field_label
                hint=Key::find_field_hint
                value=text
                error=Signal::derive(move || field_error.get().map(|code| error_message_key(&code)))
                input_type="search"
                autocomplete="off"
                on_input=Callback::new(move |()| on_input())
                on_blur=Callback::new(move |()| on_blur())
            />
            <button type="submit" class="button">{move || i18n.t(Key::find_submit)}</button>
        </form>
        <div class="search-status" role="status" aria-live="polite">
            {move || status_message(i18n, &state.get())}
        </div>
        <Results state />
    }
}

/// What the live region says about the current search.
fn status_message(i18n: crate::i18n::I18n, state: &SearchState) -> String {
    match state {
        SearchState::Idle => String::new(),
        SearchState::Found { text, results } => match (results.colleges.len(), results.more) {
            (0, _) => i18n.format(Key::find_status_none, &[("text", text)]),
            (count, true) => i18n.format(Key::find_status_more, &[("count", &count.to_string())]),
            (1, false) => i18n.t(Key::find_status_one).to_owned(),
            (count, false) => i18n.format(Key::find_status_many, &[("count", &count.to_string())]),
        },
        SearchState::Failed(ApiError::Network) => i18n.t(Key::find_status_network).to_owned(),
        SearchState::Failed(_) => i18n.t(Key::find_status_server).to_owned(),
    }
}

#[component]
fn Results(state: RwSignal<SearchState>) -> impl IntoView {
    let i18n = use_i18n();
    let colleges = move || match state.get() {
        SearchState::Found { results, .. } => results.colleges,
        _ => Vec::new(),
    };
    view! {
        <Show when=move || !colleges().is_empty()>
            <h2>{move || i18n.t(Key::find_results_heading)}</h2>
            <ul class="results">
                <For each=colleges key=|college| college.uai.clone() let:college>
                    <CollegeCard college />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn CollegeCard(college: College) -> impl IntoView {
    let i18n = use_i18n();
    let in_hauts_de_seine = college.departement == "92";
    let departement = if in_hauts_de_seine {
        Key::departement_92
    } else {
        Key::departement_78
    };
    // Pass+ enrols pupils in the canteens that the Hauts-de-Seine runs.
    let canteen_note = if !college.canteen_run_by_departement {
        Some(Key::find_not_run_by_departement)
    } else if !in_hauts_de_seine {
        Some(Key::find_canteen_not_in_pass_plus)
    } else {
        None
    };
    view! {
        <li class="result">
            <h3 class="result__name">{college.name}</h3>
            <p>
                {college.commune}" ("{college.postal_code}") · "{move || i18n.t(departement)}
            </p>
            <p>
                {move || i18n.t(Key::find_uai_label)}" "<span class="result__uai">{college.uai}</span>
            </p>
            {canteen_note.map(|note| view! { <p class="result__note">{move || i18n.t(note)}</p> })}
        </li>
    }
}
