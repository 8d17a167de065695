//! "Inscrire à la cantine" for a school year (`?annee=2026`): which of the pupils that can be
//! enrolled, their weekdays (the same for all, or each their own), and for each a diet and
//! whether there is a care plan for a food allergy. The shared rules run in the browser; the
//! server runs them again, with the collège's Wednesday and whether each pupil can be enrolled.

use leptos::prelude::*;
use passplus_validation::canteen::answers::{CanteenOffer, CanteenPupil, CanteenYear};
use passplus_validation::canteen::choices::{
    CanteenDay, CanteenEnrolmentForm, Diet, EnrolmentChoice,
};
use passplus_validation::codes::refusal;
use passplus_validation::{check, FieldErrors};

use crate::accounts::signed_in::SignedIn;
use crate::api::canteen;
use crate::api::ApiError;
use crate::canteen::words::{day_text, DAYS_WITHOUT_WEDNESDAY, DAYS_WITH_WEDNESDAY, DIETS};
use crate::canteen::year_page::{load_year_of_page, year_page_content, BackToCanteen};
use crate::form::choice::{Checkbox, CheckboxGroup, RadioGroup};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::i18n::{use_i18n, year_text, Key, Text};
use crate::shell::document_title::use_document_title;

/// At most ten pupils in a family: the ids of each one's controls, by its place on the page.
const PUPIL_IDS: [&str; 10] = [
    "enfant-0", "enfant-1", "enfant-2", "enfant-3", "enfant-4", "enfant-5", "enfant-6", "enfant-7",
    "enfant-8", "enfant-9",
];
const DAYS_NAMES: [&str; 10] = [
    "jours-0", "jours-1", "jours-2", "jours-3", "jours-4", "jours-5", "jours-6", "jours-7",
    "jours-8", "jours-9",
];
const DIET_NAMES: [&str; 10] = [
    "repas-0", "repas-1", "repas-2", "repas-3", "repas-4", "repas-5", "repas-6", "repas-7",
    "repas-8", "repas-9",
];
const ALLERGY_IDS: [&str; 10] = [
    "pai-0", "pai-1", "pai-2", "pai-3", "pai-4", "pai-5", "pai-6", "pai-7", "pai-8", "pai-9",
];
/// The days shared by every pupil.
const SHARED_DAYS: &str = "jours";

/// The page's fields: the pupils chosen, the shared days, then each pupil's days by its place
/// on the page (`days.<place>`; the shared rules' `pupils.<n>.weekdays` are renamed to them).
const FIELDS: &[FormField] = &[
    FormField {
        name: "pupils",
        id: "enfant-0",
    },
    FormField {
        name: "days",
        id: "jours-monday",
    },
    FormField {
        name: "days.0",
        id: "jours-0-monday",
    },
    FormField {
        name: "days.1",
        id: "jours-1-monday",
    },
    FormField {
        name: "days.2",
        id: "jours-2-monday",
    },
    FormField {
        name: "days.3",
        id: "jours-3-monday",
    },
    FormField {
        name: "days.4",
        id: "jours-4-monday",
    },
    FormField {
        name: "days.5",
        id: "jours-5-monday",
    },
    FormField {
        name: "days.6",
        id: "jours-6-monday",
    },
    FormField {
        name: "days.7",
        id: "jours-7-monday",
    },
    FormField {
        name: "days.8",
        id: "jours-8-monday",
    },
    FormField {
        name: "days.9",
        id: "jours-9-monday",
    },
];

#[component]
pub fn EnrolPage() -> impl IntoView {
    let i18n = use_i18n();
    let has_errors = RwSignal::new(false);
    use_document_title(Key::canteen_enrol_title, has_errors.into());
    let year = load_year_of_page();
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_enrol_title)}</h1>
        <SignedIn>
            {year_page_content(year, move |year| view! { <EnrolForm year has_errors /> }.into_any())}
        </SignedIn>
    }
}

