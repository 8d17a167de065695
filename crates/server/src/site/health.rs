//! `GET /api/health`: whether the service and its database answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::Health;

use crate::platform::db;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/health",
    operation_id = "health",
    tag = "service",
    responses(
        (status = 200, description = "The service and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    ),
)]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = db::is_up(&state.pool).await;
    let (code, status) = if database {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "degraded")
    };
    let health = Health {
        status: status.to_owned(),
        database,
    };
    (code, Json(health))
}
