//! The public information pages.

pub mod accessibility;
pub mod home;
pub mod legal_notice;
pub mod not_found;
pub mod privacy;
