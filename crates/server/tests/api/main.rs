//! The server's API tests: one binary, each test against a real server on a random port with a
//! fresh database — SQLite by default, PostgreSQL when `PASSPLUS_TEST_POSTGRES_URL` names a
//! server (cargo xtask test runs both).
//!
//! One file per area of the server, as `crates/server/src/` has them: the accounts (the
//! journey, then each family of the account's routes), the pupils and their files, the
//! canteen, the collèges, the site. Then what crosses the areas: the attempt limits, the mail outbox, the
//! OpenAPI document, and the server binary run as a process of its own (killed mid-write, its
//! log read, its memory under uploads). `helpers/` holds what they all stand on: the `TestApp`,
//! a `Family` per browser with its own cookies, each area's steps and fixtures.

mod helpers;

// The accounts, by family of routes (`accounts/routes/`).
mod account_guards;
mod accounts;
mod active_sessions;
mod contact_details;
mod email_change;
mod passwords;

// The pupils (`pupils/`), the canteen (`canteen/`), the collèges (`colleges/`), the site
// (`site/`, `privacy/`, `http/`).
mod canteen;
mod card;
mod colleges;
mod data_copy;
mod pupil_files;
mod pupils;
mod retention;
mod site;
mod tax_notice;

// The privacy page's renderer, which the server's build script runs: the retention tests render
// a changed registry with it.
#[allow(dead_code)]
#[path = "../../../../build/locales.rs"]
mod locales;
#[allow(dead_code)]
#[path = "../../../../build/privacy_page.rs"]
mod privacy_page;

// Across the areas.
mod limits;
mod mail;
mod openapi;

// The server binary as a process of its own.
mod binary;
mod crash;
mod held_upload;
mod logs;
mod upload_memory;
