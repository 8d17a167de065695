//! Passwords: 12 to 128 characters, no composition rule, not containing the e-mail's local part
//! and not a common password.
//!
//! The common list compiled in here (and so into the browser bundle) is Django's
//! (`django/contrib/auth/common-passwords.txt.gz` in Django 5.2.8, BSD-3-Clause; Django credits
//! Royce Williams' list), cut to the entries of 12 to 128 characters: shorter ones can never pass
//! the length rule. The server checks a larger list too, with the same code.
//! See `data/README.md`.

use validator::ValidationError;

use crate::letter_case::lowercase;
use crate::{codes, email, guessable};

/// Fewest and most characters (not bytes) of a new password.
pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;
/// A local part shorter than this (`jo@…`) is too likely to appear by chance to be refused.
pub const MIN_LOCAL_PART_CHARS: usize = 3;

/// The shared common passwords, lower-cased, one a line, most frequent first.
pub const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

/// Whether the password, trimmed and lower-cased, is in [`COMMON_PASSWORDS`].
pub fn is_common(password: &str) -> bool {
    let password = lowercase(password.trim());
    COMMON_PASSWORDS.lines().any(|common| common == password)
}

/// Whether the password contains the e-mail's local part, case-insensitively (only for a local
/// part of at least [`MIN_LOCAL_PART_CHARS`] characters).
pub fn contains_email(password: &str, email: &str) -> bool {
    match email::local_part(email) {
        Some(local) if local.chars().count() >= MIN_LOCAL_PART_CHARS => {
            lowercase(password).contains(&lowercase(local))
        }
        _ => false,
    }
}

/// The new password rule, first failing check only: `password_empty` (blank),
/// `password_too_short`, `password_too_long`, `password_common`, `password_contains_email`,
/// `password_guessable` (see `guessable`). Characters are counted as typed: spaces are part of
/// a passphrase.
pub fn validate_new_password(password: &str, email: &str) -> Result<(), ValidationError> {
    validate_new_password_of(password, email, &[])
}

/// As [`validate_new_password`], the person's own words (their names) counted as guessable too.
pub fn validate_new_password_of(
    password: &str,
    email: &str,
    names: &[&str],
) -> Result<(), ValidationError> {
    let chars = password.chars().count();
    let code = if password.trim().is_empty() {
        codes::PASSWORD_EMPTY
    } else if chars < MIN_CHARS {
        codes::PASSWORD_TOO_SHORT
    } else if chars > MAX_CHARS {
        codes::PASSWORD_TOO_LONG
    } else if is_common(password) {
        codes::PASSWORD_COMMON
    } else if contains_email(password, email) {
        codes::PASSWORD_CONTAINS_EMAIL
    } else if is_guessable_for(password, email, names) {
        codes::PASSWORD_GUESSABLE
    } else {
        return Ok(());
    };
    Err(ValidationError::new(code))
}

/// Whether the password is guessable given the person's address and names.
pub fn is_guessable_for(password: &str, email: &str, names: &[&str]) -> bool {
    let own: Vec<&str> = names.iter().copied().chain([email]).collect();
    guessable::is_guessable(password, &own)
}

/// The login rule: only that something was typed (no length or list rule at login).
pub fn validate_login_password(password: &str) -> Result<(), ValidationError> {
    if password.trim().is_empty() {
        return Err(ValidationError::new(codes::PASSWORD_EMPTY));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "camille.martin@example.fr";

    fn code(password: &str, email: &str) -> Option<String> {
        validate_new_password(password, email)
            .err()
            .map(|error| error.code.into_owned())
    }

    #[test]
    fn the_shared_list_is_lower_case_and_within_the_length_rule() {
        let entries: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert!(entries.len() > 150, "{}", entries.len());
        for entry in entries {
            assert_eq!(entry, entry.to_lowercase());
            assert!(
                (MIN_CHARS..=MAX_CHARS).contains(&entry.chars().count()),
                "{entry}"
            );
        }
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(
            code("ééééééééééé", EMAIL).as_deref(),
            Some(codes::PASSWORD_TOO_SHORT)
        );
        assert_eq!(code("éàèùâêîôûçëï", EMAIL), None);
        let varied: String = "éàèùâêîôûçëï".chars().cycle().take(MAX_CHARS).collect();
        assert_eq!(code(&varied, EMAIL), None);
        assert_eq!(
            code(&"é".repeat(MAX_CHARS + 1), EMAIL).as_deref(),
            Some(codes::PASSWORD_TOO_LONG)
        );
        assert_eq!(code("", EMAIL).as_deref(), Some(codes::PASSWORD_EMPTY));
        assert_eq!(code("   ", EMAIL).as_deref(), Some(codes::PASSWORD_EMPTY));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert!(is_common("qwerty123456"));
        assert!(is_common(" QWERTY123456 "));
        assert!(!is_common("cheval correct pile agrafe"));
        assert_eq!(
            code("Qwerty123456", EMAIL).as_deref(),
            Some(codes::PASSWORD_COMMON)
        );
    }

    #[test]
    fn the_local_part_is_refused_from_three_characters() {
        assert_eq!(
            code("mon Camille.Martin à moi", EMAIL).as_deref(),
            Some(codes::PASSWORD_CONTAINS_EMAIL)
        );
        assert_eq!(
            code("mon camille.martin à moi", EMAIL).as_deref(),
            Some(codes::PASSWORD_CONTAINS_EMAIL)
        );
        assert_eq!(code("jolie pomme verte", "jo@example.fr"), None);
        assert_eq!(
            code("joe et la pomme verte", "joe@example.fr").as_deref(),
            Some(codes::PASSWORD_CONTAINS_EMAIL)
        );
        assert_eq!(code("camille est là", "camille"), None);
    }

    #[test]
    fn login_only_needs_a_password() {
        assert!(validate_login_password("x").is_ok());
        assert_eq!(
            validate_login_password("").unwrap_err().code,
            codes::PASSWORD_EMPTY
        );
    }
}
