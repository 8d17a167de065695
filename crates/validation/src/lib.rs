//! The contract shared by the Pass+ single-page app and its server.
//!
//! Everything here compiles to both targets (native and wasm32) and does no I/O, so that a rule
//! checked in the browser is exactly the rule the server applies again. Rule failures carry
//! stable codes (see [`codes`]); the app turns codes into French or English sentences.

pub mod account;
pub mod account_changes;
pub mod account_vectors;
pub mod active_sessions;
pub mod address;
pub mod birth_date;
pub mod calendar;
pub mod canteen;
pub mod card;
pub mod codes;
pub mod college;
pub mod contact_details;
pub mod email;
pub mod field_schemas;
pub mod grant;
pub mod guessable;
pub mod letter_case;
pub mod links;
pub mod names;
pub mod pass_number;
pub mod password;
pub mod phone;
pub mod privacy;
pub mod pupil;
pub mod pupil_vectors;
pub mod refusal_bodies;
pub mod school_class;
pub mod uai;
pub mod upload;
pub mod vector_table;

pub use account::{EmailForm, LoginForm, PostalAddress, SignupForm, TokenForm};
pub use account_vectors::account_vector_failures;
pub use calendar::{Date, SchoolYear};
pub use college::{College, CollegeSearch, CollegeSearchResults, Health};
pub use grant::{CertificateStatus, Grant};
pub use pupil::{PupilForm, PupilList, PupilSummary};
pub use pupil_vectors::pupil_vector_failures;
pub use refusal_bodies::{check, ErrorBody, FieldErrors};
pub use school_class::SchoolClass;
pub use uai::{Uai, UaiError};
pub use upload::{FileType, UploadKind};
