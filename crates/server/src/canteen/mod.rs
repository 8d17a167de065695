//! The collège canteen for families: enrolling pupils for a school year (a meal reserved on
//! each school day of their weekdays), changing the weekdays until the year's deadline,
//! cancelling a meal until the third working day before it, the income that sets the price,
//! and the monthly statements counted from the stored meals. Days are Paris's.

mod emails;
mod income_routes;
mod meal_routes;
mod offers;
mod reservations;
mod routes;
mod statements;
pub mod store;
mod views;
pub mod years;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

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
