//! Re-enrolment in one step: the children enrolled the school year before are enrolled again
//! with the same days (Wednesday only where it is still served), diet and PAI flag, in the class
//! after. The server applies every rule of an enrolment (a child past 3e is not offered it).

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::canteen::answers::{CanteenOffer, CanteenPupil, CanteenYear};
use passplus_validation::canteen::choices::{CanteenDay, CanteenEnrolmentForm, EnrolmentChoice};

use crate::api::canteen;
use crate::canteen::words::{days_text, diet_key};
use crate::i18n::{use_i18n, year_text, Key};
use crate::pupils::pupil_form::class_key;

/// The year before's choices of a child that can be enrolled, as they can be repeated.
fn repeated_choice(pupil: &CanteenPupil) -> Option<EnrolmentChoice> {
    let before = pupil.year_before.as_ref()?;
    if pupil.offer != CanteenOffer::Open {
        return None;
    }
    let weekdays: Vec<CanteenDay> = before
        .weekdays
        .iter()
        .copied()
        .filter(|day| *day != CanteenDay::Wednesday || pupil.serves_wednesday)
        .collect();
    (!weekdays.is_empty()).then(|| EnrolmentChoice {
        pupil_id: pupil.pupil_id.clone(),
        weekdays,
        diet: before.diet,
        allergy_plan: before.allergy_plan,
    })
}

/// The offer for `year`, if a child of it was enrolled the year before; `on_done` once the
/// enrolments are recorded (the overview reads them again).
#[component]
pub fn ReEnrolment(year: CanteenYear, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let repeated: Vec<(CanteenPupil, EnrolmentChoice)> = year
        .pupils
        .iter()
        .filter_map(|pupil| Some((pupil.clone(), repeated_choice(pupil)?)))
        .collect();
    if repeated.is_empty() {
        return ().into_any();
    }
    let name = year_text(year.school_year);
    let before = year_text(year.school_year - 1);
    let form = CanteenEnrolmentForm {
        school_year: year.school_year,
        pupils: repeated.iter().map(|(_, choice)| choice.clone()).collect(),
    };
    let sending = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        failed.set(false);
        let form = form.clone();
        spawn_local(async move {
            let outcome = canteen::enrol(&form).await;
            sending.try_set(false);
            match outcome {
                Ok(_) => on_done.run(()),
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    };
    let items = repeated
        .into_iter()
        .map(|(pupil, choice)| {
            let class = class_key(&pupil.class)
                .map(|key| i18n.t(key).to_owned())
                .unwrap_or_else(|| pupil.class.clone());
            let text = move || {
                let mut text = i18n.format(
                    Key::canteen_reenrol_item,
                    &[
                        ("name", &pupil.given_name),
                        ("class", &class),
                        ("days", &days_text(i18n, &choice.weekdays)),
                        ("diet", i18n.t(diet_key(choice.diet))),
                    ],
                );
                if choice.allergy_plan {
                    text = format!("{text} {}", i18n.t(Key::canteen_enrolled_allergy));
                }
                text
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    let heading = move || i18n.format(Key::canteen_reenrol_heading, &[("year", &name)]);
    let intro = move || i18n.format(Key::canteen_reenrol_intro, &[("before", &before)]);
    view! {
        <div class="panel canteen-reenrol">
            <h3>{heading}</h3>
            <p>{intro}</p>
            <ul>{items}</ul>
            <button type="button" class="button" on:click=send
                aria-disabled=move || sending.get().then_some("true")>
                {move || i18n.t(Key::canteen_reenrol_submit)}
            </button>
            <p role="status">
                {move || failed.get().then(|| i18n.t(Key::canteen_reenrol_failed))}
            </p>
        </div>
    }
    .into_any()
}
