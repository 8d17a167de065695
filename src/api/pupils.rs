//! The API client for the family's pupils. Adding or changing a pupil sends one multipart body:
//! the form as JSON and the chosen files, so that the server accepts or refuses them together.

use std::rc::Rc;

use passplus_validation::upload::MAX_BYTES;
use passplus_validation::{codes, FieldErrors, PupilForm, PupilList, PupilSummary};
use web_sys::{Blob, File, FormData};

use crate::api::http_client::{self, Body, InFlight, Sending, Watch};
use crate::api::{get as get_json, json_answer, status_answer, to_json, ApiError};
use crate::pupils::photo_scaling;

pub async fn list() -> Result<PupilList, ApiError> {
    get_json("/api/pupils").await
}

pub async fn get(id: &str) -> Result<PupilSummary, ApiError> {
    get_json(&pupil_path(id)).await
}

/// Adds a pupil (`id` is `None`) or changes one, with the files chosen, if any; `report` is told
/// where it is, and `in_flight` can abort it.
pub async fn save(
    id: Option<&str>,
    form: &PupilForm,
    photo: Option<File>,
    certificate: Option<File>,
    report: Rc<dyn Fn(Sending)>,
    in_flight: InFlight,
) -> Result<PupilSummary, ApiError> {
    let json = to_json(form).ok_or(ApiError::Server)?;
    let body = FormData::new().map_err(|_| ApiError::Server)?;
    body.append_with_str("pupil", &json)
        .map_err(|_| ApiError::Server)?;
    if let Some(photo) = photo {
        report(Sending::ScalingPhoto);
        let scaled = photo_scaling::scaled_down(&photo).await;
        let sent: &Blob = scaled.as_ref().unwrap_or(&photo);
        // A photo over 10 Mo was let through in the hope of scaling it: what goes is checked.
        if sent.size() > MAX_BYTES as f64 {
            return Err(ApiError::Invalid(FieldErrors::one(
                "photo",
                codes::FILE_TOO_LARGE,
            )));
        }
        let appended = match &scaled {
            Some(scaled) => body.append_with_blob_and_filename("photo", scaled, "photo.jpg"),
            None => body.append_with_blob("photo", &photo),
        };
        appended.map_err(|_| ApiError::Server)?;
    }
    if let Some(certificate) = certificate {
        body.append_with_blob("bourse_certificate", &certificate)
            .map_err(|_| ApiError::Server)?;
    }
    let (method, path) = match id {
        Some(id) => ("PUT", pupil_path(id)),
        None => ("POST", "/api/pupils".to_owned()),
    };
    report(Sending::Uploading { percent: 0 });
    let watch = Watch {
        on_progress: http_client::upload_progress(report),
        in_flight,
    };
    json_answer(http_client::send(method, &path, Body::Form(&body), Some(watch)).await)
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
    status_answer(http_client::send("DELETE", path, Body::Empty, None).await)
}
