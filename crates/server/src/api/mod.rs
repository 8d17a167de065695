//! The JSON API under `/api`.

mod colleges;
mod health;

use axum::routing::get;
use axum::Router;

use crate::error::AppError;
use crate::startup::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/colleges", get(colleges::search))
        // An unknown API path is a JSON 404, never the app's HTML.
        .fallback(|| async { AppError::NotFound })
}
