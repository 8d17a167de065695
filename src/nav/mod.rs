//! Moving around the apps: their routes (one enum per app), the location (links, Back and
//! Forward), and focus.

pub mod canteen_routes;
pub mod focus;
pub mod location;
pub mod routes;
