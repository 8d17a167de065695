//! The API client for a parent's view of a pupil's card: the accesses that reach it, a new
//! personal link, a revocation.

use passplus_validation::card::{CardAccessList, CardLinkCreated};

use crate::api::http_client::{self, Body};
use crate::api::pupils::pupil_path;
use crate::api::{get, json_answer, status_answer, ApiError};

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
