//! What every route stands on, on the HTTP side: the error type and its answers, the extractors
//! that run the shared rules, the Origin check, the client's address, the security headers, the
//! built app's files, the OpenAPI document and the answers routes share.

pub mod answers;
pub mod client_ip;
pub mod downloads;
pub mod error;
pub mod extract;
pub mod links;
pub mod not_found;
pub mod openapi;
pub mod origin_check;
pub mod security_headers;
pub mod static_files;
