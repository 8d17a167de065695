//! "Carte de l'élève" (`?eleve=…`): how a child opens its card on a phone — with its Pass+
//! number and date of birth, or with a personal link the parent makes here (shown once, with
//! its QR code drawn by the server) — and every device or link that reaches the card, when it
//! was last used, each revoked with one button.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::card::{CardAccess, CardAccessKind, CardLinkCreated};
use passplus_validation::codes::refusal;
use passplus_validation::links::CARD_PATH;
use passplus_validation::pass_number::grouped;
use passplus_validation::PupilSummary;

use crate::accounts::signed_in::SignedIn;
use crate::api::{self, ApiError};
use crate::canteen::loaded::{loaded_content, Loaded, OnLanguage};
use crate::canteen::year_page::BackToCanteen;
use crate::i18n::{local_date_time, use_i18n, I18n, Key};
use crate::nav::focus::focus_element_by_id;
use crate::nav::location::use_location;
use crate::nav::routes::PUPIL_PARAMETER;
use crate::shell::document_title::use_document_title;

/// The id of the heading of the list of accesses, where focus goes once one is revoked.
const ACCESSES_HEADING: &str = "appareils";

#[component]
pub fn CardAccessPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Key::canteen_card_title, Signal::stored(false));
    let id = use_location().query(PUPIL_PARAMETER).unwrap_or_default();
    let pupil: Loaded<PupilSummary> = RwSignal::new(None);
    spawn_local(async move {
        pupil.try_set(Some(api::pupils::get(&id).await));
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::canteen_card_title)}</h1>
        <SignedIn>
            {loaded_content(pupil, Key::canteen_card_not_found, OnLanguage::Keep, |pupil| {
                view! { <PupilCard pupil /> }.into_any()
            })}
        </SignedIn>
    }
}

