//! The JSON API: every path under `/api`.

mod account;
mod accounts;
mod colleges;
mod health;
mod sessions;

use axum::routing::{any, delete, get, post};
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
        // An unknown API path is a JSON 404, never the app's HTML.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

async fn not_found() -> AppError {
    AppError::NotFound
}
