//! The pupil form, shared by the "add" and "change" pages: names, date of birth, collège, class,
//! bourse and its certificate, identity photo. Every rule is the shared crate's, run in the
//! browser first; the server runs them again, with the eligibility rule and the files' content.

use leptos::prelude::*;
use passplus_validation::birth_date::BirthDateParts;
use passplus_validation::codes::refusal;
use passplus_validation::upload::{UploadKind, MAX_BYTES};
use passplus_validation::{
    codes, Date, FieldErrors, PupilForm, PupilSummary, SchoolClass, SchoolYear,
};
use web_sys::File;

use crate::api::http_client::InFlight;
use crate::api::http_client::Sending;
use crate::api::pupils;
use crate::api::ApiError;
use crate::colleges::college_picker::{college_label, CollegePicker};
use crate::form::choice::{Checkbox, RadioGroup};
use crate::form::date_fields::DateFields;
use crate::form::error_summary::ErrorSummary;
use crate::form::file_field::{declared_error, declared_error_of, FileField};
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key, Text};
use crate::pupils::photo_scaling;

const FIELDS: &[FormField] = &[
    FormField {
        name: "given_name",
        id: "eleve-prenom",
    },
    FormField {
        name: "family_name",
        id: "eleve-nom",
    },
    FormField {
        name: "birth_date",
        id: "naissance-jour",
    },
    FormField {
        name: "college_uai",
        id: "college",
    },
    FormField {
        name: "class",
        id: "classe-6e",
    },
    FormField {
        name: "bourse_certificate",
        id: "attestation",
    },
    FormField {
        name: "photo",
        id: "photo",
    },
];

const CLASSES: &[(&str, Key)] = &[
    ("6e", Key::class_6e),
    ("5e", Key::class_5e),
    ("4e", Key::class_4e),
    ("3e", Key::class_3e),
    ("ulis", Key::class_ulis),
    ("segpa", Key::class_segpa),
];

/// The part of the date of birth an error is about, where the summary leads.
fn birth_date_input(code: &str) -> &'static str {
    match code {
        "birth_date_month_missing" => "naissance-mois",
        "birth_date_year_missing" | "birth_date_year_four_digits" => "naissance-annee",
        _ => "naissance-jour",
    }
}

/// Today in the browser, for the age rule (the server decides with its own clock).
fn today() -> Date {
    Date::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64)
}

/// The form's values, as signals.
#[derive(Clone, Copy)]
struct Values {
    given_name: RwSignal<String>,
    family_name: RwSignal<String>,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    college_text: RwSignal<String>,
    college_uai: RwSignal<String>,
    class: RwSignal<String>,
    bourse_holder: RwSignal<bool>,
    certificate: RwSignal<Option<File>, LocalStorage>,
    photo: RwSignal<Option<File>, LocalStorage>,
    /// An enrolled pupil's school year, which their age is counted for; `None` for a new one.
    school_year: Option<i32>,
}

impl Values {
    fn new(existing: Option<&PupilSummary>) -> Values {
        let birth = existing
            .and_then(|pupil| Date::parse_iso(&pupil.birth_date))
            .map(BirthDateParts::from_date)
            .unwrap_or_default();
        let text = |value: Option<String>| RwSignal::new(value.unwrap_or_default());
        Values {
            given_name: text(existing.map(|p| p.given_name.clone())),
            family_name: text(existing.map(|p| p.family_name.clone())),
            day: RwSignal::new(birth.day),
            month: RwSignal::new(birth.month),
            year: RwSignal::new(birth.year),
            college_text: text(
                existing.map(|p| match (&p.college_name, &p.college_commune) {
                    (Some(name), Some(commune)) => college_label(name, commune, &p.college_uai),
                    _ => p.college_uai.clone(),
                }),
            ),
            college_uai: text(existing.map(|p| p.college_uai.clone())),
            class: text(existing.map(|p| p.class.clone())),
            bourse_holder: RwSignal::new(existing.is_some_and(|p| p.bourse_holder)),
            certificate: RwSignal::new_local(None),
            photo: RwSignal::new_local(None),
            school_year: existing.map(|p| p.school_year),
        }
    }

    fn form(self) -> PupilForm {
        PupilForm {
            given_name: self.given_name.get_untracked(),
            family_name: self.family_name.get_untracked(),
            birth_date: BirthDateParts {
                day: self.day.get_untracked(),
                month: self.month.get_untracked(),
                year: self.year.get_untracked(),
            },
            college_uai: self.college_uai.get_untracked(),
            class: self.class.get_untracked(),
            bourse_holder: self.bourse_holder.get_untracked(),
        }
    }

