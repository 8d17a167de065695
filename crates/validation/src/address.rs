//! Postal addresses in France: street, postal code (5 digits, CEDEX codes included) and commune.

use validator::ValidationError;

use crate::codes;

/// Most characters of the street line and of the commune, once trimmed.
pub const STREET_MAX_CHARS: usize = 200;
pub const COMMUNE_MAX_CHARS: usize = 100;

/// The stored form of a postal code: without the spaces people type (`92 160` → `92160`).
pub fn normalise_postal_code(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The postal code rule: exactly 5 digits once spaces are removed. CEDEX codes (`92047`) have
/// 5 digits too; the word CEDEX goes with the commune.
pub fn validate_postal_code(input: &str) -> Result<(), ValidationError> {
    let code = normalise_postal_code(input);
    if code.is_empty() {
        return Err(ValidationError::new(codes::POSTAL_CODE_EMPTY));
    }
    if code.len() != 5 || !code.bytes().all(|c| c.is_ascii_digit()) {
        return Err(ValidationError::new(codes::POSTAL_CODE_INVALID));
    }
    Ok(())
}

/// A free-text line: not blank, at most `max` characters once trimmed.
fn check_line(
    input: &str,
    max: usize,
    empty: &'static str,
    too_long: &'static str,
) -> Result<(), ValidationError> {
    let line = input.trim();
    if line.is_empty() {
        return Err(ValidationError::new(empty));
    }
    if line.chars().count() > max {
        return Err(ValidationError::new(too_long));
    }
    Ok(())
}

/// The street rule: number and street name, 1 to [`STREET_MAX_CHARS`] characters.
pub fn validate_street(input: &str) -> Result<(), ValidationError> {
    check_line(
        input,
        STREET_MAX_CHARS,
        codes::STREET_EMPTY,
        codes::STREET_TOO_LONG,
    )
}

/// The commune rule: 1 to [`COMMUNE_MAX_CHARS`] characters.
pub fn validate_commune(input: &str) -> Result<(), ValidationError> {
    check_line(
        input,
        COMMUNE_MAX_CHARS,
        codes::COMMUNE_EMPTY,
        codes::COMMUNE_TOO_LONG,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: Result<(), ValidationError>) -> Option<String> {
        result.err().map(|error| error.code.into_owned())
    }

    #[test]
    fn postal_codes_are_five_digits_spaces_ignored() {
        for input in ["92160", " 92 160 ", "78000", "92047"] {
            assert_eq!(code(validate_postal_code(input)), None, "{input}");
        }
        assert_eq!(normalise_postal_code(" 92 160 "), "92160");
        for input in ["9216", "921600", "92-160", "2A004", "９２１６０"] {
            assert_eq!(
                code(validate_postal_code(input)).as_deref(),
                Some(codes::POSTAL_CODE_INVALID),
                "{input}"
            );
        }
        assert_eq!(
            code(validate_postal_code("  ")).as_deref(),
            Some(codes::POSTAL_CODE_EMPTY)
        );
    }

    #[test]
    fn street_and_commune_are_bounded_lines() {
        assert_eq!(code(validate_street("2 bd Soufflot")), None);
        assert_eq!(
            code(validate_street(" ")).as_deref(),
            Some(codes::STREET_EMPTY)
        );
        assert_eq!(code(validate_street(&"é".repeat(STREET_MAX_CHARS))), None);
        assert_eq!(
            code(validate_street(&"é".repeat(STREET_MAX_CHARS + 1))).as_deref(),
            Some(codes::STREET_TOO_LONG)
        );
        assert_eq!(code(validate_commune("Nanterre CEDEX")), None);
        assert_eq!(
            code(validate_commune("")).as_deref(),
            Some(codes::COMMUNE_EMPTY)
        );
        assert_eq!(
            code(validate_commune(&"a".repeat(COMMUNE_MAX_CHARS + 1))).as_deref(),
            Some(codes::COMMUNE_TOO_LONG)
        );
    }
}
