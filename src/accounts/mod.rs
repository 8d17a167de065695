//! Pieces of the account area used by several pages or by the shell: who is signed in, the
//! guard of the account pages, the address fields, the form asking for a new verification link.

pub mod address_fields;
pub mod resend_link;
pub mod session;
pub mod signed_in;
