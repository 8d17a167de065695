//! The JSON API: every path under `/api`.

mod account;
mod accounts;
mod colleges;
mod contact_details;
mod email_change;
mod health;
mod password_change;
mod password_reset;
mod privacy_notice;
mod pupil_files;
mod pupils;
mod sessions;

use axum::extract::DefaultBodyLimit;
use axum::routing::{any, delete, get, post, put};
use axum::Router;

use crate::error::AppError;
use crate::startup::{timeout, AppState, REQUEST_TIMEOUT};

/// Longest an upload may take: 20 MiB over a slow mobile connection (about 1 Mbit/s).
const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10 * 60);

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(routes().layer(timeout(REQUEST_TIMEOUT)))
        .merge(upload_routes().layer(timeout(UPLOAD_TIMEOUT)))
}

/// Routes that take a pupil and its files: a larger body, and time to send it.
fn upload_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/pupils",
            get(pupils::list).post(pupils::create).layer(upload_limit()),
        )
        .route(
            "/api/pupils/{id}",
            get(pupils::show)
                .put(pupils::update)
                .delete(pupils::remove)
                .layer(upload_limit()),
        )
}

fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/colleges", get(colleges::search))
        .route("/api/privacy-notice/{lang}", get(privacy_notice::notice))
        .route("/api/accounts", post(accounts::sign_up))
        .route("/api/accounts/verification", post(accounts::verify))
        .route(
            "/api/accounts/verification-email",
            post(accounts::resend_verification),
        )
        .route("/api/sessions", post(sessions::log_in))
        .route("/api/sessions/current", delete(sessions::log_out))
        .route("/api/account", get(account::current))
        .route("/api/session", get(account::session))
        .route(
            "/api/pupils/{id}/photo",
            get(pupil_files::photo).delete(pupil_files::remove_photo),
        )
        .route(
            "/api/pupils/{id}/bourse-certificate",
            get(pupil_files::certificate).delete(pupil_files::remove_certificate),
        )
        .route(
            "/api/account/contact",
            get(contact_details::read).put(contact_details::update),
        )
        .route("/api/account/email-change", post(email_change::request))
        .route(
            "/api/account/email-change/verification",
            post(email_change::confirm),
        )
        .route("/api/account/password", put(password_change::change))
        .route("/api/password-reset", post(password_reset::request))
        .route("/api/password-reset/check", post(password_reset::check))
        .route(
            "/api/password-reset/new-password",
            post(password_reset::reset),
        )
        // An unknown API path is a JSON 404, never the app's HTML.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

/// A pupil and its two files: two files at the largest size the rules accept, and room for the
/// rest. A larger body is refused (413) before it is read.
fn upload_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(2 * passplus_validation::upload::MAX_BYTES as usize + 64 * 1024)
}

async fn not_found() -> AppError {
    AppError::NotFound
}
