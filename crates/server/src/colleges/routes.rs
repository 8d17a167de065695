//! `GET /api/colleges?q=…`: the public collèges matching a name, commune, postal code or UAI.

use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::response::IntoResponse;
use axum::Json;
use passplus_validation::{CollegeSearch, CollegeSearchResults, FieldErrors};

use super::store;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedQuery;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/colleges",
    operation_id = "searchColleges",
    tag = "service",
    params(CollegeSearch),
    responses(
        (
            status = 200,
            description = "The matching collèges, by name (public reference data: cacheable \
                for an hour)",
            body = CollegeSearchResults,
        ),
        (status = 400, description = "The query string could not be read", body = ErrorBody),
        (
            status = 422,
            description = "The search text broke its rules (e.g. a UAI with a wrong check letter)",
            body = FieldErrors,
        ),
    ),
)]
pub async fn search(
    State(state): State<AppState>,
    ValidatedQuery(search): ValidatedQuery<CollegeSearch>,
) -> Result<impl IntoResponse, AppError> {
    let results = store::search(&state.pool, &search.q).await?;
    // The list is public and changes rarely; every other API answer is `no-store`.
    Ok(([(CACHE_CONTROL, "public, max-age=3600")], Json(results)))
}
