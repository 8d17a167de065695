//! "Cantine": for each school year open, the rules and their dates, what a meal costs the family
//! and why, and each pupil's place: enrolled (days, diet), to enrol, or why it cannot be.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::canteen::answers::{
    CanteenOffer, CanteenOverview, CanteenPrice, CanteenPupil, CanteenYear, TaxNoticeStatus,
};
use passplus_validation::SchoolYear;

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::canteen::words::{coefficient_text, date_text, days_text, diet_key, price_text};
use crate::i18n::{use_i18n, Key};
use crate::nav::canteen_routes::{CanteenRoute, YEAR_PARAMETER};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::canteen_title, Signal::stored(false));
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_title)}</h1>
        <p>{move || i18n.t(Key::canteen_intro)}</p>
        <SignedIn>
            <Overview />
        </SignedIn>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let overview = RwSignal::new(None::<Result<CanteenOverview, ()>>);
    spawn_local(async move {
        overview.try_set(Some(canteen::overview().await.map_err(|_| ())));
    });
    move || match overview.get() {
        None => view! { <p>{i18n.t(Key::canteen_loading)}</p> }.into_any(),
        Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Some(Ok(overview)) if overview.years.is_empty() => {
            view! { <p>{i18n.t(Key::canteen_no_year)}</p> }.into_any()
        }
        Some(Ok(overview)) => overview
            .years
            .into_iter()
            .map(|year| view! { <YearSection year /> })
            .collect_view()
            .into_any(),
    }
}

#[component]
fn YearSection(year: CanteenYear) -> impl IntoView {
    let i18n = use_i18n();
    let name = SchoolYear {
        start_year: year.school_year,
    }
    .to_string();
    let heading_id = format!("annee-{}", year.school_year);
    let deadline = year.weekdays_deadline.clone();
    let rules = move || {
        let key = if year.may_change_weekdays {
            Key::canteen_rules
        } else {
            Key::canteen_rules_late
        };
        i18n.format(key, &[("deadline", &date_text(i18n, &deadline))])
    };
    let any_open = year
        .pupils
        .iter()
        .any(|pupil| pupil.offer == CanteenOffer::Open);
    let enrol_href = format!(
        "{}?{YEAR_PARAMETER}={}",
        CanteenRoute::Enrol.path(),
        year.school_year
    );
    let pupils = year.pupils;
    let enrol_label = {
        let name = name.clone();
        move || i18n.format(Key::canteen_enrol_link, &[("year", &name)])
    };
    view! {
        <section class="canteen-year" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{i18n.format(Key::canteen_year_heading, &[("year", &name)])}</h2>
            <p>{rules}</p>
            <PriceSummary price=year.price />
            <h3>{move || i18n.t(Key::canteen_pupils_heading)}</h3>
            {if pupils.is_empty() {
                view! {
                    <p>{i18n.t(Key::canteen_no_pupils)}" "
                        <a href=AppRoute::AddPupil.path()>{i18n.t(Key::canteen_add_pupil)}</a>
                    </p>
                }.into_any()
            } else {
                view! {
                    <ul class="pupil-list">
                        {pupils.into_iter().map(|pupil| view! { <PupilPlace pupil /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {any_open.then(|| view! { <p><a class="button" href=enrol_href>{enrol_label}</a></p> })}
        </section>
    }
}

#[component]
fn PriceSummary(price: CanteenPrice) -> impl IntoView {
    let i18n = use_i18n();
    let reduced = price.income.is_some() && price.tax_notice == TaxNoticeStatus::Validated;
    let amount = move || {
        let key = if reduced {
            Key::canteen_price_reduced
        } else {
            Key::canteen_price_full
        };
        i18n.format(key, &[("price", &price_text(i18n, price.price_cents))])
    };
    let why = (!reduced).then_some(match price.tax_notice {
        TaxNoticeStatus::Pending => Key::canteen_price_why_pending,
        TaxNoticeStatus::Refused => Key::canteen_price_why_refused,
        _ => Key::canteen_price_why_missing,
    });
    let rule = price.rule;
    let rule_text = move || {
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
        <h3>{move || i18n.t(Key::canteen_price_heading)}</h3>
        <p class="canteen-price">{amount}</p>
        {why.map(|why| view! { <p>{move || i18n.t(why)}</p> })}
        <p class="field__hint">{rule_text}</p>
    }
}

#[component]
fn PupilPlace(pupil: CanteenPupil) -> impl IntoView {
    let i18n = use_i18n();
    let college = pupil.college_name.clone().unwrap_or_default();
    let class = pupil.class.clone();
    let name = pupil.given_name.clone();
    let meals = pupil.enrolment.as_ref().map(|enrolment| {
        let href = CanteenRoute::Meals.of_enrolment(&enrolment.id);
        view! { <p><a href=href>{move || i18n.t(Key::canteen_meals_link)}</a></p> }
    });
    let status = move || match (&pupil.enrolment, pupil.offer) {
        (Some(enrolment), _) => {
            let mut text = i18n.format(
                Key::canteen_enrolled,
                &[
                    ("days", &days_text(i18n, &enrolment.weekdays)),
                    ("diet", i18n.t(diet_key(enrolment.diet))),
                ],
            );
            if enrolment.allergy_plan {
                text = format!("{text} {}", i18n.t(Key::canteen_enrolled_allergy));
            }
            text
        }
        (None, CanteenOffer::Open | CanteenOffer::Enrolled) => i18n.t(Key::canteen_open).to_owned(),
        (None, CanteenOffer::CollegeNotRun) => i18n.t(Key::canteen_college_not_run).to_owned(),
        (None, CanteenOffer::LeftCollege) => {
            i18n.format(Key::canteen_left_college, &[("name", &pupil.given_name)])
        }
        (None, CanteenOffer::NotYet) => i18n.t(Key::canteen_not_yet).to_owned(),
    };
    view! {
        <li class="panel pupil-card">
            <h4>{name}</h4>
            <p>{college}" · "{class}</p>
            <p>{status}</p>
            {meals}
        </li>
    }
}
