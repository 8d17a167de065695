//! Families' accounts: signing up and verifying the address, logging in and out, sessions and
//! the devices that logged in before, the account's own changes (contact details, address,
//! password, reset), the limits on attempts and on e-mailed links, and the messages sent.

pub mod anonymous_limits;
pub mod change_emails;
pub mod email_links;
pub mod emails;
pub mod login_limits;
pub mod passwords;
mod routes;
pub mod sessions;
pub mod signup_details;
pub mod trusted_devices;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::startup::AppState;
use routes::{
    active_sessions, contact_details, current, email_change, login, password_change,
    password_reset, signup,
};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(signup::sign_up))
        .routes(routes!(signup::verify))
        .routes(routes!(signup::resend_verification))
        .routes(routes!(login::log_in))
        .routes(routes!(login::log_out))
        .routes(routes!(current::current))
        .routes(routes!(current::session))
        .routes(routes!(active_sessions::list))
        .routes(routes!(active_sessions::end_others))
        .routes(routes!(contact_details::read, contact_details::update))
        .routes(routes!(email_change::request))
        .routes(routes!(email_change::confirm))
        .routes(routes!(password_change::change))
        .routes(routes!(password_reset::request))
        .routes(routes!(password_reset::check))
        .routes(routes!(password_reset::reset))
}
