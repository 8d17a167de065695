//! "Cantine": for each school year open, the rules and their dates, what a meal costs the family
//! and why (with the way to the price page), and each pupil's place: enrolled (days, diet), to enrol, or why it cannot be.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::canteen::answers::{
    CanteenOffer, CanteenOverview, CanteenPupil, CanteenYear,
};

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::canteen::price_summary::PriceSummary;
use crate::canteen::re_enrolment::ReEnrolment;
use crate::canteen::words::{date_text, days_text, diet_key};
use crate::i18n::{use_i18n, year_text, Key};
use crate::nav::canteen_routes::CanteenRoute;
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
    let load = move || {
        spawn_local(async move {
            overview.try_set(Some(canteen::overview().await.map_err(|_| ())));
        });
    };
    load();
    // What re-enrolling did, said in a live region always in the page (the offer goes with it).
    let announced = RwSignal::new(None::<Key>);
    let re_enrolled = Callback::new(move |()| {
        announced.set(Some(Key::canteen_reenrol_done));
        load();
    });
    let years = move || match overview.get() {
        None => view! { <p>{i18n.t(Key::canteen_loading)}</p> }.into_any(),
        Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Some(Ok(overview)) if overview.years.is_empty() => {
            view! { <p>{i18n.t(Key::canteen_no_year)}</p> }.into_any()
        }
        Some(Ok(overview)) => overview
            .years
            .into_iter()
            .map(|year| view! { <YearSection year re_enrolled /> })
            .collect_view()
            .into_any(),
    };
    view! {
        <p class="canteen-announce" role="status">{move || announced.get().map(|key| i18n.t(key))}</p>
        {years}
    }
}

#[component]
fn YearSection(year: CanteenYear, re_enrolled: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let name = year_text(year.school_year);
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
    let enrol_href = CanteenRoute::Enrol.of_year(year.school_year);
    let price_href = CanteenRoute::Price.of_year(year.school_year);
    let year_for_offer = year.clone();
    let pupils = year.pupils;
    let enrol_label = {
        let name = name.clone();
        move || i18n.format(Key::canteen_enrol_link, &[("year", &name)])
    };
    view! {
        <section class="canteen-year" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{
                let name = name.clone();
                move || i18n.format(Key::canteen_year_heading, &[("year", &name)])
            }</h2>
            <p>{rules}</p>
            <h3>{move || i18n.t(Key::canteen_price_heading)}</h3>
            <PriceSummary price=Signal::stored(year.price) />
            <p><a href=price_href>{move || i18n.t(Key::canteen_price_link)}</a></p>
            <h3>{move || i18n.t(Key::canteen_pupils_heading)}</h3>
            {if pupils.is_empty() {
                view! {
                    <p>{move || i18n.t(Key::canteen_no_pupils)}" "
                        <a href=AppRoute::AddPupil.path()>{move || i18n.t(Key::canteen_add_pupil)}</a>
                    </p>
                }.into_any()
            } else {
                view! {
                    <ul class="pupil-list">
                        {pupils.into_iter().map(|pupil| view! { <PupilPlace pupil /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ReEnrolment year=year_for_offer on_done=re_enrolled />
            {any_open.then(|| view! { <p><a class="button" href=enrol_href>{enrol_label}</a></p> })}
        </section>
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
