//! The accounts' routes, one file per family of routes.

pub mod active_sessions;
pub mod contact_details;
pub mod current;
pub mod email_change;
pub mod login;
pub mod password_change;
pub mod password_reset;
pub mod signup;
