//! The account's pages: signup and verification, login, the account and its changes, reset.

pub mod account;
pub mod change_email;
pub mod change_password;
pub mod confirm_new_email;
pub mod contact_details;
pub mod forgot_password;
pub mod login;
pub mod reset_password;
pub mod sessions;
pub mod signup;
pub mod verify_email;
