//! The canteen's values as the page says them: a weekday (in a sentence, or as a checkbox's
//! label), a diet, a date, an amount, the price coefficient.

use passplus_validation::canteen::choices::{CanteenDay, Diet};
use passplus_validation::canteen::price::{euros_en, euros_fr};
use passplus_validation::Date;

use crate::i18n::{spoken_list, with_first_letter, I18n, Key, Lang};

/// A weekday within a sentence ("lundi", "Monday").
pub fn day_key(day: CanteenDay) -> Key {
    match day {
        CanteenDay::Monday => Key::day_monday,
        CanteenDay::Tuesday => Key::day_tuesday,
        CanteenDay::Wednesday => Key::day_wednesday,
        CanteenDay::Thursday => Key::day_thursday,
        CanteenDay::Friday => Key::day_friday,
    }
}

/// The weekdays a form offers, by their codes: with Wednesday where the canteen serves it.
pub const DAYS_WITH_WEDNESDAY: &[(&str, Key)] = &[
    ("monday", Key::day_monday_label),
    ("tuesday", Key::day_tuesday_label),
    ("wednesday", Key::day_wednesday_label),
    ("thursday", Key::day_thursday_label),
    ("friday", Key::day_friday_label),
];
pub const DAYS_WITHOUT_WEDNESDAY: &[(&str, Key)] = &[
    ("monday", Key::day_monday_label),
    ("tuesday", Key::day_tuesday_label),
    ("thursday", Key::day_thursday_label),
    ("friday", Key::day_friday_label),
];

pub const DIETS: &[(&str, Key)] = &[
    ("standard", Key::diet_standard_label),
    ("no_pork", Key::diet_no_pork_label),
    ("no_meat", Key::diet_no_meat_label),
];

/// "lundis, mardis et jeudis", "Mondays, Tuesdays and Thursdays": the days of every week.
pub fn days_text(i18n: I18n, days: &[CanteenDay]) -> String {
    let plurals: Vec<&str> = i18n.t(Key::days_every_week).split(',').collect();
    let names: Vec<&str> = days
        .iter()
        .filter_map(|day| plurals.get(*day as usize).copied())
        .collect();
    spoken_list(&names, i18n.t(Key::list_and))
}

pub fn diet_key(diet: Diet) -> Key {
    match diet {
        Diet::Standard => Key::diet_standard,
        Diet::NoPork => Key::diet_no_pork,
        Diet::NoMeat => Key::diet_no_meat,
    }
}

/// "27 septembre 2026", "1er février 2027", "27 September 2026"; an unreadable date as it came.
pub fn date_text(i18n: I18n, iso: &str) -> String {
    let Some(day) = Date::parse_iso(iso) else {
        return iso.to_owned();
    };
    let month = i18n
        .t(Key::months)
        .split(',')
        .nth(day.month as usize - 1)
        .unwrap_or_default();
    // French says the first of the month as an ordinal.
    let first = if day.day == 1 && i18n.lang() == Lang::Fr {
        "er"
    } else {
        ""
    };
    format!("{}{first} {month} {}", day.day, day.year)
}

/// "7,00 €", "€7.00".
pub fn price_text(i18n: I18n, cents: u64) -> String {
    match i18n.lang() {
        Lang::Fr => euros_fr(cents),
        Lang::En => euros_en(cents),
    }
}

/// The coefficient in millionths as a percentage: "0,50 %", "0.50%".
pub fn coefficient_text(i18n: I18n, millionths: u64) -> String {
    let hundredths = millionths / 100;
    let (whole, rest) = (hundredths / 100, hundredths % 100);
    match i18n.lang() {
        Lang::Fr => format!("{whole},{rest:02}\u{a0}%"),
        Lang::En => format!("{whole}.{rest:02}%"),
    }
}

/// "jeudi 10 décembre 2026", "Thursday 10 December 2026": a school day, with its weekday.
pub fn day_text(i18n: I18n, iso: &str) -> String {
    let weekday = Date::parse_iso(iso)
        .and_then(|day| CanteenDay::of(day.weekday()))
        .map(|day| i18n.t(day_key(day)));
    match weekday {
        Some(weekday) => format!("{weekday} {}", date_text(i18n, iso)),
        None => date_text(i18n, iso),
    }
}

/// "décembre 2026" for `2026-12`.
pub fn month_text(i18n: I18n, month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap_or_default();
    let name = number
        .parse::<usize>()
        .ok()
        .and_then(|number| i18n.t(Key::months).split(',').nth(number.wrapping_sub(1)))
        .unwrap_or(number);
    format!("{name} {year}")
}

/// "Décembre 2026": a month as a heading, where French starts with a capital as English does.
pub fn month_heading(i18n: I18n, month: &str) -> String {
    with_first_letter(month_text(i18n, month), true)
}
