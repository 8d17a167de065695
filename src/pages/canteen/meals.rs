//! One child's canteen year (`?inscription=…`): the days and diet, a change of weekdays while
//! the year's deadline allows it, and each meal still ahead with until when it can be cancelled
//! (or booked again), cancelled or booked again with one button.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::canteen::answers::{CanteenEnrolment, Meal};
use passplus_validation::canteen::choices::{CanteenDay, WeekdaysForm};
use passplus_validation::check;
use passplus_validation::codes::refusal;

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::api::ApiError;
use crate::canteen::loaded::{loaded_content, Loaded, OnLanguage};
use crate::canteen::words::{
    date_text, day_text, days_text, diet_key, month_heading, month_text, DAYS_WITHOUT_WEDNESDAY,
    DAYS_WITH_WEDNESDAY,
};
use crate::canteen::year_page::BackToCanteen;
use crate::form::choice::CheckboxGroup;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::i18n::{use_i18n, year_text, Key};
use crate::nav::canteen_routes::{CanteenRoute, ENROLMENT_PARAMETER};
use crate::nav::focus::focus_element_by_id;
use crate::nav::location::use_location;
use crate::pupils::pupil_form::class_key;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[FormField {
    name: "weekdays",
    id: "jours-monday",
}];

#[component]
pub fn MealsPage() -> impl IntoView {
    let i18n = use_i18n();
    let has_errors = RwSignal::new(false);
    use_document_title(Key::canteen_meals_title, has_errors.into());
    let id = use_location()
        .query(ENROLMENT_PARAMETER)
        .unwrap_or_default();
    let enrolment: Loaded<CanteenEnrolment> = RwSignal::new(None);
    spawn_local(async move {
        enrolment.try_set(Some(canteen::enrolment(&id).await));
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_meals_title)}</h1>
        <SignedIn>
            {loaded_content(enrolment, Key::canteen_not_found, OnLanguage::Redraw, move |found| {
                view! { <EnrolmentView enrolment=found has_errors /> }.into_any()
            })}
        </SignedIn>
    }
}

#[component]
fn EnrolmentView(enrolment: CanteenEnrolment, has_errors: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let year = year_text(enrolment.school_year);
    let weekdays = RwSignal::new(enrolment.weekdays.clone());
    let diet = enrolment.diet;
    let college = enrolment.college_name.clone().unwrap_or_default();
    let class = class_key(&enrolment.class)
        .map(|key| i18n.t(key).to_owned())
        .unwrap_or_else(|| enrolment.class.clone());
    let summary = move || {
        i18n.format(
            Key::canteen_meals_summary,
            &[
                ("college", &college),
                ("class", &class),
                ("days", &days_text(i18n, &weekdays.get())),
                ("diet", i18n.t(diet_key(diet))),
            ],
        )
    };
    let today = enrolment.today.clone();
    let meals = RwSignal::new(
        enrolment
            .meals
            .iter()
            .filter(|meal| meal.day >= today)
            .cloned()
            .collect::<Vec<Meal>>(),
    );
    let announced = RwSignal::new(String::new());
    let name = enrolment.given_name.clone();
    view! {
        <p class="canteen-who">{i18n.format(Key::canteen_meals_of, &[("name", &name), ("year", &year)])}</p>
        <p>{summary}</p>
        <WeekdaysChange enrolment=enrolment.clone() weekdays meals has_errors />
        // Above the meals, which run to the end of the year.
        <Statements enrolment=enrolment.clone() />
        <h2>{move || i18n.t(Key::canteen_meals_upcoming)}</h2>
        // Always in the page, so that screen readers announce what a button did.
        <p class="canteen-announce" role="status">{move || announced.get()}</p>
        <MealList id=enrolment.id.clone() meals announced />
        <BackToCanteen />
    }
}

