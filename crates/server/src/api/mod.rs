//! The JSON API: every path under `/api`.

use axum::http::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use passplus_validation::codes::refusal;

use crate::http::error::AppError;
use crate::http::openapi;
use crate::startup::{timeout, AppState, REQUEST_TIMEOUT};

/// Longest an upload may take: 20 MiB over a slow mobile connection (about 1 Mbit/s).
const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10 * 60);

pub fn router() -> Router<AppState> {
    let (api, document) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(routes().layer(timeout(REQUEST_TIMEOUT)))
        .merge(crate::pupils::upload_routes().layer(timeout(UPLOAD_TIMEOUT)))
        .merge(crate::canteen::upload_routes().layer(timeout(UPLOAD_TIMEOUT)))
        .split_for_parts();
    let rest = openapi::route(document)
        // An unknown API path is a JSON 404, never the app's HTML.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .layer(timeout(REQUEST_TIMEOUT));
    api.merge(rest)
        .layer(axum::middleware::map_response(json_for_bodiless_refusals))
        .layer(axum::middleware::map_response(no_store_unless_public))
}

/// Answers of the API are personal or of the moment: no cache, shared or private, keeps them,
/// unless the handler says its answer is public reference data (the collège list, texts).
async fn no_store_unless_public(mut response: Response) -> Response {
    if !response.headers().contains_key(CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// axum's 405 (another method on a known path) and the timeout's 408 come without a body; every
/// answer of the API is JSON, so they get the one every refusal has.
async fn json_for_bodiless_refusals(response: Response) -> Response {
    let code = match response.status() {
        StatusCode::METHOD_NOT_ALLOWED => refusal::METHOD_NOT_ALLOWED,
        StatusCode::REQUEST_TIMEOUT => refusal::TIMEOUT,
        _ => return response,
    };
    if response.headers().contains_key(CONTENT_TYPE) {
        return response;
    }
    let mut refusal = AppError::Refused {
        status: response.status(),
        code,
    }
    .into_response();
    if let Some(allowed) = response.headers().get(ALLOW) {
        refusal.headers_mut().insert(ALLOW, allowed.clone());
    }
    refusal
}

/// Every area's routes, under the request timeout (uploads have their own, merged above).
fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(crate::site::routes())
        .merge(crate::accounts::routes())
        .merge(crate::colleges::routes())
        .merge(crate::privacy::routes())
        .merge(crate::pupils::routes())
        .merge(crate::canteen::routes())
        .merge(crate::card::routes())
}

async fn not_found() -> AppError {
    AppError::NotFound
}
