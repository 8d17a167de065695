//! The collèges: the reference list of the public collèges of the 92 and the 78 (imported at the
//! first start), and its search, public, for every page that asks for a collège.

mod routes;
pub mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(routes::search))
}
