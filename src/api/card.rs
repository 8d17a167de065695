//! The API client for the pupil's card: opening it on a device and reading it with the key the
//! device keeps; and a parent's view of it: the accesses that reach it, a new personal link, a
//! revocation.

use passplus_validation::card::{
    CardAccessList, CardLinkCreated, CardOpened, CardOpeningForm, CardStatus,
};

use crate::api::http_client::{self, Body};
use crate::api::pupils::pupil_path;
use crate::api::{from_json, get, json_answer, status_answer, to_json, ApiError};

/// What opening the card gave. The card reads its answers itself: the apps' error mapping (and
/// the 422's field map) is more than its one form needs.
pub enum Opening {
    /// The card and its key, with the answer as the server wrote it.
    Opened(CardOpened, String),
    /// The number and the date do not go together (`card_not_found`).
    NotFound,
    TooManyAttempts,
    Failed,
}

pub async fn open(form: &CardOpeningForm) -> Opening {
    let Some(json) = to_json(form) else {
        return Opening::Failed;
    };
    match http_client::send("POST", "/api/card/accesses", Body::Json(&json), None).await {
        Ok(answer) if answer.status == 201 => match from_json(&answer.text) {
            Some(opened) => Opening::Opened(opened, answer.text),
            None => Opening::Failed,
        },
        Ok(answer) if answer.status == 404 => Opening::NotFound,
        Ok(answer) if answer.status == 429 => Opening::TooManyAttempts,
        _ => Opening::Failed,
    }
}

/// What reading the card with its key gave.
pub enum Read {
    /// The card, with the answer as the server wrote it (kept for offline).
    Card(CardStatus, String),
    /// The key opens nothing any more (revoked, `card_access_ended`).
    Ended,
    /// No connection, or no answer to use: try later.
    NotNow,
}

pub async fn status(key: &str) -> Read {
    match http_client::get_with_key("/api/card", key).await {
        Ok(answer) if answer.ok() => match from_json(&answer.text) {
            Some(card) => Read::Card(card, answer.text),
            None => Read::NotNow,
        },
        Ok(answer) if answer.status == 401 => Read::Ended,
        _ => Read::NotNow,
    }
}

pub async fn accesses(pupil_id: &str) -> Result<CardAccessList, ApiError> {
    get(&format!("{}/card-accesses", pupil_path(pupil_id))).await
}

pub async fn create_link(pupil_id: &str) -> Result<CardLinkCreated, ApiError> {
    let path = format!("{}/card-links", pupil_path(pupil_id));
    json_answer(http_client::send("POST", &path, Body::Json("{}"), None).await)
}

pub async fn revoke(pupil_id: &str, access_id: &str) -> Result<(), ApiError> {
    let path = format!(
        "{}/card-accesses/{}",
        pupil_path(pupil_id),
        js_sys::encode_uri_component(access_id)
    );
    status_answer(http_client::send("DELETE", &path, Body::Empty, None).await)
}
