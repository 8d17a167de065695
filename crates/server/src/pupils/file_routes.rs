//! `/api/pupils/{id}/photo` and `/api/pupils/{id}/bourse-certificate`: a pupil's files, read or
//! removed by the family only. Never cached, never guessed from a path: the database says which
//! file on disk belongs to which pupil of which family.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use passplus_validation::upload::UploadKind;

use super::store::{self, kind_name};
use crate::accounts::sessions::CurrentSession;
use crate::http::downloads::{self, extension_of, Disposition};
use crate::http::error::{AppError, ErrorBody};
use crate::http::openapi::FileBytes;
use crate::platform::db;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/pupils/{id}/photo",
    operation_id = "pupilPhoto",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (
            status = 200,
            description = "The identity photo, as stored (re-encoded, without metadata)",
            content_type = "image/jpeg",
            body = FileBytes,
        ),
        (
            status = 404,
            description = "No such pupil in this family's account, or no such file (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn photo(
    state: State<AppState>,
    session: CurrentSession,
    pupil_id: Path<String>,
) -> Result<Response, AppError> {
    download(state, session, pupil_id, UploadKind::Photo).await
}

#[utoipa::path(
    get,
    path = "/api/pupils/{id}/bourse-certificate",
    operation_id = "bourseCertificate",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (
            status = 200,
            description = "The bourse certificate, as an attachment",
            content( (FileBytes = "application/pdf"), (FileBytes = "image/jpeg"), ),
        ),
        (
            status = 404,
            description = "No such pupil in this family's account, or no such file (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn certificate(
    state: State<AppState>,
    session: CurrentSession,
    pupil_id: Path<String>,
) -> Result<Response, AppError> {
    download(state, session, pupil_id, UploadKind::BourseCertificate).await
}

#[utoipa::path(
    delete,
    path = "/api/pupils/{id}/photo",
    operation_id = "removePupilPhoto",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (status = 204, description = "The photo is removed"),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`); no file is no error",
            body = ErrorBody,
        ),
    ),
)]
pub async fn remove_photo(
    state: State<AppState>,
    session: CurrentSession,
    pupil_id: Path<String>,
) -> Result<StatusCode, AppError> {
    remove(state, session, pupil_id, UploadKind::Photo).await
}

#[utoipa::path(
    delete,
    path = "/api/pupils/{id}/bourse-certificate",
    operation_id = "removeBourseCertificate",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (status = 204, description = "The certificate is removed"),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`); no file is no error",
            body = ErrorBody,
        ),
    ),
)]
pub async fn remove_certificate(
    state: State<AppState>,
    session: CurrentSession,
    pupil_id: Path<String>,
) -> Result<StatusCode, AppError> {
    remove(state, session, pupil_id, UploadKind::BourseCertificate).await
}

async fn download(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
    kind: UploadKind,
) -> Result<Response, AppError> {
    let Some(file) =
        store::find_file(&state.pool, &session.account_id, &pupil_id, kind_name(kind)).await?
    else {
        return Err(store::not_found_for(&state.pool, &session.account_id, &pupil_id).await);
    };
    let extension = extension_of(&file.media_type);
    // A photo shows in the page; a certificate downloads rather than opening inside the site.
    let (disposition, name) = match kind {
        UploadKind::Photo => (Disposition::Inline, "photo"),
        _ => (Disposition::Attachment, "attestation-de-bourse"),
    };
    let file_name = format!("{name}.{extension}");
    Ok(downloads::file(
        &file.media_type,
        disposition,
        &file_name,
        file.bytes,
    ))
}

async fn remove(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
    kind: UploadKind,
) -> Result<StatusCode, AppError> {
    let mut transaction = db::begin(&state.pool).await?;
    if store::find(&mut transaction, &session.account_id, &pupil_id)
        .await?
        .is_none()
    {
        drop(transaction);
        return Err(store::not_found_for(&state.pool, &session.account_id, &pupil_id).await);
    }
    store::remove_file(&mut transaction, &pupil_id, kind_name(kind)).await?;
    transaction.commit().await?;
    tracing::info!(event = "pupil_file", action = "removed", pupil = %pupil_id);
    Ok(StatusCode::NO_CONTENT)
}
