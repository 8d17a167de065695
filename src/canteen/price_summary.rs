//! What a meal costs the family now and why (the full price until a tax notice is validated
//! for a declared income), and the rule it comes from: on the overview and the price page.

use leptos::prelude::*;
use passplus_validation::canteen::answers::{CanteenPrice, TaxNoticeStatus};

use crate::canteen::words::{coefficient_text, price_text};
use crate::i18n::{use_i18n, Key};

/// Whether the price is the reduced one, and if not, why.
pub fn why_full_price(price: &CanteenPrice) -> Option<Key> {
    match (price.income.is_some(), price.tax_notice) {
        (true, TaxNoticeStatus::Validated) => None,
        (false, TaxNoticeStatus::Validated) => Some(Key::canteen_price_why_no_income),
        (_, TaxNoticeStatus::Pending) => Some(Key::canteen_price_why_pending),
        (_, TaxNoticeStatus::Refused) => Some(Key::canteen_price_why_refused),
        (_, TaxNoticeStatus::Missing) => Some(Key::canteen_price_why_missing),
    }
}

#[component]
pub fn PriceSummary(#[prop(into)] price: Signal<CanteenPrice>) -> impl IntoView {
    let i18n = use_i18n();
    let amount = move || {
        let price = price.get();
        let key = if why_full_price(&price).is_none() {
            Key::canteen_price_reduced
        } else {
            Key::canteen_price_full
        };
        i18n.format(key, &[("price", &price_text(i18n, price.price_cents))])
    };
    let why = move || why_full_price(&price.get()).map(|why| view! { <p>{i18n.t(why)}</p> });
    let rule_text = move || {
        let rule = price.get().rule;
        i18n.format(
            Key::canteen_price_rule,
            &[
                (
                    "coefficient",
                    &coefficient_text(i18n, rule.coefficient_millionths),
                ),
                ("min", &price_text(i18n, rule.min_cents)),
                ("max", &price_text(i18n, rule.max_cents)),
            ],
        )
    };
    view! {
        <p class="canteen-price">{amount}</p>
        {why}
        <p class="field__hint">{rule_text}</p>
    }
}
