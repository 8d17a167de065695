//! `/api/canteen/years/{school_year}/tax-notice`: the tax notice that gives the family its
//! reduced price — sent (or replaced) as one multipart part `tax_notice` with the upload rules
//! of a pupil's files, read back, removed. A notice waits for an agent (the staff desk
//! validates it); until then the price is the full price.
//!
//! One notice per family and open school year, 10 MiB at most: two at a time, so a family's
//! notices need no quota of their own beside its pupils' files.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use passplus_validation::canteen::answers::CanteenPrice;
use passplus_validation::codes::{self, refusal};
use passplus_validation::upload::{validate_content, UploadKind};
use passplus_validation::{FieldErrors, SchoolYear};

use super::tax_notices::{self, Removal};
use super::{store, years};
use crate::accounts::sessions::CurrentSession;
use crate::http::downloads::{self, extension_of, Disposition};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::MultipartBody;
use crate::http::openapi::FileBytes;
use crate::platform::db;
use crate::platform::paris_time::day_in_paris;
use crate::pupils::family_limits;
use crate::pupils::submission::{self, CheckedFile};
use crate::startup::AppState;

/// The multipart body as the OpenAPI document describes it; `send` is what reads it.
#[derive(utoipa::ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Describes the body only: never built.
pub struct TaxNoticeSubmission {
    /// The tax notice of the year's income (avis d'imposition): PDF, JPEG or PNG, at most
    /// 10 MB; stored re-encoded (an image, without its metadata) or disarmed (a PDF).
    #[schema(value_type = String, format = Binary)]
    tax_notice: Vec<u8>,
}

#[utoipa::path(
    put,
    path = "/api/canteen/years/{school_year}/tax-notice",
    operation_id = "sendTaxNotice",
    tag = "canteen",
    security(("session" = [])),
    params(("school_year" = String, Path, description = "The school year by its first calendar year: `2026` is 2026-2027")),
    request_body(content = TaxNoticeSubmission, content_type = "multipart/form-data"),
    responses(
        (
            status = 200,
            description = "The notice is stored (replacing any other for the year) and waits \
                for an agent; the price that follows: the full price until it is validated",
            body = CanteenPrice,
        ),
        (
            status = 404,
            description = "The school year is not a year (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "That school year is not open (`canteen_not_offered`); nothing was \
                changed",
            body = ErrorBody,
        ),
        (status = 413, description = "The body is over a file's worth (`too_large`)", body = ErrorBody),
        (
            status = 429,
            description = "The family is already sending two files (`uploads_in_progress`). \
                A file that comes slower than 4 KiB/s after 20 s is cut off with a 408 \
                (`timeout`)",
            body = ErrorBody,
        ),
        (
            status = 503,
            description = "The server is receiving its most uploads (`busy`, with \
                `Retry-After`); nothing was changed",
            body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait before trying again")),
        ),
    ),
)]
pub async fn send(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(school_year): Path<String>,
    MultipartBody(mut multipart): MultipartBody,
) -> Result<Json<CanteenPrice>, AppError> {
    let now = state.clock.now();
    let school_year = years::open_year_named(&school_year, day_in_paris(now))?;
    let _turn = family_limits::take_turn(&session.account_id)?;
    let field = UploadKind::TaxNotice.field();
    let mut received = None;
    while let Some(part) = multipart
        .next_field()
        .await
        .map_err(submission::unreadable)?
    {
        if part.name() != Some(field) || received.is_some() {
            return Err(AppError::BadRequest);
        }
        received = Some(submission::receive(part).await?);
    }
    let Some(received) = received else {
        return Err(AppError::Invalid(FieldErrors::one(
            field,
            codes::FILE_EMPTY,
        )));
    };
    let file_type = validate_content(
        UploadKind::TaxNotice,
        &received.media_type,
        received.size,
        &received.head,
    )
    .map_err(|error| AppError::Invalid(FieldErrors::one(field, &error.code)))?;
    let notice: CheckedFile = submission::clean(UploadKind::TaxNotice, file_type, received).await?;

    let rule = years::rules(&state.config.canteen, school_year).price_rule;
    let mut transaction = db::begin(&state.pool).await?;
    tax_notices::save(
        &mut transaction,
        &session.account_id,
        school_year,
        &notice,
        now,
    )
    .await?;
    let price = store::price(&mut transaction, &session.account_id, school_year, rule).await?;
    transaction.commit().await?;
    tracing::info!(
        event = "canteen",
        action = "tax_notice_sent",
        bytes = notice.bytes.len()
    );
    Ok(Json(price))
}

#[utoipa::path(
    get,
    path = "/api/canteen/years/{school_year}/tax-notice",
    operation_id = "taxNotice",
    tag = "canteen",
    security(("session" = [])),
    params(("school_year" = String, Path, description = "The school year by its first calendar year: `2026` is 2026-2027")),
    responses(
        (
            status = 200,
            description = "The notice as stored, as an attachment",
            content( (FileBytes = "application/pdf"), (FileBytes = "image/jpeg"), ),
        ),
        (
            status = 404,
            description = "The family has no notice for that year, or it is not a year \
                (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn download(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(school_year): Path<String>,
) -> Result<Response, AppError> {
    let school_year = SchoolYear {
        start_year: school_year.parse().map_err(|_| AppError::NotFound)?,
    };
    let notice = tax_notices::find(&state.pool, &session.account_id, school_year)
        .await?
        .ok_or(AppError::NotFound)?;
    let file_name = format!(
        "avis-d-imposition-{}.{}",
        school_year.start_year,
        extension_of(&notice.media_type)
    );
    Ok(downloads::file(
        &notice.media_type,
        Disposition::Attachment,
        &file_name,
        notice.bytes,
    ))
}

#[utoipa::path(
    delete,
    path = "/api/canteen/years/{school_year}/tax-notice",
    operation_id = "removeTaxNotice",
    tag = "canteen",
    security(("session" = [])),
    params(("school_year" = String, Path, description = "The school year by its first calendar year: `2026` is 2026-2027")),
    responses(
        (status = 200, description = "The notice is removed (no notice is no error); the price \
            that follows", body = CanteenPrice),
        (
            status = 404,
            description = "The school year is not a year (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "The notice is validated (`tax_notice_validated`): it is the record \
                of the reduced price, and can be replaced by a newer one, not removed; or that \
                school year is not open (`canteen_not_offered`). Nothing was changed",
            body = ErrorBody,
        ),
    ),
)]
pub async fn remove(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(school_year): Path<String>,
) -> Result<Json<CanteenPrice>, AppError> {
    let school_year = years::open_year_named(&school_year, day_in_paris(state.clock.now()))?;
    let rule = years::rules(&state.config.canteen, school_year).price_rule;
    let mut transaction = db::begin(&state.pool).await?;
    if tax_notices::remove(&mut transaction, &session.account_id, school_year).await?
        == Removal::Validated
    {
        return Err(AppError::Refused {
            status: StatusCode::CONFLICT,
            code: refusal::TAX_NOTICE_VALIDATED,
        });
    }
    let price = store::price(&mut transaction, &session.account_id, school_year, rule).await?;
    transaction.commit().await?;
    tracing::info!(event = "canteen", action = "tax_notice_removed");
    Ok(Json(price))
}
