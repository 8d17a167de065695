//! `/api/pupils`: the signed-in family's pupils — list (the dashboard), add, show, change,
//! remove. Adding and changing take a multipart body (see `pupils::submission`) so that a pupil
//! and its files are accepted or refused together.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::{Date, PupilList, PupilSummary, SchoolYear};

use super::store::{self, BOURSE_CERTIFICATE, PHOTO};
use super::submission::{self, CheckedPupil, PupilSubmission};
use super::{family_limits, pass_numbers};
use crate::accounts::sessions::CurrentSession;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::MultipartBody;
use crate::http::openapi::UploadRefusals;
use crate::platform::db;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/pupils",
    operation_id = "listPupils",
    tag = "pupils",
    security(("session" = [])),
    responses(
        (status = 200, description = "The family's pupils, for the dashboard", body = PupilList),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<PupilList>, AppError> {
    let pupils = store::list(&state.pool, &session.account_id).await?;
    Ok(Json(PupilList { pupils }))
}

#[utoipa::path(
    get,
    path = "/api/pupils/{id}",
    operation_id = "pupil",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (status = 200, description = "The pupil", body = PupilSummary),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
) -> Result<Json<PupilSummary>, AppError> {
    let mut connection = state.pool.acquire().await?;
    match store::find(&mut connection, &session.account_id, &pupil_id).await? {
        Some(pupil) => Ok(Json(pupil)),
        None => Err(store::not_found_for(&state.pool, &session.account_id, &pupil_id).await),
    }
}

#[utoipa::path(
    post,
    path = "/api/pupils",
    operation_id = "addPupil",
    tag = "pupils",
    security(("session" = [])),
    request_body(content = PupilSubmission, content_type = "multipart/form-data"),
    responses(
        (
            status = 201,
            description = "The pupil is added, with its Pass+ number",
            body = PupilSummary,
        ),
        UploadRefusals,
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    session: CurrentSession,
    MultipartBody(multipart): MultipartBody,
) -> Result<(StatusCode, Json<PupilSummary>), AppError> {
    let (submitted, _turn) = submission::read(multipart, &session.account_id).await?;
    let now = state.clock.now();
    let school_year = SchoolYear::applied_for_on(Date::from_unix_seconds(now));
    let pupil = submission::check(&state, &session.account_id, school_year, submitted).await?;

    let stored = async {
        let mut transaction = db::begin(&state.pool).await?;
        family_limits::check_room(&mut transaction, &session.account_id, None, &pupil).await?;
        let number = pass_numbers::issue(&mut transaction).await?;
        let id = store::insert(
            &mut transaction,
            &session.account_id,
            &pupil,
            &number,
            school_year,
            now,
        )
        .await?;
        record_files(&mut transaction, &id, &pupil, now).await?;
        let summary = store::find(&mut transaction, &session.account_id, &id).await?;
        transaction.commit().await?;
        Ok::<_, AppError>(summary.ok_or_else(|| anyhow::anyhow!("the new pupil is not found"))?)
    }
    .await?;
    tracing::info!(event = "pupil", action = "added", pupil = %stored.id);
    Ok((StatusCode::CREATED, Json(stored)))
}

#[utoipa::path(
    put,
    path = "/api/pupils/{id}",
    operation_id = "changePupil",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    request_body(content = PupilSubmission, content_type = "multipart/form-data"),
    responses(
        (
            status = 200,
            description = "The pupil as changed (a file part replaces that file; an unticked \
                bourse removes the certificate)",
            body = PupilSummary,
        ),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`)",
            body = ErrorBody,
        ),
        UploadRefusals,
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
    MultipartBody(multipart): MultipartBody,
) -> Result<Json<PupilSummary>, AppError> {
    // Another family's pupil is not found, whatever the body says.
    let mut connection = state.pool.acquire().await?;
    let Some(enrolled) = store::find(&mut connection, &session.account_id, &pupil_id).await? else {
        return Err(store::not_found_for(&state.pool, &session.account_id, &pupil_id).await);
    };
    drop(connection);

    let (submitted, _turn) = submission::read(multipart, &session.account_id).await?;
    let school_year = SchoolYear {
        start_year: enrolled.school_year,
    };
    let pupil = submission::check(&state, &session.account_id, school_year, submitted).await?;
    let now = state.clock.now();

    let stored = async {
        let mut transaction = db::begin(&state.pool).await?;
        family_limits::check_room(
            &mut transaction,
            &session.account_id,
            Some(&pupil_id),
            &pupil,
        )
        .await?;
        if !store::update(
            &mut transaction,
            &session.account_id,
            &pupil_id,
            &pupil,
            now,
        )
        .await?
        {
            return Ok(None);
        }
        record_files(&mut transaction, &pupil_id, &pupil, now).await?;
        if !pupil.form.bourse_holder {
            // A certificate is kept only while it is needed.
            store::remove_file(&mut transaction, &pupil_id, BOURSE_CERTIFICATE).await?;
        }
        let summary = store::find(&mut transaction, &session.account_id, &pupil_id).await?;
        transaction.commit().await?;
        Ok::<_, AppError>(summary)
    }
    .await?;
    let summary = stored.ok_or(AppError::NotFound)?;
    tracing::info!(event = "pupil", action = "changed", pupil = %summary.id);
    Ok(Json(summary))
}

#[utoipa::path(
    delete,
    path = "/api/pupils/{id}",
    operation_id = "removePupil",
    tag = "pupils",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (status = 204, description = "The pupil and its files are removed"),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn remove(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
) -> Result<StatusCode, AppError> {
    let mut transaction = db::begin(&state.pool).await?;
    if !store::delete(&mut transaction, &session.account_id, &pupil_id).await? {
        drop(transaction);
        return Err(store::not_found_for(&state.pool, &session.account_id, &pupil_id).await);
    }
    transaction.commit().await?;
    tracing::info!(event = "pupil", action = "removed", pupil = %pupil_id);
    Ok(StatusCode::NO_CONTENT)
}

/// Records the submission's files, each in place of the one it replaces.
async fn record_files(
    connection: &mut sqlx::AnyConnection,
    pupil_id: &str,
    pupil: &CheckedPupil,
    now: i64,
) -> anyhow::Result<()> {
    for (kind, file) in [
        (PHOTO, &pupil.photo),
        (BOURSE_CERTIFICATE, &pupil.certificate),
    ] {
        if let Some(file) = file {
            store::replace_file(connection, pupil_id, kind, file, now).await?;
        }
    }
    Ok(())
}
