//! The canteen's pages (their own app, `canteen_app`): the overview and enrolling.

pub mod enrol;
pub mod overview;
