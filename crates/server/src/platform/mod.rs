//! What every area stands on, below HTTP: the database, the clock, secrets, the mail outbox and
//! its transport, counted allowances, the hourly jobs, logs, accent-blind search keys, Paris's
//! calendar day, and the files an earlier version kept on disk.

pub mod clock;
pub mod db;
pub mod jobs;
pub mod legacy_files;
pub mod mail;
pub mod outbox;
pub mod paris_time;
pub mod quotas;
pub mod search_key;
pub mod secrets;
pub mod telemetry;