#[component]
fn PupilCard(pupil: PupilSummary) -> impl IntoView {
    let i18n = use_i18n();
    let name = pupil.given_name.clone();
    // Groups joined by no-break spaces: the number is never cut at the end of a line.
    let number = grouped(&pupil.pass_number).replace(' ', "\u{a0}");
    let address = format!(
        "{}{CARD_PATH}",
        window().location().origin().unwrap_or_default()
    );
    let with_number = move || {
        i18n.format(
            Key::canteen_card_with_number,
            &[("number", &number), ("address", &address)],
        )
    };
    let accesses = RwSignal::new(None::<Result<Vec<CardAccess>, ()>>);
    let pupil_id = StoredValue::new(pupil.id.clone());
    let reload = move || {
        let id = pupil_id.get_value();
        spawn_local(async move {
            let listed = api::card::accesses(&id).await;
            accesses.try_set(Some(listed.map(|list| list.accesses).map_err(|_| ())));
        });
    };
    reload();
    let announced = RwSignal::new(None::<String>);
    view! {
        <p class="canteen-who">{
            let name = name.clone();
            move || i18n.format(Key::canteen_card_of, &[("name", &name)])
        }</p>
        <p>{move || i18n.t(Key::canteen_card_intro)}</p>
        <h2>{move || i18n.t(Key::canteen_card_open_heading)}</h2>
        <p>{with_number}</p>
        <p>{move || i18n.t(Key::canteen_card_with_link)}</p>
        <NewLink pupil_id=pupil.id.clone() name=name.clone() on_created=Callback::new(move |()| reload()) />
        <h2 id=ACCESSES_HEADING tabindex="-1">{move || i18n.t(Key::canteen_card_accesses_heading)}</h2>
        // Always in the page, so that screen readers announce what a button did.
        <p class="canteen-announce" role="status">{move || announced.get()}</p>
        {move || match accesses.get() {
            None => view! { <p>{i18n.t(Key::canteen_loading)}</p> }.into_any(),
            Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p>{i18n.t(Key::canteen_card_accesses_none)}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <ul class="card-accesses">
                    {list.into_iter().map(|access| view! {
                        <AccessItem pupil_id=pupil_id.get_value() access accesses announced />
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        <BackToCanteen />
    }
}

/// The button that makes a personal link, and the link made, shown this once.
#[component]
fn NewLink(pupil_id: String, name: String, on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let created = RwSignal::new(None::<CardLinkCreated>);
    let refused = RwSignal::new(None::<Key>);
    let sending = RwSignal::new(false);
    let create = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        refused.set(None);
        let id = pupil_id.clone();
        spawn_local(async move {
            let outcome = api::card::create_link(&id).await;
            sending.try_set(false);
            match outcome {
                Ok(link) => {
                    created.try_set(Some(link));
                    on_created.run(());
                }
                Err(ApiError::Refused(code)) if code == refusal::TOO_MANY_CARD_LINKS => {
                    refused.try_set(Some(Key::canteen_card_too_many));
                }
                Err(_) => {
                    refused.try_set(Some(Key::canteen_card_failed));
                }
            }
        });
    };
    let shown = {
        let name = name.clone();
        move || {
            created.get().map(|link| {
                let qr_label = i18n.format(Key::canteen_card_qr_label, &[("name", &name)]);
                view! {
                    <div class="panel card-link">
                        <p>{i18n.format(Key::canteen_card_created, &[("name", &name)])}</p>
                        // The server draws the code (an SVG of rectangles, nothing else).
                        <div class="card-link__qr" role="img" aria-label=qr_label inner_html=link.qr_svg></div>
                        <label class="field__label" for="lien-carte">{i18n.t(Key::canteen_card_link_label)}</label>
                        <input class="field__input" id="lien-carte" type="text" readonly value=link.url />
                    </div>
                }
            })
        }
    };
    let refusal_text = {
        let name = name.clone();
        move || {
            refused
                .get()
                .map(|key| i18n.format(key, &[("name", &name)]))
        }
    };
    view! {
        <p>
            <button type="button" class="button" on:click=create
                aria-disabled=move || sending.get().then_some("true")>
                {move || i18n.t(Key::canteen_card_create)}
            </button>
        </p>
        <p role="status">{refusal_text}</p>
        {shown}
    }
}

/// When a moment was, or that it never was.
fn moment_text(i18n: I18n, seconds: Option<i64>) -> String {
    match seconds {
        Some(seconds) => local_date_time(seconds, i18n.lang()),
        None => i18n.t(Key::canteen_card_never_used).to_owned(),
    }
}

#[component]
fn AccessItem(
    pupil_id: String,
    access: CardAccess,
    accesses: RwSignal<Option<Result<Vec<CardAccess>, ()>>>,
    announced: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = match access.kind {
        CardAccessKind::Link => Key::canteen_card_kind_link,
        CardAccessKind::Number => Key::canteen_card_kind_number,
    };
    let created = move || {
        i18n.format(
            Key::canteen_card_created_on,
            &[("date", &moment_text(i18n, Some(access.created_at)))],
        )
    };
    let last_used = move || {
        i18n.format(
            Key::canteen_card_last_used,
            &[("date", &moment_text(i18n, access.last_used_at))],
        )
    };
    let busy = RwSignal::new(false);
    let access_id = access.id.clone();
    let revoke = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (pupil_id, access_id) = (pupil_id.clone(), access_id.clone());
        spawn_local(async move {
            let outcome = api::card::revoke(&pupil_id, &access_id).await;
            busy.try_set(false);
            // Already gone (revoked on another device) is gone all the same.
            let gone = match &outcome {
                Ok(()) => true,
                Err(ApiError::Refused(code)) => code == refusal::NOT_FOUND,
                Err(_) => false,
            };
            let said = if gone {
                accesses.try_update(|list| {
                    if let Some(Ok(list)) = list {
                        list.retain(|access| access.id != access_id);
                    }
                });
                Key::canteen_card_revoked
            } else {
                Key::canteen_card_revoke_failed
            };
            announced.try_set(Some(i18n.t(said).to_owned()));
            // The button pressed is gone with its access: focus goes to the list's heading,
            // just above what was said, not back to the top of the page.
            if gone {
                focus_element_by_id(ACCESSES_HEADING);
            }
        });
    };
    view! {
        <li class="panel card-access">
            <p class="card-access__kind">{move || i18n.t(kind)}</p>
            <p>{created}</p>
            <p>{last_used}</p>
            <button type="button" class="button button--secondary" on:click=revoke
                aria-disabled=move || busy.get().then_some("true")>
                {move || i18n.t(Key::canteen_card_revoke)}
                <span class="visually-hidden">" : "{move || i18n.t(kind)}", "{created}</span>
            </button>
        </li>
    }
}