/// A link to each month's statement, from the year's first meal to this month.
#[component]
fn Statements(enrolment: CanteenEnrolment) -> impl IntoView {
    let i18n = use_i18n();
    let this_month = enrolment.today.get(..7).unwrap_or_default().to_owned();
    let mut months: Vec<String> = enrolment
        .meals
        .iter()
        .map(|meal| meal.day[..7].to_owned())
        .filter(|month| *month <= this_month)
        .collect();
    months.dedup();
    if months.is_empty() {
        return ().into_any();
    }
    view! {
        <h2>{move || i18n.t(Key::canteen_statements_heading)}</h2>
        <ul>
            {months.into_iter().map(|month| {
                let href = CanteenRoute::statement(&enrolment.id, &month);
                let label = i18n.format(Key::canteen_statement_link, &[("month", &month_text(i18n, &month))]);
                view! { <li><a href=href>{label}</a></li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// How many months of meals the list shows at first: some forty meals, not the year's hundred
/// and forty buttons to tab through.
const MONTHS_SHOWN_FIRST: usize = 2;

/// The id of a month's heading in the list (`mois-2026-12`), where focus goes when it is shown.
fn month_heading_id(month: &str) -> String {
    format!("mois-{month}")
}

/// The upcoming meals, month by month: the first months, then one more at each press.
#[component]
fn MealList(id: String, meals: RwSignal<Vec<Meal>>, announced: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(MONTHS_SHOWN_FIRST);
    move || {
        let list = meals.get();
        if list.is_empty() {
            return view! { <p>{i18n.t(Key::canteen_meals_none)}</p> }.into_any();
        }
        let mut months: Vec<(String, Vec<Meal>)> = Vec::new();
        for meal in list {
            let month = meal.day[..7].to_owned();
            match months.last_mut() {
                Some((last, days)) if *last == month => days.push(meal),
                _ => months.push((month, vec![meal])),
            }
        }
        let next_month = months.get(shown.get()).map(|(month, _)| month.clone());
        let list = months
            .into_iter()
            .take(shown.get())
            .map(|(month, days)| {
                let id = id.clone();
                view! {
                    <h3 id=month_heading_id(&month) tabindex="-1">{month_heading(i18n, &month)}</h3>
                    <ul class="meal-list">
                        {days.into_iter().map(|meal| view! { <MealRow id=id.clone() meal meals announced /> }).collect_view()}
                    </ul>
                }
            })
            .collect_view();
        let more = next_month.map(|month| {
            let label = i18n.format(Key::canteen_meals_more, &[("month", &month_text(i18n, &month))]);
            let show_it = move |_| {
                shown.update(|shown| *shown += 1);
                // The press's button moves down: focus goes to the month it showed.
                let heading = month_heading_id(&month);
                request_animation_frame(move || focus_element_by_id(&heading));
            };
            view! {
                <p><button type="button" class="button button--secondary" on:click=show_it>{label}</button></p>
            }
        });
        view! { {list} {more} }.into_any()
    }
}

#[component]
fn MealRow(
    id: String,
    meal: Meal,
    meals: RwSignal<Vec<Meal>>,
    announced: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let day = day_text(i18n, &meal.day);
    let until = date_text(i18n, &meal.last_day_to_cancel);
    let status = if meal.cancelled {
        Key::canteen_meal_cancelled
    } else {
        Key::canteen_meal_reserved
    };
    let deadline = match (meal.may_change, meal.cancelled) {
        (false, _) => i18n.t(Key::canteen_meal_closed).to_owned(),
        (true, false) => i18n.format(Key::canteen_meal_until, &[("date", &until)]),
        (true, true) => i18n.format(Key::canteen_meal_until_rebook, &[("date", &until)]),
    };
    let button_label = i18n.format(
        if meal.cancelled {
            Key::canteen_meal_rebook
        } else {
            Key::canteen_meal_cancel
        },
        &[("date", &day)],
    );
    let busy = RwSignal::new(false);
    let change = {
        let meal = meal.clone();
        let day = day.clone();
        let until = until.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let (id, meal, day, until) = (id.clone(), meal.clone(), day.clone(), until.clone());
            spawn_local(async move {
                let outcome = canteen::change_meal(&id, &meal.day, !meal.cancelled).await;
                busy.try_set(false);
                let message = match outcome {
                    Ok(changed) => {
                        let key = if changed.cancelled {
                            Key::canteen_meal_cancelled_done
                        } else {
                            Key::canteen_meal_rebooked_done
                        };
                        meals.try_update(|meals| {
                            if let Some(stored) = meals.iter_mut().find(|m| m.day == changed.day) {
                                *stored = changed;
                            }
                        });
                        i18n.format(key, &[("date", &day)])
                    }
                    Err(ApiError::Refused(code)) if code == refusal::MEAL_DEADLINE_PASSED => {
                        meals.try_update(|meals| {
                            if let Some(stored) = meals.iter_mut().find(|m| m.day == meal.day) {
                                stored.may_change = false;
                            }
                        });
                        i18n.format(
                            Key::canteen_meal_too_late,
                            &[("date", &day), ("until", &until)],
                        )
                    }
                    Err(ApiError::Unauthorized) => i18n.t(Key::form_session_ended).to_owned(),
                    Err(ApiError::Network) => i18n.t(Key::form_network_error).to_owned(),
                    Err(_) => i18n.t(Key::canteen_meal_failed).to_owned(),
                };
                announced.try_set(message);
            });
        }
    };
    view! {
        <li class="meal" class:meal--cancelled=meal.cancelled>
            <span class="meal__day">{day.clone()}</span>
            <span class="meal__status">{i18n.t(status)}</span>
            <span class="meal__deadline">{deadline}</span>
            {meal.may_change.then(|| view! {
                <button type="button" class="button button--secondary meal__button"
                    aria-disabled=move || busy.get().then_some("true") on:click=change.clone()>
                    {button_label.clone()}
                </button>
            })}
        </li>
    }
}

#[component]
fn WeekdaysChange(
    enrolment: CanteenEnrolment,
    weekdays: RwSignal<Vec<CanteenDay>>,
    meals: RwSignal<Vec<Meal>>,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let deadline = date_text(i18n, &enrolment.weekdays_deadline);
    if !enrolment.may_change_weekdays {
        return view! {
            <p>{i18n.format(Key::canteen_weekdays_late, &[("deadline", &deadline)])}</p>
        }
        .into_any();
    }
    let selected = RwSignal::new(
        enrolment
            .weekdays
            .iter()
            .map(|day| day.code().to_owned())
            .collect::<Vec<String>>(),
    );
    let form_check = FormCheck::new(FIELDS);
    Effect::new(move |_| has_errors.set(form_check.has_summary().get()));
    let done = RwSignal::new(false);
    let form = move || WeekdaysForm {
        weekdays: CanteenDay::ALL
            .into_iter()
            .filter(|day| selected.with_untracked(|s| s.iter().any(|code| code == day.code())))
            .collect(),
    };
    let errors = move || check(&form());
    let options = if enrolment.serves_wednesday {
        DAYS_WITH_WEDNESDAY
    } else {
        DAYS_WITHOUT_WEDNESDAY
    };
    let id = enrolment.id.clone();
    let today = enrolment.today.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        done.set(false);
        if !form_check.submit(&errors()) {
            return;
        }
        let (id, form, today) = (id.clone(), form(), today.clone());
        form_check.send(
            async move { canteen::change_weekdays(&id, &form).await },
            move |outcome| match outcome {
                Ok(changed) => {
                    weekdays.try_set(changed.weekdays.clone());
                    meals.try_set(
                        changed
                            .meals
                            .into_iter()
                            .filter(|meal| meal.day >= today)
                            .collect(),
                    );
                    done.try_set(true);
                }
                Err(ApiError::Refused(code)) if code == refusal::WEEKDAYS_DEADLINE_PASSED => {
                    form_check.refused(Key::canteen_weekdays_too_late)
                }
                Err(error) => form_check.refused_by_server(error),
            },
        );
    };
    view! {
        <h2>{move || i18n.t(Key::canteen_weekdays_heading)}</h2>
        <p>{i18n.format(Key::canteen_weekdays_intro, &[("deadline", &deadline)])}</p>
        <ErrorSummary errors=form_check.summary() />
        <form novalidate on:submit=on_submit>
            <CheckboxGroup name="jours" legend=Key::canteen_enrol_days_legend
                options=Signal::stored(options) selected error=form_check.error("weekdays")
                on_change=Callback::new(move |()| form_check.typed("weekdays", &errors())) />
            <SubmitButton form_check label=Key::canteen_weekdays_submit secondary=true />
        </form>
        <p role="status">{move || done.get().then(|| i18n.t(Key::canteen_weekdays_done))}</p>
    }
    .into_any()
}
