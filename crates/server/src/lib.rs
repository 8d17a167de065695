//! The Pass+ server: the JSON API under `/api` and the built single-page app for every other
//! path. `main.rs` only loads the configuration and runs [`startup::Application`].

pub mod accounts;
pub mod api;
pub mod canteen;
pub mod card;
pub mod colleges;
pub mod config;
pub mod http;
pub mod platform;
pub mod privacy;
pub mod pupils;
pub mod site;
pub mod startup;
