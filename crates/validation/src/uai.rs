//! The UAI (Unité administrative immatriculée), the national identifier of a school:
//! seven digits and a check letter, `"ABCDEFGHJKLMNPRSTUVWXYZ"[N mod 23]` where N is the number
//! the seven digits form (23 letters: no I, O or Q).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::codes;

const CHECK_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A UAI that passed its check: always 8 characters, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uai(String);

/// Each way a typed UAI can be wrong, with its wire code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UaiError {
    Empty,
    WrongLength,
    NotDigits,
    WrongCheckLetter,
}

impl UaiError {
    pub fn code(self) -> &'static str {
        match self {
            UaiError::Empty => codes::UAI_EMPTY,
            UaiError::WrongLength => codes::UAI_LENGTH,
            UaiError::NotDigits => codes::UAI_NOT_DIGITS,
            UaiError::WrongCheckLetter => codes::UAI_CHECK_LETTER,
        }
    }
}

impl fmt::Display for UaiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for UaiError {}

/// What people type around a code and that carries no meaning: spaces, dots, hyphens.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '.' || c == '-'
}

/// Removes separators and upper-cases, the form in which a UAI is checked and stored.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !is_separator(*c))
        // A UAI is ASCII: anything else is refused by the rule, whatever its case.
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The check letter of the number formed by seven digits.
pub fn check_letter(digits: u32) -> char {
    CHECK_LETTERS[(digits % 23) as usize] as char
}

impl Uai {
    pub fn parse(input: &str) -> Result<Uai, UaiError> {
        let uai = normalise(input);
        if uai.is_empty() {
            return Err(UaiError::Empty);
        }
        let chars: Vec<char> = uai.chars().collect();
        if chars.len() != 8 {
            return Err(UaiError::WrongLength);
        }
        let number = chars[..7]
            .iter()
            .try_fold(0u32, |number, c| match c.to_digit(10) {
                Some(digit) if c.is_ascii() => Ok(number * 10 + digit),
                _ => Err(UaiError::NotDigits),
            })?;
        if chars[7] != check_letter(number) {
            return Err(UaiError::WrongCheckLetter);
        }
        Ok(Uai(uai))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Uai {
    type Error = UaiError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Uai::parse(&value)
    }
}

impl From<Uai> for String {
    fn from(uai: Uai) -> String {
        uai.0
    }
}

impl fmt::Display for Uai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether free text typed in a search is meant as a UAI, so that the UAI rule applies to it:
/// six or more leading digits. A postal code has five, so "92160" stays a plain search.
pub fn is_uai_attempt(input: &str) -> bool {
    normalise(input)
        .chars()
        .take_while(char::is_ascii_digit)
        .count()
        >= 6
}

/// The shared test vectors, one file compiled into the native and the wasm tests so that both
/// targets provably agree. Each line: the input, a tab, then `ok NORMALISED` or an error code.
pub const TEST_VECTORS: &str = include_str!("../data/uai-vectors.tsv");

/// Runs every vector and returns the lines that disagree, for both test targets to assert empty.
pub fn vector_failures() -> Vec<String> {
    let mut failures = Vec::new();
    for line in TEST_VECTORS.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((input, expected)) = line.split_once('\t') else {
            failures.push(format!("malformed vector line: {line:?}"));
            continue;
        };
        let actual = match Uai::parse(input) {
            Ok(uai) => format!("ok {uai}"),
            Err(error) => error.code().to_owned(),
        };
        if actual != expected {
            failures.push(format!("{input:?}: expected {expected}, got {actual}"));
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_vector_passes() {
        assert_eq!(vector_failures(), Vec::<String>::new());
    }

    #[test]
    fn vectors_cover_every_uai_error() {
        for error in [
            UaiError::Empty,
            UaiError::WrongLength,
            UaiError::NotDigits,
            UaiError::WrongCheckLetter,
        ] {
            assert!(
                TEST_VECTORS.contains(&format!("\t{}", error.code())),
                "no vector for {error}"
            );
        }
    }

    #[test]
    fn check_letter_skips_i_o_and_q() {
        let letters: String = (0..23).map(check_letter).collect();
        assert_eq!(letters, "ABCDEFGHJKLMNPRSTUVWXYZ");
        assert_eq!(check_letter(23), 'A');
    }

    #[test]
    fn search_text_is_a_uai_attempt_only_from_six_digits() {
        assert!(!is_uai_attempt("92160"));
        assert!(!is_uai_attempt("Anne Frank"));
        assert!(is_uai_attempt("092124"));
        assert!(is_uai_attempt(" 0921 243B "));
    }

    #[test]
    fn uai_deserialises_only_when_valid() {
        let ok: Uai = serde_json::from_str("\"0921243b\"").unwrap();
        assert_eq!(ok.as_str(), "0921243B");
        assert!(serde_json::from_str::<Uai>("\"0921243C\"").is_err());
    }
}
