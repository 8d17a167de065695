//! The canteen's pages (their own app, `canteen_app`): the overview, enrolling, one child's
//! meals and their monthly statements, the price and the tax notice.

pub mod enrol;
pub mod meals;
pub mod overview;
pub mod price;
pub mod statement;
