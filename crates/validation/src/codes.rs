//! The stable error codes that cross the wire. The app translates each one; the server never
//! sends sentences. Adding a code means adding its French and English messages in `locales/`.

pub const UAI_EMPTY: &str = "uai_empty";
pub const UAI_LENGTH: &str = "uai_length";
pub const UAI_NOT_DIGITS: &str = "uai_not_digits";
pub const UAI_CHECK_LETTER: &str = "uai_check_letter";
pub const QUERY_TOO_SHORT: &str = "query_too_short";
pub const QUERY_TOO_LONG: &str = "query_too_long";
pub const GIVEN_NAME_EMPTY: &str = "given_name_empty";
pub const GIVEN_NAME_TOO_LONG: &str = "given_name_too_long";
pub const GIVEN_NAME_INVALID: &str = "given_name_invalid";
pub const FAMILY_NAME_EMPTY: &str = "family_name_empty";
pub const FAMILY_NAME_TOO_LONG: &str = "family_name_too_long";
pub const FAMILY_NAME_INVALID: &str = "family_name_invalid";
pub const EMAIL_EMPTY: &str = "email_empty";
pub const EMAIL_INVALID: &str = "email_invalid";
pub const EMAIL_TOO_LONG: &str = "email_too_long";
pub const PHONE_EMPTY: &str = "phone_empty";
pub const PHONE_NOT_FRENCH: &str = "phone_not_french";
pub const POSTAL_CODE_EMPTY: &str = "postal_code_empty";
pub const POSTAL_CODE_INVALID: &str = "postal_code_invalid";
pub const COMMUNE_EMPTY: &str = "commune_empty";
pub const COMMUNE_TOO_LONG: &str = "commune_too_long";
pub const STREET_EMPTY: &str = "street_empty";
pub const STREET_TOO_LONG: &str = "street_too_long";
pub const PASSWORD_EMPTY: &str = "password_empty";
pub const PASSWORD_TOO_SHORT: &str = "password_too_short";
pub const PASSWORD_TOO_LONG: &str = "password_too_long";
pub const PASSWORD_CONTAINS_EMAIL: &str = "password_contains_email";
pub const PASSWORD_COMMON: &str = "password_common";
pub const PASSWORD_GUESSABLE: &str = "password_guessable";
pub const TOKEN_INVALID: &str = "token_invalid";
pub const CLASS_EMPTY: &str = "class_empty";
pub const CLASS_UNKNOWN: &str = "class_unknown";
pub const BIRTH_DATE_EMPTY: &str = "birth_date_empty";
pub const BIRTH_DATE_DAY_MISSING: &str = "birth_date_day_missing";
pub const BIRTH_DATE_MONTH_MISSING: &str = "birth_date_month_missing";
pub const BIRTH_DATE_YEAR_MISSING: &str = "birth_date_year_missing";
pub const BIRTH_DATE_NOT_NUMBERS: &str = "birth_date_not_numbers";
pub const BIRTH_DATE_YEAR_FOUR_DIGITS: &str = "birth_date_year_four_digits";
pub const BIRTH_DATE_NOT_REAL: &str = "birth_date_not_real";
pub const BIRTH_DATE_FUTURE: &str = "birth_date_future";
pub const BIRTH_DATE_TOO_YOUNG: &str = "birth_date_too_young";
pub const BIRTH_DATE_TOO_OLD: &str = "birth_date_too_old";
pub const PUPIL_NOT_ELIGIBLE: &str = "pupil_not_eligible";
pub const PASS_NUMBER_EMPTY: &str = "pass_number_empty";
pub const PASS_NUMBER_NOT_DIGITS: &str = "pass_number_not_digits";
pub const PASS_NUMBER_LENGTH: &str = "pass_number_length";
pub const PASS_NUMBER_CHECK: &str = "pass_number_check";
pub const FILE_EMPTY: &str = "file_empty";
pub const FILE_TOO_LARGE: &str = "file_too_large";
pub const PHOTO_TYPE_NOT_ALLOWED: &str = "photo_type_not_allowed";
pub const PHOTO_CONTENT_NOT_ALLOWED: &str = "photo_content_not_allowed";
pub const CERTIFICATE_TYPE_NOT_ALLOWED: &str = "certificate_type_not_allowed";
pub const CERTIFICATE_CONTENT_NOT_ALLOWED: &str = "certificate_content_not_allowed";
pub const IMAGE_UNREADABLE: &str = "image_unreadable";
pub const CERTIFICATE_NOT_NEEDED: &str = "certificate_not_needed";

