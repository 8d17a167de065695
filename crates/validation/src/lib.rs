//! The contract shared by the Pass+ single-page app and its server.
//!
//! Everything here compiles to both targets (native and wasm32) and does no I/O, so that a rule
//! checked in the browser is exactly the rule the server applies again. Rule failures carry
//! stable codes (see [`codes`]); the app turns codes into French or English sentences.

pub mod codes;
pub mod college;
pub mod errors;
pub mod privacy;
pub mod uai;

pub use college::{College, CollegeSearch, CollegeSearchResults, Health};
pub use errors::{check, FieldErrors};
pub use uai::{Uai, UaiError};
