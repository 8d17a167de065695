//! The Pass+ server: the JSON API under `/api` and the built single-page app for every other
//! path. `main.rs` only loads the configuration and runs [`startup::Application`].

pub mod api;
pub mod colleges;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod search_key;
pub mod security_headers;
pub mod startup;
pub mod static_files;
pub mod telemetry;
