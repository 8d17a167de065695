//! The stable codes that cross the wire, in one place: the field codes of a 422
//! (`{"fields": {field: [code…]}}`) and, in [`refusal`], the code of every other refusal
//! (`{"error": code}`). The app translates each one; the server never sends sentences. Adding a
//! field code means adding its French and English messages in `locales/`.

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
/// The new address is the one the account already has (server-side: the form does not know it).
pub const EMAIL_UNCHANGED: &str = "email_unchanged";
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
pub const REFERENCE_INCOME_EMPTY: &str = "reference_income_empty";
pub const REFERENCE_INCOME_NOT_EUROS: &str = "reference_income_not_euros";
pub const REFERENCE_INCOME_TOO_LARGE: &str = "reference_income_too_large";
/// No file sent where the tax notice is the form's only question.
pub const TAX_NOTICE_MISSING: &str = "tax_notice_missing";
pub const TAX_NOTICE_TYPE_NOT_ALLOWED: &str = "tax_notice_type_not_allowed";
pub const TAX_NOTICE_CONTENT_NOT_ALLOWED: &str = "tax_notice_content_not_allowed";
pub const TAX_PARTS_EMPTY: &str = "tax_parts_empty";
pub const TAX_PARTS_NOT_A_NUMBER: &str = "tax_parts_not_a_number";
pub const TAX_PARTS_NOT_A_QUARTER: &str = "tax_parts_not_a_quarter";
pub const TAX_PARTS_OUT_OF_RANGE: &str = "tax_parts_out_of_range";
pub const WEEKDAYS_EMPTY: &str = "weekdays_empty";
pub const WEEKDAY_REPEATED: &str = "weekday_repeated";
pub const CANTEEN_PUPILS_EMPTY: &str = "canteen_pupils_empty";
pub const CANTEEN_PUPILS_TOO_MANY: &str = "canteen_pupils_too_many";
pub const CANTEEN_PUPIL_REPEATED: &str = "canteen_pupil_repeated";
/// Wednesday chosen for a pupil whose collège does not serve it (server-side: it knows the
/// collège's setting).
pub const WEDNESDAY_NOT_SERVED: &str = "wednesday_not_served";

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

/// The account codes only the server can find (it knows the account's current address).
pub const ACCOUNT_SERVER_ONLY: &[&str] = &[EMAIL_UNCHANGED];

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

/// The codes of the canteen's rules, covered by `data/canteen-vectors.tsv`.
pub const CANTEEN: &[&str] = &[
    REFERENCE_INCOME_EMPTY,
    REFERENCE_INCOME_NOT_EUROS,
    REFERENCE_INCOME_TOO_LARGE,
    TAX_PARTS_EMPTY,
    TAX_PARTS_NOT_A_NUMBER,
    TAX_PARTS_NOT_A_QUARTER,
    TAX_PARTS_OUT_OF_RANGE,
];

/// The codes a tax notice can get of its own (the size's and an unreadable image's are the
/// pupils' files'), covered by `upload`'s tests.
pub const TAX_NOTICE: &[&str] = &[
    TAX_NOTICE_MISSING,
    TAX_NOTICE_TYPE_NOT_ALLOWED,
    TAX_NOTICE_CONTENT_NOT_ALLOWED,
];

/// The codes of the enrolment's choices (weekdays, pupils), covered by `canteen::choices`' tests…
pub const CANTEEN_CHOICES: &[&str] = &[
    WEEKDAYS_EMPTY,
    WEEKDAY_REPEATED,
    CANTEEN_PUPILS_EMPTY,
    CANTEEN_PUPILS_TOO_MANY,
    CANTEEN_PUPIL_REPEATED,
];

/// …and the one only the server finds.
pub const CANTEEN_SERVER_ONLY: &[&str] = &[WEDNESDAY_NOT_SERVED];

/// Every field code, and the refusals the app shows at a field, for tests that check each one
/// has a message in each language.
pub fn all() -> impl Iterator<Item = &'static str> {
    ACCOUNT_AND_SEARCH
        .iter()
        .chain(ACCOUNT_SERVER_ONLY)
        .chain(PUPIL)
        .chain(CANTEEN)
        .chain(TAX_NOTICE)
        .chain(CANTEEN_CHOICES)
        .chain(CANTEEN_SERVER_ONLY)
        .chain(refusal::SHOWN_AT_A_FIELD)
        .copied()
}

/// The code of every refusal that is not a 422, as `{"error": code}`. Each page says what it
/// means for the person; the server's OpenAPI document names which route gives which.
pub mod refusal {
    /// The request could not be read at all (malformed query or body): 400.
    pub const BAD_REQUEST: &str = "bad_request";
    /// No such thing, or not the family's own (the two are not told apart): 404.
    pub const NOT_FOUND: &str = "not_found";
    /// No session, or it ended: 401.
    pub const UNAUTHORIZED: &str = "unauthorized";
    /// Another method on a known path: 405.
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    /// The request took longer than its route allows, or its body arrived too slowly: 408.
    pub const TIMEOUT: &str = "timeout";
    /// The body is larger than its route takes: 413.
    pub const TOO_LARGE: &str = "too_large";
    /// A request that changes something came from another site (the Origin check): 403.
    pub const CROSS_ORIGIN: &str = "cross_origin";
    /// Too many attempts; the answer says after how many seconds to try again: 429.
    pub const TOO_MANY_ATTEMPTS: &str = "too_many_attempts";
    /// The server cannot take the work now (password hashing saturated): 503, with a delay.
    pub const BUSY: &str = "busy";
    /// Something went wrong on the server; its cause is in the log only: 500.
    pub const INTERNAL: &str = "internal";

