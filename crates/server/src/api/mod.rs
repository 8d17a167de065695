//! The JSON API: every path under `/api`.

mod colleges;
mod health;

use axum::routing::{any, get};
use axum::Router;

use crate::error::AppError;
use crate::startup::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/colleges", get(colleges::search))
        // An unknown API path is a JSON 404, never the app's HTML.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
}

async fn not_found() -> AppError {
    AppError::NotFound
}
