//! "Prix d'un repas et avis d'imposition" for a school year (`?annee=2026`): the price now and
//! why; the income the family declares, with the monthly quotient and the price it gives shown
//! as it is typed (the shared crate's rule, the server's too: the page and the bill cannot
//! disagree); and the tax notice that makes it count, sent, replaced, or removed while it waits.

use leptos::prelude::*;
use passplus_validation::canteen::answers::{CanteenPrice, CanteenYear, TaxNoticeStatus};
use passplus_validation::canteen::income::IncomeForm;
use passplus_validation::canteen::price::{Income, PriceRule};
use passplus_validation::check;

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::canteen::price_summary::PriceSummary;
use crate::canteen::tax_notice_form::TaxNoticeForm;
use crate::canteen::words::price_text;
use crate::canteen::year_page::{load_year_of_page, year_page_content, BackToCanteen};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, year_text, I18n, Key, Lang};
use crate::shell::document_title::use_document_title;

const INCOME_FIELDS: &[FormField] = &[
    FormField {
        name: "reference_income",
        id: "revenu",
    },
    FormField {
        name: "tax_parts",
        id: "parts",
    },
];

#[component]
pub fn PricePage() -> impl IntoView {
    let i18n = use_i18n();
    let has_errors = RwSignal::new(false);
    use_document_title(Key::canteen_price_title, has_errors.into());
    let year = load_year_of_page();
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_price_title)}</h1>
        <SignedIn>
            {year_page_content(year, move |year| view! { <YearPrice year has_errors /> }.into_any())}
        </SignedIn>
    }
}

#[component]
fn YearPrice(year: CanteenYear, has_errors: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let name = year_text(year.school_year);
    let price = RwSignal::new(year.price);
    let income_errors = RwSignal::new(false);
    let notice_errors = RwSignal::new(false);
    Effect::new(move |_| has_errors.set(income_errors.get() || notice_errors.get()));
    view! {
        <p class="canteen-who">{move || i18n.format(Key::canteen_year_heading, &[("year", &name)])}</p>
        <PriceSummary price />
        <IncomeSection school_year=year.school_year price has_errors=income_errors />
        <TaxNoticeForm school_year=year.school_year price has_errors=notice_errors />
        <BackToCanteen />
    }
}

/// The income form, prefilled with what the family declared, and what it gives as it is typed.
#[component]
fn IncomeSection(
    school_year: i32,
    price: RwSignal<CanteenPrice>,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let declared = price.get_untracked().income;
    let reference_income = RwSignal::new(
        declared
            .map(|income| income.reference_income_euros.to_string())
            .unwrap_or_default(),
    );
    let tax_parts = RwSignal::new(
        declared
            .map(|income| parts_text(i18n, income.tax_quarters))
            .unwrap_or_default(),
    );
    let form = move || IncomeForm {
        reference_income: reference_income.get_untracked(),
        tax_parts: tax_parts.get_untracked(),
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(INCOME_FIELDS);
    Effect::new(move |_| has_errors.set(form_check.has_summary().get()));
    let saved = RwSignal::new(None::<Key>);

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        let was_validated = price.get_untracked().tax_notice == TaxNoticeStatus::Validated;
        form_check.send(
            async move { canteen::declare_income(school_year, &body).await },
            move |outcome| match outcome {
                Ok(now) => {
                    let waits_again = was_validated && now.tax_notice == TaxNoticeStatus::Pending;
                    saved.try_set(Some(if waits_again {
                        Key::canteen_income_saved_pending
                    } else {
                        Key::canteen_income_saved
                    }));
                    price.try_set(now);
                }
                Err(error) => form_check.refused_by_server(error),
            },
        );
    };
    let field = move |name: &'static str, value: RwSignal<String>| {
        (
            form_check.error(name),
            form_check.on_input(name, errors),
            form_check.on_blur(name, value, errors),
        )
    };
    let (income_error, income_input, income_blur) = field("reference_income", reference_income);
    let (parts_error, parts_input, parts_blur) = field("tax_parts", tax_parts);
    let rule = price.get_untracked().rule;
    let simulation = move || {
        let typed = IncomeForm {
            reference_income: reference_income.get(),
            tax_parts: tax_parts.get(),
        };
        let both_typed =
            !typed.reference_income.trim().is_empty() && !typed.tax_parts.trim().is_empty();
        simulation_text(i18n, rule, typed.income(), both_typed)
    };

    view! {
        <h2>{move || i18n.t(Key::canteen_income_heading)}</h2>
        <p>{move || i18n.t(Key::canteen_income_intro)}</p>
        <ErrorSummary errors=form_check.summary() />
        <form novalidate on:submit=on_submit>
            <TextField id="revenu" label=Key::canteen_income_label hint=Key::canteen_income_hint
                value=reference_income error=income_error inputmode="numeric" autocomplete="off"
                on_input=income_input on_blur=income_blur />
            <TextField id="parts" label=Key::canteen_parts_label hint=Key::canteen_parts_hint
                value=tax_parts error=parts_error inputmode="decimal" autocomplete="off"
                on_input=parts_input on_blur=parts_blur />
            // An `<output>` is a polite live region: the price is said as it changes.
            <output class="panel canteen-simulation" for="revenu parts">{simulation}</output>
            <p class="panel" role="status" class:visually-hidden=move || saved.get().is_none()>
                {move || saved.get().map(|key| i18n.t(key))}
            </p>
            <SubmitButton form_check label=Key::canteen_income_submit />
        </form>
    }
}

/// What the typed income gives: the monthly quotient and the price once a notice is validated;
/// or what is missing, or that what is typed is not an income (`both_typed`).
fn simulation_text(
    i18n: I18n,
    rule: PriceRule,
    income: Option<Income>,
    both_typed: bool,
) -> String {
    match income {
        None if both_typed => i18n.t(Key::canteen_simulation_invalid).to_owned(),
        None => i18n.t(Key::canteen_simulation_empty).to_owned(),
        Some(income) => i18n.format(
            Key::canteen_simulation,
            &[
                (
                    "quotient",
                    &price_text(i18n, income.monthly_quotient_cents()),
                ),
                ("price", &price_text(i18n, rule.price_cents(income))),
            ],
        ),
    }
}

/// Tax parts as the family reads them on its notice: "2", "2,5" ("2.5" in English).
fn parts_text(i18n: I18n, quarters: u32) -> String {
    let whole = quarters / 4;
    let fraction = match quarters % 4 {
        1 => "25",
        2 => "5",
        3 => "75",
        _ => return whole.to_string(),
    };
    let separator = match i18n.lang() {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{whole}{separator}{fraction}")
}
