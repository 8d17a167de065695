//! Privacy: the notice, rendered from the registry at build time and served per language; the
//! map of where the database keeps personal data, and the family's copy built from it; the registry's periods and the school-year
//! rules the purge applies.

mod data_copy;
pub mod data_map;
mod notice;
pub mod periods;
pub mod retention;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(notice::notice))
        .routes(routes!(data_copy::data_copy))
}
