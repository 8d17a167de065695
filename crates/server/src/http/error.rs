//! One error type for every handler: invalid input is a 422 with the field codes of the shared
//! contract; anything unexpected is an opaque 500 whose cause goes to the log only.

use axum::http::header::RETRY_AFTER;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use passplus_validation::codes::refusal;
pub use passplus_validation::ErrorBody;
use passplus_validation::FieldErrors;

#[derive(Debug)]
pub enum AppError {
    /// The request broke the shared rules; nothing was changed.
    Invalid(FieldErrors),
    /// The request could not be read at all (malformed query or body).
    BadRequest,
    NotFound,
    /// No session, or it expired.
    Unauthorized,
    /// Refused for a reason the client can act on, named by a stable code.
    Refused {
        status: StatusCode,
        code: &'static str,
    },
    /// Too many attempts; the client may try again after this many seconds.
    TooManyAttempts {
        retry_after_seconds: i64,
    },
    /// The server cannot take the work now (the password hashing queue is full); the client
    /// may try again after this many seconds.
    Busy {
        retry_after_seconds: i64,
    },
    Internal(anyhow::Error),
}

/// How long a client is asked to wait when hashing is saturated: a full lane drains in under a
/// second.
const BUSY_RETRY_AFTER_SECONDS: i64 = 2;

impl From<crate::accounts::passwords::hashing::HashingError> for AppError {
    fn from(error: crate::accounts::passwords::hashing::HashingError) -> Self {
        match error {
            crate::accounts::passwords::hashing::HashingError::Busy => {
                tracing::warn!(
                    outcome = "hashing_busy",
                    "request refused: hashing queue full"
                );
                AppError::Busy {
                    retry_after_seconds: BUSY_RETRY_AFTER_SECONDS,
                }
            }
            crate::accounts::passwords::hashing::HashingError::Failed(error) => {
                AppError::Internal(error)
            }
        }
    }
}

fn body(error: &str) -> Json<ErrorBody> {
    Json(ErrorBody {
        error: error.to_owned(),
        retry_after_seconds: None,
    })
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> Self {
        AppError::Internal(error)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Invalid(errors) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Json(errors)).into_response()
            }
            AppError::BadRequest => {
                (StatusCode::BAD_REQUEST, body(refusal::BAD_REQUEST)).into_response()
            }
            AppError::NotFound => (StatusCode::NOT_FOUND, body(refusal::NOT_FOUND)).into_response(),
            AppError::Unauthorized => {
                (StatusCode::UNAUTHORIZED, body(refusal::UNAUTHORIZED)).into_response()
            }
            AppError::Refused { status, code } => (status, body(code)).into_response(),
            AppError::TooManyAttempts {
                retry_after_seconds,
            } => (
                StatusCode::TOO_MANY_REQUESTS,
                [(RETRY_AFTER, retry_after_seconds.to_string())],
                Json(ErrorBody {
                    error: refusal::TOO_MANY_ATTEMPTS.to_owned(),
                    retry_after_seconds: Some(retry_after_seconds),
                }),
            )
                .into_response(),
            AppError::Busy {
                retry_after_seconds,
            } => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(RETRY_AFTER, retry_after_seconds.to_string())],
                Json(ErrorBody {
                    error: refusal::BUSY.to_owned(),
                    retry_after_seconds: Some(retry_after_seconds),
                }),
            )
                .into_response(),
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, body(refusal::INTERNAL)).into_response()
            }
        }
    }
}
