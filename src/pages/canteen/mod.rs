//! The canteen's pages (their own app, `canteen_app`): the overview, enrolling, one child's
//! meals and their monthly statements, the price and the tax notice, a
//! child's card and who can open it.

pub mod card_access;
pub mod enrol;
pub mod meals;
pub mod overview;
pub mod price;
pub mod statement;