    /// The school year the pupil is enrolled for: a saved pupil's, or the one a new pupil is
    /// added for today (the next from 1 July).
    fn school_year(self, today: Date) -> SchoolYear {
        self.school_year.map_or_else(
            || SchoolYear::applied_for_on(today),
            |start_year| SchoolYear { start_year },
        )
    }

    /// The shared rules, and what only the browser can tell: a collège name typed but not
    /// chosen, and the chosen files' declared type and size.
    fn errors(self) -> FieldErrors {
        let today = today();
        let mut errors = match self.form().validate_for(self.school_year(today), today) {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from(&errors),
        };
        let mut set = |field: &str, code: Option<String>| {
            if let Some(code) = code {
                errors.fields.insert(field.to_owned(), vec![code]);
            }
        };
        if self.college_uai.with_untracked(String::is_empty) {
            let typed = !self.college_text.with_untracked(|t| t.trim().is_empty());
            set(
                "college_uai",
                Some(
                    if typed {
                        "college_not_chosen"
                    } else {
                        "college_empty"
                    }
                    .into(),
                ),
            );
        }
        // A photo the browser will scale is checked on its type here, on its size once scaled
        // (`pupils::save`): a 13 Mo photo from a phone leaves as a few hundred kilobytes.
        set(
            "photo",
            self.photo.with_untracked(|f| {
                f.as_ref().and_then(|f| {
                    let size = if photo_scaling::can_scale() {
                        (f.size() as u64).min(MAX_BYTES)
                    } else {
                        f.size() as u64
                    };
                    declared_error_of(UploadKind::Photo, &f.type_(), size)
                })
            }),
        );
        if self.bourse_holder.get_untracked() {
            let code = self.certificate.with_untracked(|f| {
                f.as_ref()
                    .and_then(|f| declared_error(UploadKind::BourseCertificate, f))
            });
            set("bourse_certificate", code);
        }
        errors
    }

    /// Ready for the next child of the same family: what siblings share stays.
    fn clear_for_sibling(self) {
        for value in [self.given_name, self.day, self.month, self.year, self.class] {
            value.try_set(String::new());
        }
        self.bourse_holder.try_set(false);
        self.certificate.try_set(None);
        self.photo.try_set(None);
    }
}