    /// The address and password do not match an account (which of the two is not said): 401.
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    /// The right password, for an address not verified yet: 403.
    pub const EMAIL_NOT_VERIFIED: &str = "email_not_verified";
    /// An e-mailed link that does not exist: 404.
    pub const LINK_INVALID: &str = "link_invalid";
    /// An e-mailed link already used: 409.
    pub const LINK_USED: &str = "link_used";
    /// An e-mailed link past its time: 410.
    pub const LINK_EXPIRED: &str = "link_expired";
    /// The current password typed before a sensitive change is not the account's: 403. The app
    /// shows it under the current password field.
    pub const CURRENT_PASSWORD_WRONG: &str = "current_password_wrong";
    /// The new address was taken by another account between the request and the link's use;
    /// only the address's owner (who holds the link) learns it: 409.
    pub const EMAIL_TAKEN: &str = "email_taken";

    /// The family has as many pupils as an account may have: 409.
    pub const TOO_MANY_PUPILS: &str = "too_many_pupils";
    /// The family's files fill their quota: 409.
    pub const FILES_QUOTA_REACHED: &str = "files_quota_reached";
    /// The family already has as many uploads in progress as it may: 429.
    pub const UPLOADS_IN_PROGRESS: &str = "uploads_in_progress";
    /// The same child (same names and date of birth) is already in the family: 409.
    pub const PUPIL_ALREADY_ADDED: &str = "pupil_already_added";

    /// The pupil is already enrolled in the canteen for that school year: 409.
    pub const ALREADY_ENROLLED: &str = "already_enrolled";
    /// The canteen is not offered to that pupil for that year (a collège the Département does
    /// not run, a school year not open, a pupil past 3e): 409.
    pub const CANTEEN_NOT_OFFERED: &str = "canteen_not_offered";
    /// The meal's last day to cancel or book it again has passed: 409.
    pub const MEAL_DEADLINE_PASSED: &str = "meal_deadline_passed";
    /// The school year's last day to change the weekdays has passed: 409.
    pub const WEEKDAYS_DEADLINE_PASSED: &str = "weekdays_deadline_passed";
    /// A validated tax notice is the record of the family's reduced price: it can be replaced
    /// by a newer one, not removed: 409.
    pub const TAX_NOTICE_VALIDATED: &str = "tax_notice_validated";

    /// No pupil has that Pass+ number with that date of birth (which of the two is wrong is
    /// not said): 404.
    pub const CARD_NOT_FOUND: &str = "card_not_found";
    /// The card's access was revoked by a parent, or never existed: 401. The card app forgets
    /// what it kept.
    pub const CARD_ACCESS_ENDED: &str = "card_access_ended";
    /// The pupil has as many personal links as it may: 409.
    pub const TOO_MANY_CARD_LINKS: &str = "too_many_card_links";

    /// The refusals the app shows under a field, like a field code.
    pub const SHOWN_AT_A_FIELD: &[&str] = &[CURRENT_PASSWORD_WRONG, EMAIL_TAKEN];

    /// Every refusal code.
    pub const ALL: &[&str] = &[
        BAD_REQUEST,
        NOT_FOUND,
        UNAUTHORIZED,
        METHOD_NOT_ALLOWED,
        TIMEOUT,
        TOO_LARGE,
        CROSS_ORIGIN,
        TOO_MANY_ATTEMPTS,
        BUSY,
        INTERNAL,
        INVALID_CREDENTIALS,
        EMAIL_NOT_VERIFIED,
        LINK_INVALID,
        LINK_USED,
        LINK_EXPIRED,
        CURRENT_PASSWORD_WRONG,
        EMAIL_TAKEN,
        TOO_MANY_PUPILS,
        FILES_QUOTA_REACHED,
        UPLOADS_IN_PROGRESS,
        PUPIL_ALREADY_ADDED,
        ALREADY_ENROLLED,
        CANTEEN_NOT_OFFERED,
        MEAL_DEADLINE_PASSED,
        WEEKDAYS_DEADLINE_PASSED,
        TAX_NOTICE_VALIDATED,
        CARD_NOT_FOUND,
        CARD_ACCESS_ENDED,
        TOO_MANY_CARD_LINKS,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_distinct_from_every_other() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ACCOUNT_AND_SEARCH
            .iter()
            .chain(ACCOUNT_SERVER_ONLY)
            .chain(PUPIL)
            .chain(CANTEEN)
            .chain(CANTEEN_CHOICES)
            .chain(CANTEEN_SERVER_ONLY)
            .chain(refusal::ALL)
        {
            assert!(seen.insert(*code), "{code} is twice");
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{code}"
            );
        }
    }
}