/// One pupil that can be enrolled, and its choices.
#[derive(Clone, Copy)]
struct PupilChoices {
    place: usize,
    chosen: RwSignal<bool>,
    days: RwSignal<Vec<String>>,
    diet: RwSignal<String>,
    allergy_plan: RwSignal<bool>,
}

fn days_of(codes: &[String]) -> Vec<CanteenDay> {
    CanteenDay::ALL
        .into_iter()
        .filter(|day| codes.iter().any(|code| code == day.code()))
        .collect()
}

#[component]
fn EnrolForm(year: CanteenYear, has_errors: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let school_year = year.school_year;
    let days_final = !year.may_change_weekdays;
    let any_enrolled = year
        .pupils
        .iter()
        .any(|pupil| pupil.offer == CanteenOffer::Enrolled);
    let open: Vec<CanteenPupil> = year
        .pupils
        .into_iter()
        .filter(|pupil| pupil.offer == CanteenOffer::Open)
        .take(PUPIL_IDS.len())
        .collect();
    if open.is_empty() {
        let why = if any_enrolled {
            Key::canteen_enrol_all_enrolled
        } else {
            Key::canteen_enrol_none_open
        };
        return view! {
            <p>{move || i18n.t(why)}</p>
            <BackToCanteen />
        }
        .into_any();
    }
    let choices: Vec<PupilChoices> = (0..open.len())
        .map(|place| PupilChoices {
            place,
            chosen: RwSignal::new(true),
            days: RwSignal::new(Vec::new()),
            diet: RwSignal::new(Diet::Standard.code().to_owned()),
            allergy_plan: RwSignal::new(false),
        })
        .collect();
    let shared_days = RwSignal::new(Vec::<String>::new());
    let same_days = RwSignal::new(true);
    // The names enrolled, and the first meal reserved.
    let done = RwSignal::new(None::<(Vec<String>, Option<String>)>);
    let form_check = FormCheck::new(FIELDS);
    Effect::new(move |_| has_errors.set(form_check.has_summary().get()));

    let ids: Vec<String> = open.iter().map(|pupil| pupil.pupil_id.clone()).collect();
    let chosen_count =
        move |choices: &[PupilChoices]| choices.iter().filter(|c| c.chosen.get()).count();
    let choices_for_form = choices.clone();
    let shares_days = move || {
        same_days.get_untracked()
            && choices_for_form
                .iter()
                .filter(|c| c.chosen.get_untracked())
                .count()
                > 1
    };
    let form = {
        let choices = choices.clone();
        let ids = ids.clone();
        let shares_days = shares_days.clone();
        move || {
            let shared = shares_days();
            let pupils = choices
                .iter()
                .filter(|c| c.chosen.get_untracked())
                .map(|c| EnrolmentChoice {
                    pupil_id: ids[c.place].clone(),
                    weekdays: days_of(&if shared {
                        shared_days.get_untracked()
                    } else {
                        c.days.get_untracked()
                    }),
                    diet: Diet::from_code(&c.diet.get_untracked()).unwrap_or(Diet::Standard),
                    allergy_plan: c.allergy_plan.get_untracked(),
                })
                .collect();
            CanteenEnrolmentForm {
                school_year,
                pupils,
            }
        }
    };
    // The shared rules' field names, made the page's: each pupil's days by its place, or the
    // shared days.
    let on_page = {
        let choices = choices.clone();
        let shares_days = shares_days.clone();
        move |errors: FieldErrors| {
            let places: Vec<usize> = choices
                .iter()
                .filter(|c| c.chosen.get_untracked())
                .map(|c| c.place)
                .collect();
            let shared = shares_days();
            let mut renamed = FieldErrors::default();
            for (field, codes) in errors.fields {
                let name = match field
                    .strip_prefix("pupils.")
                    .and_then(|rest| rest.strip_suffix(".weekdays"))
                    .and_then(|index| index.parse::<usize>().ok())
                {
                    Some(_) if shared => "days".to_owned(),
                    Some(index) => match places.get(index) {
                        Some(place) => format!("days.{place}"),
                        None => continue,
                    },
                    None => field,
                };
                renamed.fields.entry(name).or_insert(codes);
            }
            renamed
        }
    };
    let errors = {
        let form = form.clone();
        let on_page = on_page.clone();
        move || on_page(check(&form()))
    };
    let recheck = {
        let errors = errors.clone();
        Callback::new(move |()| {
            let errors = errors();
            for field in FIELDS {
                form_check.typed(field.name, &errors);
            }
        })
    };
    // Days chosen for all stay chosen for each when the family unticks "the same days".
    {
        let choices = choices.clone();
        Effect::new(move |previous: Option<bool>| {
            let sharing = same_days.get();
            if previous == Some(true) && !sharing {
                let shared = shared_days.get_untracked();
                for choice in &choices {
                    if choice.days.with_untracked(Vec::is_empty) {
                        choice.days.set(shared.clone());
                    }
                }
            }
            sharing
        });
    }
    // Choosing pupils or sharing their days changes which fields there are: an error shown is
    // checked again at once.
    {
        let choices = choices.clone();
        Effect::new(move |_| {
            choices.iter().for_each(|c| c.chosen.track());
            same_days.track();
            recheck.run(());
        });
    }

    let on_submit = {
        let form = form.clone();
        let errors = errors.clone();
        let open = open.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if !form_check.submit(&errors()) {
                return;
            }
            let form = form();
            let names: Vec<String> = form
                .pupils
                .iter()
                .filter_map(|choice| open.iter().find(|p| p.pupil_id == choice.pupil_id))
                .map(|pupil| pupil.given_name.clone())
                .collect();
            let on_page = on_page.clone();
            form_check.send(
                async move { canteen::enrol(&form).await },
                move |outcome| match outcome {
                    Ok(list) => {
                        let first = list
                            .enrolments
                            .iter()
                            .filter_map(|enrolment| enrolment.meals.first())
                            .map(|meal| meal.day.clone())
                            .min();
                        done.try_set(Some((names, first)));
                    }
                    Err(ApiError::Invalid(errors)) => {
                        form_check.submitted(&on_page(errors));
                    }
                    Err(ApiError::Refused(code)) if code == refusal::ALREADY_ENROLLED => {
                        form_check.refused(Key::canteen_already_enrolled)
                    }
                    Err(ApiError::Refused(code)) if code == refusal::CANTEEN_NOT_OFFERED => {
                        form_check.refused(Key::canteen_not_offered)
                    }
                    Err(error) => form_check.refused_by_server(error),
                },
            );
        }
    };

    let year_name = year_text(school_year);
    let all_serve_wednesday = {
        let open = open.clone();
        let choices = choices.clone();
        Signal::derive(move || {
            choices
                .iter()
                .filter(|c| c.chosen.get())
                .all(|c| open[c.place].serves_wednesday)
        })
    };
    let shared_options = Signal::derive(move || {
        if all_serve_wednesday.get() {
            DAYS_WITH_WEDNESDAY
        } else {
            DAYS_WITHOUT_WEDNESDAY
        }
    });
    let several_chosen = {
        let choices = choices.clone();
        Signal::derive(move || chosen_count(&choices) > 1)
    };
    let sharing = Signal::derive(move || same_days.get() && several_chosen.get());

    // A child's own days are named in the summary: "Inès : Cochez au moins un jour…".
    let whose_field = {
        let names: Vec<String> = open.iter().map(|pupil| pupil.given_name.clone()).collect();
        Callback::new(move |id: &'static str| {
            let place = FIELDS[2..].iter().position(|field| field.id == id)?;
            names.get(place).cloned()
        })
    };

    let confirmation = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if done.get().is_some() {
            if let Some(panel) = confirmation.get() {
                let _ = panel.focus();
            }
        }
    });

    view! {
        <p>{move || i18n.format(Key::canteen_enrol_intro, &[("year", &year_name)])}</p>
        {days_final.then(|| view! { <p>{move || i18n.t(Key::canteen_enrol_days_final)}</p> })}
        {move || done.get().map(|(names, first)| view! {
            <div class="panel panel--success" role="status" tabindex="-1" node_ref=confirmation>
                <h2>{i18n.t(Key::canteen_enrol_done)}</h2>
                <p>{names.join(", ")}</p>
                {first.map(|day| view! {
                    <p>{i18n.format(Key::canteen_enrol_first_meal, &[("date", &day_text(i18n, &day))])}</p>
                })}
                <p>{i18n.t(Key::canteen_enrol_done_text)}</p>
                <BackToCanteen />
            </div>
        })}
        <Show when=move || done.get().is_none()>
            <ErrorSummary errors=form_check.summary() about=whose_field />
            <form novalidate on:submit=on_submit.clone()>
                <fieldset class="fieldset field">
                    <legend class="fieldset__legend">{move || i18n.t(Key::canteen_enrol_pupils_legend)}</legend>
                    {open.iter().zip(choices.iter()).map(|(pupil, choice)| view! {
                        <Checkbox id=PUPIL_IDS[choice.place] label=Text::with(Key::canteen_pupil_label, "name", &pupil.given_name)
                            checked=choice.chosen
                            error=if choice.place == 0 { form_check.error("pupils") } else { Signal::stored(None) } />
                    }).collect_view()}
                </fieldset>
                <Show when=move || several_chosen.get()>
                    <Checkbox id="memes-jours" label=Key::canteen_enrol_same_days checked=same_days
                        error=Signal::stored(None) />
                </Show>
                <Show when=move || sharing.get()>
                    <CheckboxGroup name=SHARED_DAYS legend=Key::canteen_enrol_days_legend
                        hint=Key::canteen_enrol_days_hint options=shared_options selected=shared_days
                        error=form_check.error("days") on_change=recheck />
                </Show>
                {open.iter().zip(choices.iter()).map(|(pupil, choice)| {
                    let choice = *choice;
                    let name = pupil.given_name.clone();
                    let options: &'static [(&'static str, Key)] = if pupil.serves_wednesday {
                        DAYS_WITH_WEDNESDAY
                    } else {
                        DAYS_WITHOUT_WEDNESDAY
                    };
                    let field = FIELDS[2 + choice.place].name;
                    let days_legend = Text::with(Key::canteen_enrol_days_legend_of, "name", &name);
                    let diet_legend = Text::with(Key::canteen_enrol_diet_legend, "name", &name);
                    let allergy_label = Text::with(Key::canteen_enrol_allergy, "name", &name);
                    view! {
                        <Show when=move || choice.chosen.get()>
                            <section class="canteen-pupil">
                                <h2>{name.clone()}</h2>
                                {
                                    let days_legend = days_legend.clone();
                                    view! {
                                        <Show when=move || !sharing.get()>
                                            <CheckboxGroup name=DAYS_NAMES[choice.place]
                                                legend=days_legend.clone()
                                                options=Signal::stored(options) selected=choice.days
                                                error=form_check.error(field) on_change=recheck />
                                        </Show>
                                    }
                                }
                                <RadioGroup name=DIET_NAMES[choice.place]
                                    legend=diet_legend.clone()
                                    options=DIETS selected=choice.diet error=Signal::stored(None) />
                                <Checkbox id=ALLERGY_IDS[choice.place]
                                    label=allergy_label.clone()
                                    hint=Key::canteen_enrol_allergy_hint checked=choice.allergy_plan
                                    error=Signal::stored(None) />
                            </section>
                        </Show>
                    }
                }).collect_view()}
                <SubmitButton form_check label=Key::canteen_enrol_submit />
            </form>
        </Show>
    }
    .into_any()
}
