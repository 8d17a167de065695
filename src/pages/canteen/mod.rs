//! The canteen's pages (their own app, `canteen_app`): the overview, enrolling, and one
//! child's meals.

pub mod enrol;
pub mod meals;
pub mod overview;
