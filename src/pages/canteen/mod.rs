//! The canteen's pages (their own app, `canteen_app`): the overview, enrolling, one child's
//! meals and their monthly statements.

pub mod enrol;
pub mod meals;
pub mod overview;
pub mod statement;
