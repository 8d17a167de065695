//! Passwords: hashing them (argon2id on threads of their own), checking the current one before a
//! sensitive change, and the rules a new one must meet beyond the shared ones (not a common
//! password, not a French word).

pub mod common;
pub mod current;
pub mod french_words;
pub mod hashing;
pub mod new;
