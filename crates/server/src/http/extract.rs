//! Extractors that run the shared contract's rules on what a client sends.

use axum::extract::{FromRequest, FromRequestParts, Json, Multipart, Query, Request};
use axum::http::header::CONTENT_LENGTH;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use validator::Validate;

use passplus_validation::codes::refusal;
use passplus_validation::contact_details::Parse;

use crate::http::error::AppError;

/// A query string that deserialised and passed its rules.
pub struct ValidatedQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ValidatedQuery<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::BadRequest)?;
        value
            .validate()
            .map_err(|errors| AppError::Invalid((&errors).into()))?;
        Ok(ValidatedQuery(value))
    }
}

/// A JSON body that deserialised and passed its rules.
pub struct ValidatedJson<T>(pub T);

impl<T, S> FromRequest<S> for ValidatedJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state)
            .await
            .map_err(|_| AppError::BadRequest)?;
        value
            .validate()
            .map_err(|errors| AppError::Invalid((&errors).into()))?;
        Ok(ValidatedJson(value))
    }
}

/// A JSON body that deserialised, passed its rules and turned into its typed value (see
/// `passplus_validation::contact_details::Parse`): the handler gets what it stores.
pub struct ParsedJson<T: Parse>(pub T::Parsed);

impl<T, S> FromRequest<S> for ParsedJson<T>
where
    T: DeserializeOwned + Parse,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state)
            .await
            .map_err(|_| AppError::BadRequest)?;
        Ok(ParsedJson(value.parse().map_err(AppError::Invalid)?))
    }
}

/// The largest multipart body: a pupil and its two files, each at the largest size the rules
/// accept, and room for the rest.
pub const MULTIPART_MAX_BYTES: usize =
    2 * passplus_validation::upload::MAX_BYTES as usize + 64 * 1024;

/// A multipart body. A request that is not one (another type, no boundary) is a 400 like any
/// other unreadable body, in JSON, rather than axum's plain-text refusal. One that declares a
/// length over `MULTIPART_MAX_BYTES` is a 413 at once, before a byte of it is read (one that
/// declares none is cut at the limit while it is read, by the route's body limit).
pub struct MultipartBody(pub Multipart);

impl<S> FromRequest<S> for MultipartBody
where
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let declared = request
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|length| length > MULTIPART_MAX_BYTES as u64) {
            return Err(AppError::Refused {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: refusal::TOO_LARGE,
            });
        }
        Multipart::from_request(request, state)
            .await
            .map(MultipartBody)
            .map_err(|_| AppError::BadRequest)
    }
}
