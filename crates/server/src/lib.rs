//! The Pass+ server: the JSON API under `/api` and the built single-page app for every other
//! path. `main.rs` only loads the configuration and runs [`startup::Application`].

pub mod account_change_emails;
pub mod account_emails;
pub mod anonymous_limits;
pub mod api;
pub mod colleges;
pub mod common_passwords;
pub mod config;
pub mod current_password;
pub mod email_links;
pub mod french_words;
pub mod http;
pub mod login_limits;
pub mod new_password;
pub mod passwords;
pub mod platform;
pub mod privacy;
pub mod pupils;
pub mod sessions;
pub mod signup_details;
pub mod startup;
pub mod trusted_devices;
