//! Extractors that run the shared contract's rules on what a client sends.

use axum::extract::{FromRequest, FromRequestParts, Json, Multipart, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::error::AppError;

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

/// A multipart body. A request that is not one (another type, no boundary) is a 400 like any
/// other unreadable body, in JSON, rather than axum's plain-text refusal.
pub struct MultipartBody(pub Multipart);

impl<S> FromRequest<S> for MultipartBody
where
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Multipart::from_request(request, state)
            .await
            .map(MultipartBody)
            .map_err(|_| AppError::BadRequest)
    }
}
