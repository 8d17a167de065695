//! The card itself, readable at a glance on a small phone: the pupil's first name, collège and
//! school year, the canteen days, today's meal in large, the next school days', and when it was
//! last read from the server (said plainly when offline).

use leptos::prelude::*;
use passplus_validation::canteen::choices::CanteenDay;
use passplus_validation::card::{CardDay, CardMeal, CardStatus};

use crate::i18n::{local_date_time, spoken_list, use_i18n, year_text, I18n, Key, Lang};

fn meal_key(meal: CardMeal) -> Key {
    match meal {
        CardMeal::Reserved => Key::card_meal_reserved,
        CardMeal::Cancelled => Key::card_meal_cancelled,
        CardMeal::None => Key::card_meal_none,
    }
}

fn meal_class(meal: CardMeal) -> &'static str {
    match meal {
        CardMeal::Reserved => "card-meal card-meal--reserved",
        CardMeal::Cancelled => "card-meal card-meal--cancelled",
        CardMeal::None => "card-meal",
    }
}

fn weekday_key(day: CanteenDay) -> Key {
    match day {
        CanteenDay::Monday => Key::card_day_monday,
        CanteenDay::Tuesday => Key::card_day_tuesday,
        CanteenDay::Wednesday => Key::card_day_wednesday,
        CanteenDay::Thursday => Key::card_day_thursday,
        CanteenDay::Friday => Key::card_day_friday,
    }
}

/// "jeudi 5 novembre", "Thursday 5 November", as the browser writes a day in the language.
fn day_text(i18n: I18n, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!("{iso}T12:00:00")));
    let options = js_sys::Object::new();
    for (name, value) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    let locale = if i18n.lang() == Lang::Fr {
        "fr-FR"
    } else {
        "en-GB"
    };
    date.to_locale_date_string(locale, &options).into()
}

#[component]
pub fn CardView(card: CardStatus, offline: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let year = year_text(card.school_year);
    let weekdays = card.weekdays.clone();
    let days = move || {
        if weekdays.is_empty() {
            return i18n.t(Key::card_not_enrolled).to_owned();
        }
        let names: Vec<&str> = weekdays
            .iter()
            .map(|day| i18n.t(weekday_key(*day)))
            .collect();
        let days = spoken_list(&names, i18n.t(Key::card_list_and));
        i18n.format(Key::card_days, &[("days", &days)])
    };
    let today = card.today.meal;
    let today_text = move || match today {
        CardMeal::None => i18n.t(Key::card_today_none),
        meal => i18n.t(meal_key(meal)),
    };
    let updated_at = card.updated_at;
    let updated = move || {
        let date = local_date_time(updated_at, i18n.lang());
        let key = if offline.get() {
            Key::card_offline
        } else {
            Key::card_updated
        };
        i18n.format(key, &[("date", &date)])
    };
    let next_days = card.next_days.clone();
    view! {
        <section class="card" aria-labelledby="carte-nom">
            <h2 id="carte-nom" class="card__name">{card.given_name.clone()}</h2>
            <p class="card__college">{card.college_name.clone().unwrap_or_default()}</p>
            <p>{move || i18n.format(Key::card_school_year, &[("year", &year)])}</p>
            <p>{days}</p>
            <h3 class="card__today-heading">
                {move || i18n.t(Key::card_today)}" · "{let day = card.today.day.clone(); move || day_text(i18n, &day)}
            </h3>
            <p class=meal_class(today)>{today_text}</p>
            <h3>{move || i18n.t(Key::card_next_days)}</h3>
            <ul class="card-days">
                {next_days.into_iter().map(|day| view! { <NextDay day /> }).collect_view()}
            </ul>
            <p class="card__updated" role="status">{updated}</p>
        </section>
    }
}

#[component]
fn NextDay(day: CardDay) -> impl IntoView {
    let i18n = use_i18n();
    let meal = day.meal;
    view! {
        <li class="card-days__day">
            <span>{move || day_text(i18n, &day.day)}</span>
            <span class=meal_class(meal)>{move || i18n.t(meal_key(meal))}</span>
        </li>
    }
}
