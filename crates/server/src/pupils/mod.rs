//! Pupils of a family: their routes, what a submission must satisfy (the shared rules, the
//! eligibility rule, the files' real content, cleaned: images re-encoded, PDFs disarmed), how
//! pupils and their files are stored, the family's limits, and their Pass+ numbers.

pub mod family_limits;
mod file_routes;
pub mod images;
pub mod pass_numbers;
pub mod pdfs;
mod received_file;
mod routes;
pub mod store;
pub mod submission;

use axum::extract::DefaultBodyLimit;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::extract::MULTIPART_MAX_BYTES;
use crate::startup::AppState;

/// The routes that take a pupil and its files: a larger body (refused over it, 413), and the
/// upload timeout the API gives them.
pub fn upload_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::list, routes::create))
        .routes(routes!(routes::show, routes::update, routes::remove))
        .layer(DefaultBodyLimit::max(MULTIPART_MAX_BYTES))
}

/// The routes of a pupil's files.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(file_routes::photo, file_routes::remove_photo))
        .routes(routes!(
            file_routes::certificate,
            file_routes::remove_certificate
        ))
}