#[component]
pub fn PupilFormView(
    /// The pupil being changed, or `None` to add one.
    existing: Option<PupilSummary>,
    submit_label: Key,
    /// Set while the form shows a refused submit's errors, for the page's title.
    has_errors: RwSignal<bool>,
    /// Called with the pupil as saved.
    on_saved: Callback<PupilSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pupil_id = existing.as_ref().map(|p| p.id.clone());
    let values = Values::new(existing.as_ref());
    let errors = move || values.errors();
    let form_check = FormCheck::new(FIELDS).with_input_in_error("birth_date", birth_date_input);
    // The questions name the school year they are about: its first September.
    let year = values.school_year(today()).start_year;
    Effect::new(move |_| has_errors.set(form_check.has_summary().get()));
    // Unticking "boursier" removes the certificate's field: the file chosen in it goes too, so
    // that ticking again does not send a file the person no longer sees.
    Effect::new(move |_| {
        if !values.bourse_holder.get() {
            values.certificate.set(None);
        }
    });
    // File inputs cannot be emptied from code: a new form instance clears them after a save.
    let generation = RwSignal::new(0u32);
    let sending = RwSignal::new(None::<Sending>);
    // A parent who leaves the page mid-upload gives it up: nothing is stored unseen.
    let in_flight = StoredValue::new_local(InFlight::default());
    on_cleanup(move || {
        in_flight.try_with_value(InFlight::abort);
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !form_check.submit(&errors()) {
            return;
        }
        let form = values.form();
        let photo = values.photo.get_untracked();
        let certificate = values
            .bourse_holder
            .get_untracked()
            .then(|| values.certificate.get_untracked())
            .flatten();
        let pupil_id = pupil_id.clone();
        let adding = pupil_id.is_none();
        let report = std::rc::Rc::new(move |step| {
            sending.try_set(Some(step));
        });
        let in_flight = in_flight.try_get_value().unwrap_or_default();
        form_check.send(
            async move {
                pupils::save(
                    pupil_id.as_deref(),
                    &form,
                    photo,
                    certificate,
                    report,
                    in_flight,
                )
                .await
            },
            move |outcome| {
                sending.try_set(None);
                match outcome {
                    Ok(saved) => {
                        // `try_`: the person may have left the page while the files were uploading.
                        if adding {
                            values.clear_for_sibling();
                            generation.try_update(|g| *g += 1);
                        }
                        on_saved.try_run(saved);
                    }
                    Err(ApiError::Refused(code)) if code == refusal::TOO_LARGE => {
                        // Only the files can make a request too large: the photo's field is where
                        // the summary leads.
                        form_check.submitted(&FieldErrors::one("photo", codes::FILE_TOO_LARGE));
                    }
                    Err(ApiError::Refused(code)) if code == refusal::PUPIL_ALREADY_ADDED => {
                        form_check.refused(Key::pupil_already_added);
                    }
                    Err(ApiError::Refused(code)) if code == refusal::TOO_MANY_PUPILS => {
                        form_check.refused(Key::pupil_too_many);
                    }
                    Err(ApiError::Refused(code)) if code == refusal::FILES_QUOTA_REACHED => {
                        form_check.refused(Key::pupil_files_quota);
                    }
                    // The only 429 of the pupils' routes: two of the family's uploads are running.
                    Err(ApiError::TooManyAttempts(_)) => {
                        form_check.refused(Key::pupil_uploads_busy)
                    }
                    Err(error) => form_check.refused_by_server(error),
                }
            },
        );
    };

    let on_input = move |name: &'static str| form_check.on_input(name, errors);
    let on_blur =
        move |name: &'static str, value: RwSignal<String>| form_check.on_blur(name, value, errors);
    let on_date_leave = Callback::new(move |()| {
        let typed = [values.day, values.month, values.year]
            .iter()
            .any(|part| !part.with_untracked(|v| v.trim().is_empty()));
        form_check.left("birth_date", typed, errors);
    });
    let on_college_leave = form_check.on_blur("college_uai", values.college_text, errors);
    let on_file =
        move |name: &'static str| Callback::new(move |()| form_check.chosen(name, &errors()));

    view! {
        <p>{move || i18n.t(Key::pupil_form_intro)}</p>
        <ErrorSummary errors=form_check.summary() />
        <form novalidate on:submit=on_submit>
            <TextField id="eleve-prenom" label=Key::pupil_given_name_label value=values.given_name
                error=form_check.error("given_name") autocomplete="off"
                on_input=on_input("given_name") on_blur=on_blur("given_name", values.given_name) />
            <TextField id="eleve-nom" label=Key::pupil_family_name_label value=values.family_name
                error=form_check.error("family_name") autocomplete="off"
                on_input=on_input("family_name") on_blur=on_blur("family_name", values.family_name) />
            <DateFields id="naissance" legend=Key::pupil_birth_date_legend
                hint=Text::with(Key::pupil_birth_date_hint, "year", year) day=values.day month=values.month year=values.year
                error=form_check.error("birth_date") on_input=on_input("birth_date")
                on_leave=on_date_leave />
            <CollegePicker id="college" text=values.college_text uai=values.college_uai
                error=form_check.error("college_uai") on_input=on_input("college_uai")
                on_leave=on_college_leave />
            <RadioGroup name="classe" legend=Text::with(Key::pupil_class_legend, "year", year)
                options=CLASSES
                selected=values.class error=form_check.error("class")
                on_change=on_input("class") />
            <Checkbox id="boursier" label=Key::pupil_bourse_label hint=Key::pupil_bourse_hint
                checked=values.bourse_holder error=Signal::stored(None) reveals=CERTIFICATE_REVEAL />
            {move || {
                let _ = generation.get();
                view! {
                    <div class="conditional" id=CERTIFICATE_REVEAL
                        hidden=move || !values.bourse_holder.get()>
                        <Show when=move || values.bourse_holder.get()>
                            <FileField id="attestation" label=Key::pupil_certificate_label
                                hint=Key::pupil_certificate_hint kind=UploadKind::BourseCertificate
                                file=values.certificate error=form_check.error("bourse_certificate")
                                on_change=on_file("bourse_certificate") />
                        </Show>
                    </div>
                    <FileField id="photo" label=Key::pupil_photo_label hint=Key::pupil_photo_hint
                        kind=UploadKind::Photo file=values.photo error=form_check.error("photo")
                        on_change=on_file("photo") />
                }
            }}
            <SubmitButton form_check label=submit_label upload=sending />
        </form>
    }
}

/// What ticking "boursier" reveals: the certificate's field.
const CERTIFICATE_REVEAL: &str = "attestation-si-boursier";

/// `4821 0937 5523`, the Pass+ number as printed.
pub fn grouped_pass_number(number: &str) -> String {
    passplus_validation::pass_number::grouped(number)
}

/// The class as families write it.
pub fn class_key(code: &str) -> Option<Key> {
    SchoolClass::from_code(code)?;
    CLASSES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, key)| *key)
}
