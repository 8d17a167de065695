//! French words and first and last names, for the new-password check: one of them with a few
//! digits or symbols added (`chocolat2024!`, `Mathilde_1987`) is what a dictionary attack tries
//! first, long enough or not. Too big for the browser bundle (225 KB), so it lives only here;
//! the code is the shared rule's `password_guessable`.
//!
//! `data/french-words.txt`: 28,424 entries of 4 letters or more, lower-cased, accents folded as
//! the shared rule folds them, letters only, sorted, from @zxcvbn-ts/language-fr 3.0.2 (npm,
//! MIT, Dan Wheeler, Dropbox, Inc. and @zxcvbn-ts): `commonWords.json` (the most frequent words
//! of French subtitles and Wikipedia), `firstnames.json` and `lastnames.json`. The same source is
//! described in `crates/validation/data/README.md`.

use std::collections::HashSet;
use std::sync::LazyLock;

use passplus_validation::guessable::letter_readings;

/// Shortest word counted: shorter ones are syllables of any passphrase.
const MIN_LETTERS: usize = 4;

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/french-words.txt")
        .lines()
        .collect()
});

/// Whether the password's letters, read plainly or as leetspeak, are one word of the list.
pub fn is_one_word(password: &str) -> bool {
    letter_readings(password)
        .iter()
        .any(|word| word.chars().count() >= MIN_LETTERS && WORDS.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_or_a_name_with_digits_and_symbols_added_is_one_word() {
        assert!(WORDS.len() > 28_000);
        for password in [
            "chocolat2024!",
            "Mathilde_1987",
            "ch@t-9898-8989",
            "Éléphant#2026",
            "s0l3il-98989",
        ] {
            assert!(is_one_word(password), "{password}");
        }
        for password in [
            "un cheval bleu dans le pré",
            "chocolat et vanille 12",
            "xkq7-mwpz-4rtv",
            "abc1234567890",
        ] {
            assert!(!is_one_word(password), "{password}");
        }
    }
}
