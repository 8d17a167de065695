//! Privacy: the notice, rendered from the registry at build time and served per language, and
//! the map of where the database keeps personal data.

pub mod data_map;
mod notice;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(notice::notice))
}
