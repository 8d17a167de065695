//! The server's API tests: one binary, each test against a real server on a random port with a
//! fresh database — SQLite by default, PostgreSQL when `PASSPLUS_TEST_POSTGRES_URL` names a
//! server (cargo xtask test runs both).

mod account_changes;
mod accounts;
mod binary;
mod colleges;
mod crash;
mod held_upload;
mod helpers;
mod limits;
mod logs;
mod mail;
mod openapi;
mod pupils;
mod site;
mod upload_memory;
