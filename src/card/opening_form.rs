//! Opening the card with the Pass+ number and date of birth: the shared rules at once in the
//! page, the server's one answer for a number and a date that do not go together. The rules'
//! functions are called directly, and their few codes named here: the form kit's machinery
//! (every field, every code's message) would weigh more than this one form on a pupil's phone.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::birth_date::BirthDateParts;
use passplus_validation::card::{CardOpened, CardOpeningForm};
use passplus_validation::codes;
use passplus_validation::pass_number::validate_pass_number;

use crate::api;
use crate::api::card::Opening;
use crate::i18n::{use_i18n, Key};

/// The first error of the form, at the field it is about: (field, message).
fn first_error(form: &CardOpeningForm) -> Option<(&'static str, Key)> {
    if let Err(error) = validate_pass_number(&form.pass_number) {
        return Some(("pass_number", message_of(&error.code)));
    }
    form.birth_date
        .to_date()
        .err()
        .map(|error| ("birth_date", message_of(&error.code)))
}

/// The message of a code these two rules give.
fn message_of(code: &str) -> Key {
    match code {
        codes::PASS_NUMBER_EMPTY => Key::error_pass_number_empty,
        codes::PASS_NUMBER_NOT_DIGITS => Key::error_pass_number_not_digits,
        codes::PASS_NUMBER_LENGTH => Key::error_pass_number_length,
        codes::PASS_NUMBER_CHECK => Key::error_pass_number_check,
        codes::BIRTH_DATE_EMPTY => Key::error_birth_date_empty,
        codes::BIRTH_DATE_DAY_MISSING => Key::error_birth_date_day_missing,
        codes::BIRTH_DATE_MONTH_MISSING => Key::error_birth_date_month_missing,
        codes::BIRTH_DATE_YEAR_MISSING => Key::error_birth_date_year_missing,
        codes::BIRTH_DATE_NOT_NUMBERS => Key::error_birth_date_not_numbers,
        codes::BIRTH_DATE_YEAR_FOUR_DIGITS => Key::error_birth_date_year_four_digits,
        _ => Key::error_birth_date_not_real,
    }
}

#[component]
pub fn OpeningForm(on_opened: Callback<(CardOpened, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let number = RwSignal::new(String::new());
    let (day, month, year) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<(&'static str, Key)>);
    let sending = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let form = CardOpeningForm {
            pass_number: number.get_untracked(),
            birth_date: BirthDateParts {
                day: day.get_untracked(),
                month: month.get_untracked(),
                year: year.get_untracked(),
            },
        };
        let found = first_error(&form);
        error.set(found);
        if let Some((field, _)) = found {
            focus(if field == "pass_number" {
                "numero"
            } else {
                "jour"
            });
            return;
        }
        sending.set(true);
        spawn_local(async move {
            let outcome = api::card::open(&form).await;
            sending.try_set(false);
            let message = match outcome {
                Opening::Opened(opened, json) => return on_opened.run((opened, json)),
                Opening::NotFound => Key::card_not_found,
                Opening::TooManyAttempts => Key::card_too_many,
                Opening::Failed => Key::card_failed,
            };
            error.try_set(Some(("form", message)));
            request_animation_frame(|| focus("erreur-carte"));
        });
    };
    let at = move |field: &'static str| move || error.get().is_some_and(|(at, _)| at == field);
    let message = move || error.get().map(|(_, key)| i18n.t(key));
    let date_field =
        move |id: &'static str, label: Key, value: RwSignal<String>, size: &'static str| {
            view! {
                <div class="card-date__part">
                    <label class="field__label" for=id>{move || i18n.t(label)}</label>
                    <input class="field__input" id=id inputmode="numeric" autocomplete="off"
                        size=size maxlength=size prop:value=move || value.get()
                        aria-invalid=move || at("birth_date")().then_some("true")
                        on:input=move |event| value.set(event_target_value(&event)) />
                </div>
            }
        };
    view! {
        <h2>{move || i18n.t(Key::card_open_heading)}</h2>
        <p id="erreur-carte" class="card-error" tabindex="-1" role="alert">{message}</p>
        <form novalidate on:submit=on_submit>
            <div class="field">
                <label class="field__label" for="numero">{move || i18n.t(Key::card_number_label)}</label>
                <p class="field__hint" id="numero-hint">{move || i18n.t(Key::card_number_hint)}</p>
                <input class="field__input" id="numero" inputmode="numeric" autocomplete="off"
                    aria-describedby="numero-hint" prop:value=move || number.get()
                    aria-invalid=move || at("pass_number")().then_some("true")
                    on:input=move |event| number.set(event_target_value(&event)) />
            </div>
            <fieldset class="field" aria-describedby="naissance-hint">
                <legend class="field__label">{move || i18n.t(Key::card_birth_legend)}</legend>
                <p class="field__hint" id="naissance-hint">{move || i18n.t(Key::card_birth_hint)}</p>
                <div class="card-date">
                    {date_field("jour", Key::card_day_label, day, "2")}
                    {date_field("mois", Key::card_month_label, month, "2")}
                    {date_field("annee", Key::card_year_label, year, "4")}
                </div>
            </fieldset>
            <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>
                {move || i18n.t(Key::card_open_submit)}
            </button>
        </form>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
