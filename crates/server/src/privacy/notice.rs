//! `GET /api/privacy-notice/{lang}`: the privacy notice as an HTML fragment (`fr` or `en`),
//! rendered from the privacy registry at build time (see `build.rs`). The app's privacy page
//! shows it, so that the registry's text does not weigh on every first visit to the site. The
//! caterer's name and contact come from the configuration, written in when it is served.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use passplus_validation::privacy::{escape_html, registry, with_caterer};

use crate::config::CatererConfig;
use crate::http::error::{AppError, ErrorBody};
use crate::startup::AppState;

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
pub async fn notice(
    State(state): State<AppState>,
    Path(lang): Path<String>,
) -> Result<Response, AppError> {
    let (html, default_contact) = match lang.as_str() {
        "fr" => (FRENCH, &registry().caterer_default.contact.fr),
        "en" => (ENGLISH, &registry().caterer_default.contact.en),
        _ => return Err(AppError::NotFound),
    };
    let CatererConfig { name, contact } = &state.config.caterer;
    let name = name.as_deref().unwrap_or(&registry().caterer_default.name);
    let contact = contact.as_deref().unwrap_or(default_contact);
    let html = with_caterer(html, &escape_html(name), &escape_html(contact));
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
