//! The Pass+ number printed on a pupil's card and quoted on the phone: twelve digits, shown in
//! three groups of four (`4821 0937 5523`). The first eleven are random (the first never 0, so
//! the number never loses a digit in a spreadsheet); the twelfth is a Damm check digit.
//!
//! Damm's algorithm (H. Michael Damm, 2004) uses a totally anti-symmetric quasigroup of order 10:
//! it catches every single wrong digit and every swap of two neighbouring digits, which are the
//! two mistakes people make when copying or dictating a number. Digits only, because a number
//! read aloud or typed on a phone's keypad is easier without letters.

use validator::ValidationError;

use crate::codes;

/// Digits of a Pass+ number, check digit included.
pub const LENGTH: usize = 12;

/// The quasigroup: `TABLE[interim][digit]` is the next interim digit.
const TABLE: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The check digit of a string of digits (`None` if it holds anything else).
pub fn check_digit(digits: &str) -> Option<char> {
    let mut interim = 0u8;
    for c in digits.chars() {
        interim = TABLE[usize::from(interim)][c.to_digit(10)? as usize];
    }
    Some(char::from(b'0' + interim))
}

/// Builds a number from eleven random digits (the caller's randomness: this crate does no I/O).
/// Digits outside 0–9 are reduced modulo 10, and a leading 0 becomes 1.
pub fn from_random_digits(random: [u8; LENGTH - 1]) -> String {
    let mut number: String = random
        .iter()
        .enumerate()
        .map(|(index, byte)| {
            let digit = byte % 10;
            char::from(b'0' + if index == 0 && digit == 0 { 1 } else { digit })
        })
        .collect();
    let check = check_digit(&number).expect("digits only");
    number.push(check);
    number
}

/// Removes what people type or copy between groups: spaces, hyphens, dots.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
        .collect()
}

/// `482109375523` → `4821 0937 5523`.
pub fn grouped(number: &str) -> String {
    let mut out = String::with_capacity(number.len() + 2);
    for (index, c) in number.chars().enumerate() {
        if index > 0 && index % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The rule for a typed Pass+ number: twelve digits (`pass_number_length`, `pass_number_not_digits`)
/// whose last one checks (`pass_number_check`).
pub fn validate_pass_number(input: &str) -> Result<(), ValidationError> {
    let number = normalise(input);
    let code = if number.is_empty() {
        codes::PASS_NUMBER_EMPTY
    } else if !number.chars().all(|c| c.is_ascii_digit()) {
        codes::PASS_NUMBER_NOT_DIGITS
    } else if number.len() != LENGTH {
        codes::PASS_NUMBER_LENGTH
    } else if check_digit(&number) != Some('0') {
        // Running the algorithm over a number and its check digit ends on 0.
        codes::PASS_NUMBER_CHECK
    } else {
        return Ok(());
    };
    Err(ValidationError::new(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_valid(number: &str) -> bool {
        validate_pass_number(number).is_ok()
    }

    /// A deterministic spread of numbers (no randomness in tests).
    fn sample_numbers() -> impl Iterator<Item = String> {
        (0u64..500).map(|seed| {
            let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut digits = [0u8; LENGTH - 1];
            for digit in &mut digits {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                *digit = (state >> 33) as u8;
            }
            from_random_digits(digits)
        })
    }

    #[test]
    fn known_damm_check_digits() {
        // The algorithm's published example: 572 → 4.
        assert_eq!(check_digit("572"), Some('4'));
        assert_eq!(check_digit("57a"), None);
    }

    #[test]
    fn generated_numbers_have_twelve_digits_no_leading_zero_and_check() {
        assert_eq!(from_random_digits([0; 11]).len(), LENGTH);
        assert!(from_random_digits([0; 11]).starts_with('1'));
        for number in sample_numbers() {
            assert_eq!(number.len(), LENGTH);
            assert!(!number.starts_with('0'));
            assert!(is_valid(&number), "{number}");
        }
    }

    #[test]
    fn every_single_wrong_digit_is_caught() {
        for number in sample_numbers() {
            for position in 0..LENGTH {
                for replacement in b'0'..=b'9' {
                    let mut bytes = number.clone().into_bytes();
                    if bytes[position] == replacement {
                        continue;
                    }
                    bytes[position] = replacement;
                    let typo = String::from_utf8(bytes).unwrap();
                    assert!(!is_valid(&typo), "{number} → {typo} slipped through");
                }
            }
        }
    }

    #[test]
    fn every_swap_of_neighbours_is_caught() {
        for number in sample_numbers() {
            for position in 0..LENGTH - 1 {
                let mut bytes = number.clone().into_bytes();
                if bytes[position] == bytes[position + 1] {
                    continue;
                }
                bytes.swap(position, position + 1);
                let swapped = String::from_utf8(bytes).unwrap();
                assert!(!is_valid(&swapped), "{number} → {swapped} slipped through");
            }
        }
    }

    #[test]
    fn typed_numbers_may_carry_spaces_and_get_precise_codes() {
        let number = sample_numbers().next().unwrap();
        assert!(is_valid(&grouped(&number)));
        assert_eq!(grouped("482109375523"), "4821 0937 5523");
        let code = |input: &str| validate_pass_number(input).unwrap_err().code.to_string();
        assert_eq!(code(""), "pass_number_empty");
        assert_eq!(code("4821 0937 552"), "pass_number_length");
        assert_eq!(code("4821 0937 552X"), "pass_number_not_digits");
    }
}
