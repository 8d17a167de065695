//! What every area stands on: the mail outbox and its transport, counted allowances.

pub mod mail;
pub mod outbox;
pub mod quotas;
