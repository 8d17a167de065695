//! One file per route, by area. Pages do not import from each other: what two pages share lives
//! in its area's folder (`accounts/`, `pupils/`, `colleges/`, `canteen/`) or in the form kit.

pub mod accounts;
pub mod canteen;
pub mod colleges;
pub mod info;
pub mod pupils;