/// The codes of the search and account rules (the pupil rules' are in [`PUPIL`]).
pub const ACCOUNT_AND_SEARCH: &[&str] = &[
    UAI_EMPTY,
    UAI_LENGTH,
    UAI_NOT_DIGITS,
    UAI_CHECK_LETTER,
    QUERY_TOO_SHORT,
    QUERY_TOO_LONG,
    GIVEN_NAME_EMPTY,
    GIVEN_NAME_TOO_LONG,
    GIVEN_NAME_INVALID,
    FAMILY_NAME_EMPTY,
    FAMILY_NAME_TOO_LONG,
    FAMILY_NAME_INVALID,
    EMAIL_EMPTY,
    EMAIL_INVALID,
    EMAIL_TOO_LONG,
    PHONE_EMPTY,
    PHONE_NOT_FRENCH,
    POSTAL_CODE_EMPTY,
    POSTAL_CODE_INVALID,
    COMMUNE_EMPTY,
    COMMUNE_TOO_LONG,
    STREET_EMPTY,
    STREET_TOO_LONG,
    PASSWORD_EMPTY,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_LONG,
    PASSWORD_CONTAINS_EMAIL,
    PASSWORD_COMMON,
    PASSWORD_GUESSABLE,
    TOKEN_INVALID,
];

/// The codes of the pupil rules, covered by `data/pupil-vectors.tsv`…
pub const PUPIL: &[&str] = &[
    CLASS_EMPTY,
    CLASS_UNKNOWN,
    BIRTH_DATE_EMPTY,
    BIRTH_DATE_DAY_MISSING,
    BIRTH_DATE_MONTH_MISSING,
    BIRTH_DATE_YEAR_MISSING,
    BIRTH_DATE_NOT_NUMBERS,
    BIRTH_DATE_YEAR_FOUR_DIGITS,
    BIRTH_DATE_NOT_REAL,
    BIRTH_DATE_FUTURE,
    BIRTH_DATE_TOO_YOUNG,
    BIRTH_DATE_TOO_OLD,
    PUPIL_NOT_ELIGIBLE,
    PASS_NUMBER_EMPTY,
    PASS_NUMBER_NOT_DIGITS,
    PASS_NUMBER_LENGTH,
    PASS_NUMBER_CHECK,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    PHOTO_TYPE_NOT_ALLOWED,
    PHOTO_CONTENT_NOT_ALLOWED,
    CERTIFICATE_TYPE_NOT_ALLOWED,
    CERTIFICATE_CONTENT_NOT_ALLOWED,
    IMAGE_UNREADABLE,
    CERTIFICATE_NOT_NEEDED,
];

/// …except these, which need the server: the family's address and the collège list, or the
/// file's content.
pub const PUPIL_SERVER_ONLY: &[&str] = &[
    PUPIL_NOT_ELIGIBLE,
    PHOTO_CONTENT_NOT_ALLOWED,
    CERTIFICATE_CONTENT_NOT_ALLOWED,
    IMAGE_UNREADABLE,
    CERTIFICATE_NOT_NEEDED,
];

/// Every code above, for tests that check each one has a message in each language.
pub fn all() -> impl Iterator<Item = &'static str> {
    ACCOUNT_AND_SEARCH.iter().chain(PUPIL).copied()
}
