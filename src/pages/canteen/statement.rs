//! One child's statement for a month (`?inscription=…&mois=2026-12`): the meals reserved,
//! cancelled in time and billed, the price and the amount, all counted by the server from the
//! stored meals; the month's meals one a row; the CSV for a spreadsheet and a printable page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::canteen::answers::Statement;
use passplus_validation::canteen::statement::Month;

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::canteen::loaded::{loaded_content, Loaded, OnLanguage};
use crate::canteen::words::{day_text, month_text, price_text};
use crate::i18n::{use_i18n, Key};
use crate::nav::canteen_routes::{CanteenRoute, ENROLMENT_PARAMETER, MONTH_PARAMETER};
use crate::nav::location::use_location;
use crate::shell::document_title::use_document_title;

#[component]
pub fn StatementPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::canteen_statement_title, Signal::stored(false));
    let location = use_location();
    let id = location.query(ENROLMENT_PARAMETER).unwrap_or_default();
    let month = location.query(MONTH_PARAMETER).unwrap_or_default();
    let statement: Loaded<Statement> = RwSignal::new(None);
    {
        let (id, month) = (id.clone(), month.clone());
        spawn_local(async move {
            statement.try_set(Some(canteen::statement(&id, &month).await));
        });
    }
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_statement_title)}</h1>
        <SignedIn>
            {loaded_content(statement, Key::canteen_statement_not_found, OnLanguage::Redraw, |found| {
                view! { <StatementView statement=found /> }.into_any()
            })}
        </SignedIn>
    }
}

/// The months next to `month` within its school year (September to August), if any.
fn neighbours(month: &str) -> (Option<String>, Option<String>) {
    let Some(month) = Month::parse(month) else {
        return (None, None);
    };
    let previous = (month.month != 9).then(|| month.first_day().plus_days(-1));
    let next = (month.month != 8).then(|| month.next_first_day());
    let name = |day: passplus_validation::Date| Month::of(day).to_string();
    (previous.map(name), next.map(name))
}

#[component]
fn StatementView(statement: Statement) -> impl IntoView {
    let i18n = use_i18n();
    let month = month_text(i18n, &statement.month);
    let price = price_text(i18n, statement.price_cents);
    let csv = canteen::statement_csv_path(&statement.enrolment_id, &statement.month);
    let (previous, next) = neighbours(&statement.month);
    let id = statement.enrolment_id.clone();
    let link = move |month: String, key: Key| {
        let href = CanteenRoute::statement(&id, &month);
        view! { <a href=href>{i18n.t(key)}" ("{month_text(i18n, &month)}")"</a> }
    };
    let rows = statement
        .meals
        .iter()
        .map(|meal| {
            let (state, amount) = if meal.cancelled {
                (Key::canteen_meal_cancelled, 0)
            } else {
                (Key::canteen_meal_reserved, statement.price_cents)
            };
            view! {
                <tr>
                    <td>{day_text(i18n, &meal.day)}</td>
                    <td>{i18n.t(state)}</td>
                    <td class="amount">{price_text(i18n, amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="canteen-who">
            {i18n.format(Key::canteen_statement_of, &[("name", &statement.given_name), ("month", &month)])}
            {statement.college_name.clone().map(|college| format!(" · {college}"))}
        </p>
        <dl class="summary-list">
            <dt>{i18n.t(Key::canteen_statement_reserved)}</dt><dd>{statement.reserved}</dd>
            <dt>{i18n.t(Key::canteen_statement_cancelled)}</dt><dd>{statement.cancelled}</dd>
            <dt>{i18n.t(Key::canteen_statement_billed)}</dt><dd>{statement.billed}</dd>
            <dt>{i18n.t(Key::canteen_statement_price)}</dt><dd>{price}</dd>
            <dt>{i18n.t(Key::canteen_statement_amount)}</dt>
            <dd class="canteen-price">{price_text(i18n, statement.amount_cents)}</dd>
        </dl>
        {statement.provisional.then(|| view! { <p>{i18n.t(Key::canteen_statement_provisional)}</p> })}
        {statement.full_price.then(|| view! { <p>{i18n.t(Key::canteen_statement_full_price)}</p> })}
        <p class="field__hint">{i18n.t(Key::canteen_statement_caterer)}</p>
        <h2>{i18n.t(Key::canteen_statement_meals)}</h2>
        {if statement.meals.is_empty() {
            view! { <p>{i18n.t(Key::canteen_statement_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="statement">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t(Key::canteen_statement_day)}</th>
                                <th scope="col">{i18n.t(Key::canteen_statement_state)}</th>
                                <th scope="col" class="amount">{i18n.t(Key::canteen_statement_line_amount)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <p class="no-print">
            <a class="button button--secondary" href=csv download="">{i18n.t(Key::canteen_statement_csv)}</a>
            " "
            <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>
                {i18n.t(Key::canteen_statement_print)}
            </button>
        </p>
        <ul class="statement-months no-print">
            {previous.map(|month| view! { <li>{link(month, Key::canteen_statement_previous)}</li> })}
            {next.map(|month| view! { <li>{link(month, Key::canteen_statement_next)}</li> })}
        </ul>
        <p class="no-print">
            <a href=CanteenRoute::Meals.of_enrolment(&statement.enrolment_id)>{i18n.t(Key::canteen_meals_title)}</a>
        </p>
    }
}
