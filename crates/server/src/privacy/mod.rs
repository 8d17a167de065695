//! Privacy: today the notice, rendered from the registry at build time and served per language.

mod notice;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(notice::notice))
}
