//! A pupil as submitted (multipart: the `pupil` part is the JSON `PupilForm`, then optional
//! `photo` and `bourse_certificate` files), and every check it must pass before anything is
//! stored: the shared rules, the eligibility rule, the files' real content.

use std::io::Read;

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::Multipart;
use axum::http::StatusCode;
use passplus_validation::upload::{validate_content, UploadKind, MAX_BYTES};
use passplus_validation::{codes, pupil, Date, FieldErrors, FileType, PupilForm, SchoolYear, Uai};
use sqlx::Row;
use validator::ValidationError;

use super::family_limits::{self, UploadTurn};
use super::received_file::{self, NotReceived, ReceivedFile, UPLOAD_RATE_FLOOR};
use super::{images, pdfs};
use passplus_validation::codes::refusal;

use crate::http::error::AppError;
use crate::startup::AppState;

/// The JSON part is small; anything bigger is not a pupil.
const MAX_FORM_BYTES: usize = 16 * 1024;
/// Longest side of a stored identity photo, in pixels (plenty for a card).
const PHOTO_MAX_SIDE: u32 = 1000;
/// Longest side of a stored document's image (a certificate, a tax notice): an A4 page at
/// 300 dpi stays legible.
const DOCUMENT_MAX_SIDE: u32 = 2480;

/// What a client sent.
pub struct Submission {
    pub form: PupilForm,
    pub photo: Option<ReceivedFile>,
    pub certificate: Option<ReceivedFile>,
}

/// A file ready to store: its checked content and real type.
pub struct CheckedFile {
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// A submission that passed every check, normalised for storage.
pub struct CheckedPupil {
    pub form: PupilForm,
    pub birth_date: Date,
    pub college_uai: String,
    pub photo: Option<CheckedFile>,
    pub certificate: Option<CheckedFile>,
}

/// The multipart body as the OpenAPI document describes it; `read` is what accepts it. Other
/// parts are refused (`deny_unknown_fields` says so in the document: no additional properties).
#[derive(utoipa::ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Describes the body only: never built.
pub struct PupilSubmission {
    /// The pupil's details (JSON).
    pupil: PupilForm,
    /// JPEG or PNG, at most 10 MB; stored re-encoded as JPEG, without its metadata.
    #[schema(value_type = Option<String>, format = Binary)]
    photo: Option<Vec<u8>>,
    /// PDF, JPEG or PNG, at most 10 MB; only for a bourse holder.
    #[schema(value_type = Option<String>, format = Binary)]
    bourse_certificate: Option<Vec<u8>>,
}

/// Reads the multipart body, its files streamed to disk. A malformed body, an unknown or
/// repeated part or a missing `pupil` part is a 400. The family's upload turn is taken when a
/// first file part begins (a change without files needs none) and returned with the submission:
/// it is held until the files are checked and stored.
pub async fn read(
    mut multipart: Multipart,
    account_id: &str,
) -> Result<(Submission, Option<UploadTurn>), AppError> {
    let mut form = None;
    let (mut photo, mut certificate) = (None, None);
    let mut turn = None;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let slot = match field.name().unwrap_or_default() {
            "pupil" if form.is_none() => {
                form = Some(read_form(field).await?);
                continue;
            }
            "photo" if photo.is_none() => &mut photo,
            "bourse_certificate" if certificate.is_none() => &mut certificate,
            _ => return Err(AppError::BadRequest),
        };
        if turn.is_none() {
            turn = Some(family_limits::take_turn(account_id)?);
        }
        *slot = Some(receive(field).await?);
    }
    let submission = Submission {
        form: form.ok_or(AppError::BadRequest)?,
        photo,
        certificate,
    };
    Ok((submission, turn))
}

/// The JSON part, refused as soon as it is longer than any pupil.
async fn read_form(mut field: Field<'_>) -> Result<PupilForm, AppError> {
    let mut json = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
        if json.len() + chunk.len() > MAX_FORM_BYTES {
            return Err(AppError::BadRequest);
        }
        json.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&json).map_err(|_| AppError::BadRequest)
}

/// Streams a file part to disk (see `received_file`): the refusals a request gets when it
/// cannot be received.
pub(crate) async fn receive(field: Field<'_>) -> Result<ReceivedFile, AppError> {
    received_file::receive(field, MAX_BYTES, &UPLOAD_RATE_FLOOR)
        .await
        .map_err(|error| match error {
            NotReceived::Body(error) => unreadable(error),
            NotReceived::Disk(error) => AppError::Internal(error.into()),
            NotReceived::TooSlow => {
                tracing::warn!(event = "upload", outcome = "too_slow");
                AppError::Refused {
                    status: StatusCode::REQUEST_TIMEOUT,
                    code: refusal::TIMEOUT,
                }
            }
        })
}

/// A body over the route's limit is a 413 (`too_large`); anything else unreadable, a 400.
pub(crate) fn unreadable(error: MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Refused {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: refusal::TOO_LARGE,
        }
    } else {
        AppError::BadRequest
    }
}

