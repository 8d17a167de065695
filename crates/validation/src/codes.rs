//! The stable error codes that cross the wire. The app translates each one; the server never
//! sends sentences. Adding a code means adding its French and English messages in `locales/`.

pub const UAI_EMPTY: &str = "uai_empty";
pub const UAI_LENGTH: &str = "uai_length";
pub const UAI_NOT_DIGITS: &str = "uai_not_digits";
pub const UAI_CHECK_LETTER: &str = "uai_check_letter";
pub const QUERY_TOO_SHORT: &str = "query_too_short";
pub const QUERY_TOO_LONG: &str = "query_too_long";

/// Every code above, for tests that check each one has a message in each language.
pub const ALL: &[&str] = &[
    UAI_EMPTY,
    UAI_LENGTH,
    UAI_NOT_DIGITS,
    UAI_CHECK_LETTER,
    QUERY_TOO_SHORT,
    QUERY_TOO_LONG,
];
