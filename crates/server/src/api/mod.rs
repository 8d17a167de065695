//! The JSON API: every path under `/api`.

mod account;
mod accounts;
mod colleges;
mod contact_details;
mod email_change;
mod health;
mod password_change;
mod password_reset;
mod sessions;

use axum::routing::{any, delete, get, post, put};
use axum::Router;

use crate::error::AppError;
use crate::startup::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/colleges", get(colleges::search))
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

async fn not_found() -> AppError {
    AppError::NotFound
}
