//! `GET /api/privacy-notice/{lang}`: the privacy notice as an HTML fragment (`fr` or `en`),
//! rendered from the privacy registry at build time (see `build.rs`). The app's privacy page
//! shows it, so that the registry's text does not weigh on every first visit to the site.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::http::error::{AppError, ErrorBody};

const FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.fr.html"));
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.en.html"));

#[utoipa::path(
    get,
    path = "/api/privacy-notice/{lang}",
    operation_id = "privacyNotice",
    tag = "service",
    params(("lang" = String, Path, description = "`fr` or `en`", example = "fr")),
    responses(
        (
            status = 200,
            description = "The notice as an HTML fragment",
            content_type = "text/html",
            body = String,
        ),
        (status = 404, description = "Another language (`not_found`)", body = ErrorBody),
    ),
)]
pub async fn notice(Path(lang): Path<String>) -> Result<Response, AppError> {
    let html = match lang.as_str() {
        "fr" => FRENCH,
        "en" => ENGLISH,
        _ => return Err(AppError::NotFound),
    };
    Ok((
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            // Changes only with a release; an hour keeps a deployed change visible soon.
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        html,
    )
        .into_response())
}
