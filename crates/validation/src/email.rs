//! E-mail addresses: exactly what a browser's `<input type=email>` accepts (the WHATWG "valid
//! e-mail address"), checked by hand, at most 254 characters, stored trimmed and lower-cased.
//!
//! The WHATWG definition: a local part of one or more of ``a-z A-Z 0-9 . ! # $ % & ' * + / = ? ^ _
//! ` { | } ~ -``, an `@`, then one or more dot-separated labels of 1 to 63 ASCII letters, digits
//! and hyphens that neither start nor end with a hyphen. A domain without a dot (`a@localhost`)
//! is valid; non-ASCII text is not (browsers convert an internationalised domain to its `xn--`
//! form first; people type that form here).

use validator::ValidationError;

use crate::codes;

/// Most characters an address may have once trimmed (the longest path SMTP allows, RFC 5321).
pub const MAX_CHARS: usize = 254;
/// Most characters of a domain label.
const MAX_LABEL_CHARS: usize = 63;

/// The stored form of an address: trimmed and lower-cased, so that uniqueness ignores case.
pub fn normalise(input: &str) -> String {
    crate::letter_case::lowercase(input.trim())
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&c)
}

fn is_valid_label(label: &[u8]) -> bool {
    (1..=MAX_LABEL_CHARS).contains(&label.len())
        && label
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
}

/// Whether `address`, taken as it is (not trimmed), is a WHATWG valid e-mail address.
pub fn is_valid_syntax(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.bytes().all(is_local_char)
        && domain.as_bytes().split(|c| *c == b'.').all(is_valid_label)
}

/// The part before the first `@` of the trimmed input, if it has one.
pub fn local_part(input: &str) -> Option<&str> {
    input.trim().split_once('@').map(|(local, _)| local)
}

/// The signup rule: not empty, at most [`MAX_CHARS`] characters, then the WHATWG syntax (on the
/// trimmed input, as browsers strip surrounding spaces).
pub fn validate_email(input: &str) -> Result<(), ValidationError> {
    let address = input.trim();
    if address.is_empty() {
        return Err(ValidationError::new(codes::EMAIL_EMPTY));
    }
    if address.chars().count() > MAX_CHARS {
        return Err(ValidationError::new(codes::EMAIL_TOO_LONG));
    }
    if !is_valid_syntax(address) {
        return Err(ValidationError::new(codes::EMAIL_INVALID));
    }
    Ok(())
}

/// The login rule: `email_empty` or `email_invalid` only; an address too long to have an account
/// is invalid here.
pub fn validate_login_email(input: &str) -> Result<(), ValidationError> {
    validate_email(input).map_err(|error| match error.code.as_ref() {
        codes::EMAIL_TOO_LONG => ValidationError::new(codes::EMAIL_INVALID),
        _ => error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> Option<String> {
        validate_email(input)
            .err()
            .map(|error| error.code.into_owned())
    }

    #[test]
    fn addresses_browsers_accept_pass() {
        for address in [
            "camille.martin@example.fr",
            "Camille.Martin@Example.FR",
            "a@b",
            "user+tag@sub.domain-1.example",
            ".a..b.@example.fr",
            "!#$%&'*+/=?^_`{|}~-@x.org",
            "jean@xn--exmple-cua.fr",
            "  camille@example.fr ",
        ] {
            assert_eq!(code(address), None, "{address}");
        }
    }

    #[test]
    fn addresses_browsers_refuse_are_invalid() {
        for address in [
            "camille",
            "@example.fr",
            "camille@",
            "camille@@example.fr",
            "cam ille@example.fr",
            "camille@example..fr",
            "camille@.example.fr",
            "camille@example.fr.",
            "camille@-example.fr",
            "camille@example-.fr",
            "camille@exa_mple.fr",
            "camille@exämple.fr",
            "cämille@example.fr",
            "\"camille\"@example.fr",
        ] {
            assert_eq!(
                code(address).as_deref(),
                Some(codes::EMAIL_INVALID),
                "{address}"
            );
        }
    }

    #[test]
    fn labels_are_at_most_63_characters() {
        assert!(is_valid_syntax(&format!("a@{}.fr", "b".repeat(63))));
        assert!(!is_valid_syntax(&format!("a@{}.fr", "b".repeat(64))));
    }

    #[test]
    fn length_and_emptiness_have_their_codes() {
        assert_eq!(code(" ").as_deref(), Some(codes::EMAIL_EMPTY));
        let longest = format!(
            "{}@{}.{}.{}.fr",
            "a".repeat(65),
            "b".repeat(60),
            "c".repeat(60),
            "d".repeat(63)
        );
        assert_eq!(longest.len(), MAX_CHARS);
        assert_eq!(code(&longest), None);
        assert_eq!(
            code(&format!("a{longest}")).as_deref(),
            Some(codes::EMAIL_TOO_LONG)
        );
        let login = validate_login_email(&format!("a{longest}")).unwrap_err();
        assert_eq!(login.code, codes::EMAIL_INVALID);
    }

    #[test]
    fn stored_form_is_trimmed_and_lower_case() {
        assert_eq!(
            normalise(" Camille.Martin@Example.FR "),
            "camille.martin@example.fr"
        );
        assert_eq!(
            local_part(" Camille.Martin@Example.FR "),
            Some("Camille.Martin")
        );
        assert_eq!(local_part("nobody"), None);
    }
}
