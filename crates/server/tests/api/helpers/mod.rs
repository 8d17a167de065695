//! What every API test stands on: a [`TestApp`] (the real server on a random port with a fresh
//! database, started by `server`), a [`Family`] per browser with its own cookie jar, each area's
//! steps as methods, the e-mails sent, refusals read against the shared contract and the Origin
//! check asserted alike on every route.

mod accounts;
mod app;
pub mod canteen;
mod cookie_jar;
mod family;
pub mod mail;
mod origin_check;
pub mod pupils;
mod refusals;
mod server;

pub use accounts::{family_signup, FAMILY_PASSWORD, NEW_PASSWORD};
pub use app::TestApp;
pub use cookie_jar::CookieJar;
pub use family::{Family, DEVICE_COOKIE, SESSION_COOKIE};
pub use origin_check::assert_refused_from_other_sites;
pub use refusals::{error_body, error_code, field_code, known_refusal};
pub use server::{
    fresh_database_url, restart, restart_with, second_instance, spawn_app, spawn_app_configured,
    spawn_app_with, spawn_app_with_mail, BROTLI_MARKER, CANTEEN_LOADER, INLINE_LOADER,
    PRERENDERED_LOGIN, START,
};
