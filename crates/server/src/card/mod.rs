//! The pupil's card: opened on a device with the Pass+ number and date of birth or with a
//! personal link a parent made (its QR code drawn here), read with the key the device keeps,
//! and what it shows (first name, collège, canteen days, today and the next five school days —
//! nothing about the parents or the price). Parents list and revoke the accesses.

mod link_routes;
mod qr;
mod routes;
mod status;
pub mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::open))
        .routes(routes!(routes::show))
        .routes(routes!(link_routes::list))
        .routes(routes!(link_routes::create))
        .routes(routes!(link_routes::revoke))
}
