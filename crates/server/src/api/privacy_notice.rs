//! `GET /api/privacy-notice/{lang}`: the privacy notice as an HTML fragment (`fr` or `en`),
//! rendered from the privacy registry at build time (see `build.rs`). The app's privacy page
//! shows it, so that the registry's text does not weigh on every first visit to the site.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

const FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.fr.html"));
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.en.html"));

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
