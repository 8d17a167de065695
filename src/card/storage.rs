//! What the card keeps on the device, in `localStorage`: the key its access was given and the
//! last status read with it, so that the card opens offline. Leaving the card, or an access a
//! parent revoked, removes both.

use passplus_validation::card::CardStatus;

use crate::api::from_json;

const KEY_ITEM: &str = "passplus-carte-cle";
const STATUS_ITEM: &str = "passplus-carte-statut";

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

fn item(name: &str) -> Option<String> {
    storage()?.get_item(name).ok().flatten()
}

pub fn key() -> Option<String> {
    item(KEY_ITEM).filter(|key| !key.is_empty())
}

pub fn status() -> Option<CardStatus> {
    from_json(&item(STATUS_ITEM)?)
}

/// Keeps the key; the status read before with another key goes.
pub fn keep_key(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY_ITEM, key);
        let _ = storage.remove_item(STATUS_ITEM);
    }
}

/// Keeps the status as the server wrote it (JSON), for the card to open offline.
pub fn keep_status(json: &str) {
    if let Some(storage) = storage() {
        // A full storage only costs the offline copy.
        let _ = storage.set_item(STATUS_ITEM, json);
    }
}

pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY_ITEM);
        let _ = storage.remove_item(STATUS_ITEM);
    }
}

/// The key of a personal link, from the address's fragment (`#cle=…`); the fragment is then
/// removed from the address, so that the key is not left in the history or a shared copy.
pub fn take_key_from_address() -> Option<String> {
    let location = leptos::prelude::window().location();
    let hash = location.hash().ok()?;
    let prefix = format!("#{}=", passplus_validation::links::CARD_KEY_PARAMETER);
    let key = hash.strip_prefix(&prefix)?.to_owned();
    if let (Ok(history), Ok(path)) = (leptos::prelude::window().history(), location.pathname()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    (!key.is_empty()).then_some(key)
}
