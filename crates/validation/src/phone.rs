//! French phone numbers, as people type them (spaces, dots and dashes ignored), stored in E.164.
//!
//! Accepted: `0` then 1–7 or 9 then 8 digits (`06 12 34 56 78`), or the same without its `0`
//! after the country code, written `+33` (`+33 6 12 34 56 78`) or `0033` (the international
//! prefix dialled from France, so it can only mean +33). `08` numbers are services, not people.
//! Known limit: overseas numbers (`0262…`, `0590…`, `0692…`) pass, but their own country codes
//! (+262, +590…) are not computed: they are stored under +33 like the others.

use validator::ValidationError;

use crate::codes;

/// What people type between digits and that carries no meaning: spaces, dots, dashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '.' || c == '-'
}

/// The number in E.164 (`+33612345678`), or `None` when it is not a French number.
pub fn to_e164(input: &str) -> Option<String> {
    let number: String = input.chars().filter(|c| !is_separator(*c)).collect();
    let national = number
        .strip_prefix("+33")
        .or_else(|| number.strip_prefix("0033"))
        .or_else(|| number.strip_prefix('0'))?;
    let valid = national.len() == 9
        && national.bytes().all(|c| c.is_ascii_digit())
        && matches!(national.as_bytes()[0], b'1'..=b'7' | b'9');
    valid.then(|| format!("+33{national}"))
}

/// The phone rule: `phone_empty` when nothing but separators was typed, `phone_not_french`
/// unless [`to_e164`] accepts it.
pub fn validate_phone(input: &str) -> Result<(), ValidationError> {
    if input.chars().all(is_separator) {
        return Err(ValidationError::new(codes::PHONE_EMPTY));
    }
    match to_e164(input) {
        Some(_) => Ok(()),
        None => Err(ValidationError::new(codes::PHONE_NOT_FRENCH)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_and_international_forms_give_e164() {
        for input in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "+33612345678",
            "+33 6 12 34 56 78",
            "0033 6 12 34 56 78",
        ] {
            assert_eq!(to_e164(input).as_deref(), Some("+33612345678"), "{input}");
        }
        assert_eq!(to_e164("01 47 29 30 00").as_deref(), Some("+33147293000"));
        assert_eq!(to_e164("09 70 00 00 00").as_deref(), Some("+33970000000"));
    }

    #[test]
    fn other_numbers_are_not_french() {
        for input in [
            "0812345678",
            "0012345678",
            "061234567",
            "06123456789",
            "+330612345678",
            "+32 470 12 34 56",
            "+33 8 12 34 56 78",
            "(06) 12 34 56 78",
            "06 12 34 56 7a",
            "０6 12 34 56 78",
            "612345678",
        ] {
            assert_eq!(
                validate_phone(input).unwrap_err().code,
                codes::PHONE_NOT_FRENCH,
                "{input}"
            );
        }
    }

    #[test]
    fn nothing_typed_is_empty() {
        for input in ["", "  ", " .-"] {
            assert_eq!(validate_phone(input).unwrap_err().code, codes::PHONE_EMPTY);
        }
    }
}