/// Runs every check for the family `account_id`, the age being counted for `school_year`; a 422
/// lists every field at fault at once.
pub async fn check(
    state: &AppState,
    account_id: &str,
    school_year: SchoolYear,
    submission: Submission,
) -> Result<CheckedPupil, AppError> {
    let Submission {
        form,
        photo,
        certificate,
    } = submission;
    let today = Date::from_unix_seconds(state.clock.now());
    let mut errors = match form.validate_for(school_year, today) {
        Ok(()) => FieldErrors::default(),
        Err(errors) => FieldErrors::from(&errors),
    };
    let mut refuse = |field: &str, error: ValidationError| {
        errors
            .fields
            .entry(field.to_owned())
            .or_default()
            .push(error.code.to_string());
    };

    let photo = photo.map(|upload| {
        validate_content(
            UploadKind::Photo,
            &upload.media_type,
            upload.size,
            &upload.head,
        )
        .map(|file_type| (file_type, upload))
    });
    let photo = match photo {
        Some(Err(error)) => {
            refuse("photo", error);
            None
        }
        Some(Ok(file)) => Some(file),
        None => None,
    };
    let certificate = match certificate {
        Some(_) if !form.bourse_holder => {
            refuse(
                "bourse_certificate",
                ValidationError::new(codes::CERTIFICATE_NOT_NEEDED),
            );
            None
        }
        Some(upload) => {
            match validate_content(
                UploadKind::BourseCertificate,
                &upload.media_type,
                upload.size,
                &upload.head,
            ) {
                Ok(file_type) => Some((file_type, upload)),
                Err(error) => {
                    refuse("bourse_certificate", error);
                    None
                }
            }
        }
        None => None,
    };

    let uai = Uai::parse(&form.college_uai).ok();
    if let Some(uai) = &uai {
        if let Err(error) = eligibility(state, account_id, uai).await? {
            refuse("college_uai", error);
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }

    let photo = match photo {
        Some((file_type, upload)) => Some(clean(UploadKind::Photo, file_type, upload).await?),
        None => None,
    };
    let certificate = match certificate {
        Some((file_type, upload)) => {
            Some(clean(UploadKind::BourseCertificate, file_type, upload).await?)
        }
        None => None,
    };
    let birth_date = form
        .birth_date
        .to_date()
        .map_err(|_| AppError::BadRequest)?;
    let college_uai = uai.ok_or(AppError::BadRequest)?.as_str().to_owned();
    Ok(CheckedPupil {
        form,
        birth_date,
        college_uai,
        photo,
        certificate,
    })
}

/// The family lives in the 92 or 78, or the collège is one the Départements run.
async fn eligibility(
    state: &AppState,
    account_id: &str,
    uai: &Uai,
) -> Result<Result<(), ValidationError>, AppError> {
    let postal_code: String = sqlx::query("SELECT postal_code FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(&state.pool)
        .await?
        .try_get("postal_code")?;
    let run_by_departement = sqlx::query(
        "SELECT 1 FROM colleges WHERE uai = $1 AND canteen_run_by_departement = 1 AND closed = 0",
    )
    .bind(uai.as_str())
    .fetch_optional(&state.pool)
    .await?
    .is_some();
    Ok(pupil::eligibility(&postal_code, run_by_departement))
}

/// Images are re-encoded without their metadata; PDFs are disarmed (`pdfs`). A file that
/// cannot be is refused at its field (a 422).
pub(crate) async fn clean(
    kind: UploadKind,
    file_type: FileType,
    upload: ReceivedFile,
) -> Result<CheckedFile, AppError> {
    let field = kind.field();
    let max_side = match kind {
        UploadKind::Photo => PHOTO_MAX_SIDE,
        UploadKind::BourseCertificate | UploadKind::TaxNotice => DOCUMENT_MAX_SIDE,
    };
    let content = upload.into_reader().map_err(anyhow::Error::from)?;
    if file_type == FileType::Pdf {
        // Parsing a large PDF is CPU work: off the request threads, as images are. lopdf parses
        // from memory: the checked file (10 MB at most) is read in whole here, once.
        let disarmed = tokio::task::spawn_blocking(move || {
            let mut bytes = Vec::new();
            let mut content = content;
            content.read_to_end(&mut bytes)?;
            Ok::<_, std::io::Error>(pdfs::disarm(&bytes))
        })
        .await
        .map_err(|error| AppError::Internal(error.into()))?
        .map_err(anyhow::Error::from)?;
        return match disarmed {
            Ok(bytes) => Ok(CheckedFile {
                media_type: file_type.media_type(),
                bytes,
            }),
            Err(pdfs::NotAcceptable) => Err(AppError::Invalid(FieldErrors::one(
                field,
                kind.content_code(),
            ))),
        };
    }
    match images::reencode(content, file_type, max_side).await? {
        Ok(bytes) => Ok(CheckedFile {
            media_type: FileType::Jpeg.media_type(),
            bytes,
        }),
        Err(images::Unreadable) => Err(AppError::Invalid(FieldErrors::one(
            field,
            codes::IMAGE_UNREADABLE,
        ))),
    }
}
