//! Moving around the app: its routes, the location (links, Back and Forward), and focus.

pub mod focus;
pub mod location;
pub mod routes;
