//! The pupil's card, its own small app under `/carte/`: a pupil's phone never downloads the
//! family's pages. It opens with a personal link's key (in the address's fragment) or with the
//! Pass+ number and date of birth, keeps its key and last status on the device, shows the kept
//! status at once and reads it again from the server; an access a parent revoked, or leaving
//! the card, removes what the device kept.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::card::{CardOpened, CardStatus};

use crate::api;
use crate::api::card::Read;
use crate::card::card_view::CardView;
use crate::card::opening_form::OpeningForm;
use crate::card::storage;
use crate::i18n::{provide_i18n, Key, Lang};
use crate::nav::focus::focus_element_by_id;
use crate::shell::document_title::use_document_title;
use crate::shell::language_switch::LanguageSwitch;

/// The paragraph that says why the card is gone (left, or its access ended).
const NOTICE_ID: &str = "carte-message";

#[component]
pub fn CardApp(lang: Lang) -> impl IntoView {
    let i18n = provide_i18n(lang);
    // English chosen on this device comes from the server at its first use: French until then.
    if i18n.lang() != lang {
        i18n.set(lang);
    }
    use_document_title(Key::card_title, Signal::stored(false));
    if let Some(key) = storage::take_key_from_address() {
        storage::keep_key(&key);
    }
    let card = RwSignal::new(storage::status());
    let offline = RwSignal::new(false);
    // Why the card is gone, said above the form.
    let notice = RwSignal::new(None::<Key>);
    let refresh = move || {
        let Some(key) = storage::key() else {
            return;
        };
        spawn_local(async move {
            match api::card::status(&key).await {
                Read::Card(status, json) => show(card, offline, &status, &json),
                Read::Ended => {
                    storage::forget();
                    card.try_set(None);
                    notice.try_set(Some(Key::card_ended));
                }
                // No connection, or the server cannot say: the kept card stays, said so.
                Read::NotNow => {
                    offline.try_set(true);
                }
            }
        });
    };
    refresh();
    let opened = Callback::new(move |(opened, json): (CardOpened, String)| {
        storage::keep_key(&opened.token);
        notice.set(None);
        show(card, offline, &opened.card, &card_json(&json));
    });
    let leave = move |_| {
        storage::forget();
        card.set(None);
        notice.set(Some(Key::card_left));
        // The button is gone with the card: focus goes to what is said of it, once drawn.
        request_animation_frame(|| focus_element_by_id(NOTICE_ID));
    };
    view! {
        <header class="card-header">
            <p class="card-header__brand">{move || i18n.t(Key::card_brand)}</p>
            <LanguageSwitch />
        </header>
        <main id="contenu" class="card-main" tabindex="-1">
            <h1>{move || i18n.t(Key::card_title)}</h1>
            {move || match card.get() {
                Some(status) => view! {
                    <CardView card=status offline=offline.into() />
                    <p><button type="button" class="button button--secondary" on:click=leave>
                        {move || i18n.t(Key::card_leave)}
                    </button></p>
                }.into_any(),
                None => view! {
                    <p class="card-notice" id=NOTICE_ID tabindex="-1" role="status">{move || notice.get().map(|key| i18n.t(key))}</p>
                    <p>{move || i18n.t(Key::card_intro)}</p>
                    <OpeningForm on_opened=opened />
                }.into_any(),
            }}
        </main>
    }
}

/// The card part of an opening's answer, as the server wrote it.
fn card_json(opened: &str) -> String {
    js_sys::JSON::parse(opened)
        .ok()
        .and_then(|value| js_sys::Reflect::get(&value, &"card".into()).ok())
        .and_then(|card| js_sys::JSON::stringify(&card).ok())
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

fn show(
    card: RwSignal<Option<CardStatus>>,
    offline: RwSignal<bool>,
    status: &CardStatus,
    json: &str,
) {
    storage::keep_status(json);
    offline.try_set(false);
    card.try_set(Some(status.clone()));
}
