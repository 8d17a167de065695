//! Finding one's collège in the reference list.

pub mod find_college;
