//! Given and family names: letters of any script (with their accents, typed precomposed or as
//! combining marks), spaces, hyphens and apostrophes (' and ’), 1 to 100 characters once trimmed.

use validator::ValidationError;

use crate::codes;

/// Most characters a name may have, once trimmed.
pub const MAX_CHARS: usize = 100;

/// Each way a typed name can be wrong; its wire code depends on the field ([`NameError::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    /// A digit, a symbol, a mark with no letter before it, or no letter at all.
    Invalid,
}

/// Which name field a rule runs on, for its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameField {
    Given,
    Family,
}

impl NameError {
    pub fn code(self, field: NameField) -> &'static str {
        match (field, self) {
            (NameField::Given, NameError::Empty) => codes::GIVEN_NAME_EMPTY,
            (NameField::Given, NameError::TooLong) => codes::GIVEN_NAME_TOO_LONG,
            (NameField::Given, NameError::Invalid) => codes::GIVEN_NAME_INVALID,
            (NameField::Family, NameError::Empty) => codes::FAMILY_NAME_EMPTY,
            (NameField::Family, NameError::TooLong) => codes::FAMILY_NAME_TOO_LONG,
            (NameField::Family, NameError::Invalid) => codes::FAMILY_NAME_INVALID,
        }
    }
}

/// Combining marks that may follow a letter: the diacritics blocks (U+0300–036F and its
/// extensions), which is how accents arrive when text is typed or pasted decomposed (NFD).
/// Marks of scripts such as Devanagari are letters for [`char::is_alphabetic`] already.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’')
}

/// Checks a name as typed: trimmed, 1 to [`MAX_CHARS`] characters, letters and separators only,
/// at least one letter, combining marks only right after a letter or another mark.
pub fn check(input: &str) -> Result<(), NameError> {
    let name = input.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_CHARS {
        return Err(NameError::TooLong);
    }
    let mut after_letter = false;
    let mut has_letter = false;
    for c in name.chars() {
        after_letter = if c.is_alphabetic() {
            has_letter = true;
            true
        } else if is_combining_mark(c) && after_letter {
            true
        } else if is_separator(c) {
            false
        } else {
            return Err(NameError::Invalid);
        };
    }
    if has_letter {
        Ok(())
    } else {
        Err(NameError::Invalid)
    }
}

/// The given name's rule, for `#[validate(custom)]`.
pub fn validate_given_name(input: &str) -> Result<(), ValidationError> {
    check(input).map_err(|error| ValidationError::new(error.code(NameField::Given)))
}

/// The family name's rule, for `#[validate(custom)]`.
pub fn validate_family_name(input: &str) -> Result<(), ValidationError> {
    check(input).map_err(|error| ValidationError::new(error.code(NameField::Family)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_any_script_pass() {
        for name in [
            "Zoé",
            "Jean-Baptiste",
            "N’Diaye",
            "O'Brien",
            "de La Fontaine",
            "Ελένη",
            "Дмитрий",
            "李",
            "Zoe\u{301}",
            "  Éloïse  ",
        ] {
            assert_eq!(check(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn digits_symbols_and_stray_marks_are_invalid() {
        for name in [
            "R2D2",
            "Jean_Paul",
            "Marie.",
            "Anne@",
            "-",
            "' ’",
            "\u{301}e",
            "a -\u{301}",
        ] {
            assert_eq!(check(name), Err(NameError::Invalid), "{name}");
        }
    }

    #[test]
    fn length_is_counted_in_characters_after_trimming() {
        assert_eq!(check("   "), Err(NameError::Empty));
        assert_eq!(check(&"é".repeat(MAX_CHARS)), Ok(()));
        assert_eq!(check(&format!(" {} ", "é".repeat(MAX_CHARS))), Ok(()));
        assert_eq!(check(&"é".repeat(MAX_CHARS + 1)), Err(NameError::TooLong));
    }

    #[test]
    fn each_field_has_its_own_codes() {
        assert_eq!(
            validate_given_name("").unwrap_err().code,
            codes::GIVEN_NAME_EMPTY
        );
        assert_eq!(
            validate_family_name("X Æ A-12").unwrap_err().code,
            codes::FAMILY_NAME_INVALID
        );
    }
}
