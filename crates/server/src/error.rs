//! One error type for every handler: invalid input is a 422 with the field codes of the shared
//! contract; anything unexpected is an opaque 500 whose cause goes to the log only.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use passplus_validation::FieldErrors;
use serde_json::json;

#[derive(Debug)]
pub enum AppError {
    /// The request broke the shared rules; nothing was changed.
    Invalid(FieldErrors),
    /// The request could not be read at all (malformed query or body).
    BadRequest,
    NotFound,
    Internal(anyhow::Error),
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
            AppError::BadRequest => (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": "bad_request" })),
            )
                .into_response(),
            AppError::NotFound => {
                (StatusCode::NOT_FOUND, Json(json!({ "error": "not_found" }))).into_response()
            }
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(json!({ "error": "internal" })),
                )
                    .into_response()
            }
        }
    }
}
