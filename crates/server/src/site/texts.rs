//! `GET /api/translations/en/{version}`: the app's English texts, one a line in the order of its
//! `Key` enum, built from `locales/en` at build time (see `build.rs`). The app compiles French in
//! and fetches English when it is first chosen. The version names the texts, so they are cached
//! for good; an app of another release asks for another version and gets a 404 (it stays in
//! French rather than showing texts under the wrong keys).

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::http::error::{AppError, ErrorBody};

const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/translations.en.txt"));
const ENGLISH_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/translations.en.version"));

#[utoipa::path(
    get,
    path = "/api/translations/{lang}/{version}",
    operation_id = "translations",
    tag = "service",
    params(
        ("lang" = String, Path, description = "`en` (French is compiled into the app)", example = "en"),
        (
            "version" = String,
            Path,
            description = "The version the app was built with",
            example = json!(ENGLISH_VERSION)
        ),
    ),
    responses(
        (
            status = 200,
            description = "The texts, one a line, in the order of the app's keys",
            content_type = "text/plain",
            body = String,
        ),
        (
            status = 404,
            description = "Another language, or another release's version (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn texts(Path((lang, version)): Path<(String, String)>) -> Result<Response, AppError> {
    if lang != "en" || version != ENGLISH_VERSION {
        return Err(AppError::NotFound);
    }
    Ok((
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        ENGLISH,
    )
        .into_response())
}
