//! The API client for the family's pupils. Adding or changing a pupil sends one multipart body:
//! the form as JSON and the chosen files, so that the server accepts or refuses them together.

use gloo_net::http::Request;
use passplus_validation::{PupilForm, PupilList, PupilSummary};
use web_sys::{File, FormData};

use crate::api::{json_answer, send, status_answer, to_json, ApiError};

pub async fn list() -> Result<PupilList, ApiError> {
    send(Request::get("/api/pupils")).await
}

pub async fn get(id: &str) -> Result<PupilSummary, ApiError> {
    send(Request::get(&pupil_path(id))).await
}

/// Adds a pupil (`id` is `None`) or changes one, with the files chosen, if any.
pub async fn save(
    id: Option<&str>,
    form: &PupilForm,
    photo: Option<File>,
    certificate: Option<File>,
) -> Result<PupilSummary, ApiError> {
    let json = to_json(form).ok_or(ApiError::Server)?;
    let body = FormData::new().map_err(|_| ApiError::Server)?;
    body.append_with_str("pupil", &json)
        .map_err(|_| ApiError::Server)?;
    for (name, file) in [("photo", photo), ("bourse_certificate", certificate)] {
        if let Some(file) = file {
            body.append_with_blob(name, &file)
                .map_err(|_| ApiError::Server)?;
        }
    }
    let request = match id {
        Some(id) => Request::put(&pupil_path(id)),
        None => Request::post("/api/pupils"),
    };
    let request = request.body(body).map_err(|_| ApiError::Server)?;
    json_answer(request.send().await).await
}

pub async fn remove(id: &str) -> Result<(), ApiError> {
    delete(&pupil_path(id)).await
}

pub async fn remove_photo(id: &str) -> Result<(), ApiError> {
    delete(&photo_path(id)).await
}

pub fn pupil_path(id: &str) -> String {
    format!("/api/pupils/{}", js_sys::encode_uri_component(id))
}

pub fn photo_path(id: &str) -> String {
    format!("{}/photo", pupil_path(id))
}

pub fn certificate_path(id: &str) -> String {
    format!("{}/bourse-certificate", pupil_path(id))
}

async fn delete(path: &str) -> Result<(), ApiError> {
    status_answer(Request::delete(path).send().await).await
}
