//! The collège canteen for families: enrolling pupils for a school year (a meal reserved on
//! each school day of their weekdays), changing the weekdays until the year's deadline,
//! cancelling a meal until the third working day before it, the income and the tax notice that
//! set the price, and the monthly statements counted from the stored meals. Days are Paris's.

mod emails;
mod income_routes;
mod meal_routes;
mod offers;
mod reservations;
mod routes;
mod statements;
pub mod store;
mod tax_notice_routes;
mod tax_notices;
mod views;
pub mod years;

use axum::extract::DefaultBodyLimit;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::extract::MULTIPART_MAX_BYTES;
use crate::startup::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(routes::overview))
        .routes(routes!(routes::enrol))
        .routes(routes!(routes::show))
        .routes(routes!(routes::change_weekdays))
        .routes(routes!(meal_routes::change))
        .routes(routes!(statements::show))
        .routes(routes!(statements::csv))
        .routes(routes!(income_routes::declare))
}

/// The route that takes the tax notice: a file's body, and the upload timeout the API gives it.
pub fn upload_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            tax_notice_routes::send,
            tax_notice_routes::download,
            tax_notice_routes::remove
        ))
        .layer(DefaultBodyLimit::max(MULTIPART_MAX_BYTES))
}
