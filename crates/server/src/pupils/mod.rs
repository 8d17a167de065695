//! Pupils of a family: what a submission must satisfy, how pupils and their files are stored,
//! and their Pass+ numbers. The HTTP side is in `api::pupils` and `api::pupil_files`.

pub mod family_limits;
pub mod pass_numbers;
mod received_file;
pub mod store;
pub mod submission;
