//! The year's tax notice: where it stands, a link to the one sent, a form to send it (or a
//! newer one), and a button to remove it while it waits. The chosen file is checked at once
//! with the shared upload rules; the server checks its content again.

use leptos::prelude::*;
use passplus_validation::canteen::answers::{CanteenPrice, TaxNoticeStatus};
use passplus_validation::codes::{self, refusal};
use passplus_validation::upload::UploadKind;
use passplus_validation::FieldErrors;
use web_sys::File;

use crate::api::canteen;
use crate::api::http_client::{InFlight, Sending};
use crate::api::ApiError;
use crate::form::error_summary::ErrorSummary;
use crate::form::file_field::{declared_error, FileField};
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::i18n::{use_i18n, Key};

const FIELDS: &[FormField] = &[FormField {
    name: "tax_notice",
    id: "avis",
}];

fn status_key(status: TaxNoticeStatus) -> Key {
    match status {
        TaxNoticeStatus::Missing => Key::canteen_notice_missing,
        TaxNoticeStatus::Pending => Key::canteen_notice_pending,
        TaxNoticeStatus::Validated => Key::canteen_notice_validated,
        TaxNoticeStatus::Refused => Key::canteen_notice_refused,
    }
}

/// What sending a notice does to the one already sent.
fn replace_key(status: TaxNoticeStatus) -> Key {
    if status == TaxNoticeStatus::Validated {
        Key::canteen_notice_replace_validated
    } else {
        Key::canteen_notice_replace
    }
}

/// The shared rule on the chosen file, or that none is chosen.
fn errors_of(file: Option<&File>) -> FieldErrors {
    let code = match file {
        None => Some(codes::TAX_NOTICE_MISSING.to_owned()),
        Some(file) => declared_error(UploadKind::TaxNotice, file),
    };
    code.map(|code| FieldErrors::one("tax_notice", &code))
        .unwrap_or_default()
}

#[component]
pub fn TaxNoticeForm(
    school_year: i32,
    price: RwSignal<CanteenPrice>,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let file = RwSignal::new_local(None::<File>);
    let errors = move || file.with_untracked(|file| errors_of(file.as_ref()));
    let form_check = FormCheck::new(FIELDS);
    Effect::new(move |_| has_errors.set(form_check.has_summary().get()));
    let status = move || price.get().tax_notice;
    // What a button did, said in a live region always in the page.
    let announced = RwSignal::new(None::<Key>);
    let sending = RwSignal::new(None::<Sending>);
    // File inputs cannot be emptied from code: a new field replaces the one just sent.
    let generation = RwSignal::new(0u32);
    // A parent who leaves the page mid-upload gives it up: nothing is stored unseen.
    let in_flight = StoredValue::new_local(InFlight::default());
    on_cleanup(move || {
        in_flight.try_with_value(InFlight::abort);
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        announced.set(None);
        if !form_check.submit(&errors()) {
            return;
        }
        let Some(chosen) = file.get_untracked() else {
            return;
        };
        let report = std::rc::Rc::new(move |step| {
            sending.try_set(Some(step));
        });
        let in_flight = in_flight.try_get_value().unwrap_or_default();
        form_check.send(
            async move { canteen::send_tax_notice(school_year, chosen, report, in_flight).await },
            move |outcome| {
                sending.try_set(None);
                match outcome {
                    Ok(now) => {
                        price.try_set(now);
                        file.try_set(None);
                        generation.try_update(|generation| *generation += 1);
                        announced.try_set(Some(Key::canteen_notice_sent));
                    }
                    Err(ApiError::Refused(code)) if code == refusal::TOO_LARGE => {
                        form_check
                            .submitted(&FieldErrors::one("tax_notice", codes::FILE_TOO_LARGE));
                    }
                    Err(error) => form_check.refused_by_server(error),
                }
            },
        );
    };

    let removing = RwSignal::new(false);
    let remove = move |_| {
        if removing.get_untracked() {
            return;
        }
        removing.set(true);
        announced.set(None);
        leptos::task::spawn_local(async move {
            let outcome = canteen::remove_tax_notice(school_year).await;
            removing.try_set(false);
            let said = match outcome {
                Ok(now) => {
                    price.try_set(now);
                    Key::canteen_notice_removed
                }
                Err(ApiError::Refused(code)) if code == refusal::TAX_NOTICE_VALIDATED => {
                    Key::canteen_notice_kept
                }
                Err(_) => Key::canteen_notice_remove_failed,
            };
            announced.try_set(Some(said));
        });
    };

    let sent_href = canteen::tax_notice_path(school_year);
    view! {
        <h2>{move || i18n.t(Key::canteen_notice_heading)}</h2>
        <p>{move || i18n.t(status_key(status()))}</p>
        <Show when=move || status() != TaxNoticeStatus::Missing>
            <p>
                <a href=sent_href.clone() download="">{move || i18n.t(Key::canteen_notice_view)}</a>
            </p>
        </Show>
        <p class="field__hint">{move || i18n.t(Key::canteen_notice_privacy)}</p>
        <Show when=move || status() != TaxNoticeStatus::Missing>
            <p>{move || i18n.t(replace_key(status()))}</p>
        </Show>
        <ErrorSummary errors=form_check.summary() />
        <form novalidate on:submit=on_submit>
            {move || {
                generation.track();
                view! {
                    <FileField id="avis" label=Key::canteen_notice_label
                        hint=Key::canteen_notice_hint kind=UploadKind::TaxNotice required=true
                        file error=form_check.error("tax_notice")
                        on_change=Callback::new(move |()| form_check.chosen("tax_notice", &errors())) />
                }
            }}
            <SubmitButton form_check label=Key::canteen_notice_send upload=sending />
        </form>
        <p class="canteen-announce" role="status">{move || announced.get().map(|key| i18n.t(key))}</p>
        <Show when=move || matches!(status(), TaxNoticeStatus::Pending | TaxNoticeStatus::Refused)>
            <p>
                <button type="button" class="button button--secondary"
                    aria-disabled=move || removing.get().then_some("true") on:click=remove>
                    {move || i18n.t(Key::canteen_notice_remove)}
                </button>
            </p>
        </Show>
    }
}
