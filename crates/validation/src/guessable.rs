//! Whether a new password is among what an attacker tries first, beyond the common-password
//! lists (CNIL délibération 2022-100): patterns, words of the context, and too little entropy.
//!
//! **Patterns.** The password's letters (accents folded, case ignored; digits and symbols set
//! aside, or read as the letters they stand for: `p@ssw0rd`) are covered, as far as they can
//! be, by pieces an attacker enumerates: a character repeated, an alphabetical sequence
//! (`abc`, `zyx`), a stretch of a keyboard row (AZERTY or QWERTY, forwards or backwards:
//! `azer`, `poiu`), a word of the context (Pass+, the Départements, the person's own names and
//! e-mail). With fewer than [`MIN_FREE_LETTERS`] letters left over, the password is a pattern
//! with a few digits or symbols added. So are passwords of digits and symbols only (numbers,
//! dates).
//!
//! **Entropy.** The CNIL's own calculation for a service with access restriction: length ×
//! log2 of the number of characters in the classes used (digits 10, lower case 26, upper case
//! 26, any other character 33), at least [`MIN_ENTROPY_BITS`].
//!
//! Hand-written and small: it is compiled into the browser bundle.

/// The CNIL's floor for a password alone behind an access restriction, in bits.
pub const MIN_ENTROPY_BITS: u32 = 50;

/// Letters a password must have beyond the pieces an attacker tries first.
pub const MIN_FREE_LETTERS: usize = 4;

/// The keyboard rows people slide along, AZERTY then QWERTY (French phones and PCs use both).
const KEYBOARD_ROWS: [&str; 6] = [
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
];

/// Shortest keyboard stretch counted (three would catch ordinary syllables: `ert`, `ghj`).
const MIN_ROW_STRETCH: usize = 4;

/// Words of the service's context and the French and English words every guessing list starts
/// with, accents folded, letters only, one space apart (one string weighs less in the bundle).
const CONTEXT_WORDS: &str =
    "passplus pass plus motdepasse password hautsdeseine yvelines departement college \
    cantine nanterre versailles france paris bonjour soleil jetaime iloveyou secret \
    admin azerty qwerty famille enfant";

/// Whether `password` is guessable, given the person's own words (names, the e-mail address).
pub fn is_guessable(password: &str, own_words: &[&str]) -> bool {
    !meets_entropy_floor(password) || is_pattern(password, own_words)
}

/// The password's letters as one word, read plainly and as leetspeak (`Soleil2024!` →
/// `soleil`; `s0l3il!` → `soleil`), for the server's word list: a word with a few digits or
/// symbols added is a word.
pub fn letter_readings(password: &str) -> [String; 2] {
    [false, true].map(|leet| letters(password, leet).into_iter().collect())
}

/// Whether length × log2(pool) ≥ 50, computed as pool^length ≥ 2^50 in integers: the same
/// comparison without floating point, whose logarithm would weigh on the browser bundle.
pub fn meets_entropy_floor(password: &str) -> bool {
    let pool = u128::from(pool_size(password));
    let floor = 1u128 << MIN_ENTROPY_BITS;
    let mut combinations = 1u128;
    for _ in password.chars() {
        combinations = combinations.saturating_mul(pool);
        if combinations >= floor {
            return true;
        }
    }
    false
}

/// The number of characters in the classes the password uses, as the CNIL counts them.
fn pool_size(password: &str) -> u32 {
    let (mut digits, mut lower, mut upper, mut other) = (false, false, false, false);
    for c in password.chars() {
        match c {
            '0'..='9' => digits = true,
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            _ => other = true,
        }
    }
    [(digits, 10), (lower, 26), (upper, 26), (other, 33)]
        .iter()
        .filter(|(used, _)| *used)
        .map(|(_, size)| size)
        .sum()
}

/// Whether the password is only pieces an attacker enumerates, with a few characters added.
fn is_pattern(password: &str, own_words: &[&str]) -> bool {
    let words: Vec<Vec<char>> = own_words
        .iter()
        .flat_map(|word| word.split(|c: char| !c.is_alphanumeric()))
        .map(|word| letters(word, false))
        .chain(CONTEXT_WORDS.split(' ').map(|word| word.chars().collect()))
        .filter(|word| word.len() >= 3)
        .collect();
    [letters(password, false), letters(password, true)]
        .iter()
        .any(|letters| free_letters(letters, &words) < MIN_FREE_LETTERS)
}

/// The password's letters, lower case, accents folded; with `leet`, the digits and symbols
/// that stand for letters are read as them, the others set aside.
fn letters(text: &str, leet: bool) -> Vec<char> {
    text.chars()
        .map(crate::letter_case::lower)
        .filter_map(|c| {
            let folded = fold(c);
            if folded.is_alphabetic() {
                return Some(folded);
            }
            if !leet {
                return None;
            }
            match c {
                '@' | '4' => Some('a'),
                '3' | '€' => Some('e'),
                '1' | '!' => Some('i'),
                '0' => Some('o'),
                '$' | '5' => Some('s'),
                '7' => Some('t'),
                _ => None,
            }
        })
        .collect()
}

/// A French letter without its accent (`é` → `e`, `ç` → `c`, `œ` kept).
fn fold(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// The fewest letters left over when as much as possible is covered by guessable pieces.
fn free_letters(letters: &[char], words: &[Vec<char>]) -> usize {
    // fewest[i]: the fewest letters left over in the first i letters.
    let mut fewest = vec![usize::MAX; letters.len() + 1];
    fewest[0] = 0;
    for start in 0..letters.len() {
        let here = fewest[start];
        fewest[start + 1] = fewest[start + 1].min(here + 1);
        for length in piece_lengths(&letters[start..], words) {
            fewest[start + length] = fewest[start + length].min(here);
        }
    }
    fewest[letters.len()]
}

/// The lengths of the guessable pieces that start `rest`.
fn piece_lengths(rest: &[char], words: &[Vec<char>]) -> Vec<usize> {
    let mut lengths = Vec::new();
    let run = |step: fn(char, char) -> bool| {
        1 + rest
            .windows(2)
            .take_while(|pair| step(pair[0], pair[1]))
            .count()
    };
    // A character repeated, then an alphabetical sequence either way (three at least).
    for step in [
        (|a, b| a == b) as fn(char, char) -> bool,
        |a, b| b as u32 == a as u32 + 1,
        |a, b| a as u32 == b as u32 + 1,
    ] {
        let length = run(step);
        if length >= 3 {
            lengths.extend(3..=length);
        }
    }
    for row in KEYBOARD_ROWS {
        let row: Vec<char> = row.chars().collect();
        let backwards: Vec<char> = row.iter().rev().copied().collect();
        for line in [row, backwards] {
            let length = longest_stretch(rest, &line);
            if length >= MIN_ROW_STRETCH {
                lengths.extend(MIN_ROW_STRETCH..=length);
            }
        }
    }
    lengths.extend(
        words
            .iter()
            .filter(|word| rest.starts_with(word))
            .map(Vec::len),
    );
    lengths
}

/// How many of `rest`'s first characters follow `line` from some position.
fn longest_stretch(rest: &[char], line: &[char]) -> usize {
    let Some(first) = rest.first() else {
        return 0;
    };
    let Some(start) = line.iter().position(|c| c == first) else {
        return 0;
    };
    rest.iter()
        .zip(&line[start..])
        .take_while(|(a, b)| a == b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_attacker_tries_first_is_guessable() {
        for password in [
            "azertyuiop123",
            "azertyuiop12",
            "123456789012",
            "motdepasse123",
            "aaaaaaaaaaaa",
            "AZERTYUIOP!!",
            "poiuytreza12",
            "qwertyuiop!!",
            "mnbvcxz98765",
            "abcdefghijkl",
            "zyxwvutsrqp!",
            "PassPlus2026!",
            "Pass+ 2026 !!",
            "Hauts-de-Seine92",
            "Yvelines78000",
            "01/02/1985!!!",
            "P@ssw0rd2026!",
            "M0tdepa$$e123",
            "azertyqwerty",
            "xxxxxxxxxxxy",
            "4821093755231234",
        ] {
            assert!(is_guessable(password, &[]), "{password}");
        }
    }

    #[test]
    fn the_persons_own_words_are_guessable_with_a_few_characters_added() {
        let own = ["Camille", "Martin-Dubois", "camille.martin@example.fr"];
        for password in [
            "Camille1985!!",
            "martindubois92",
            "camille.martin!",
            "Dubois2026!!",
        ] {
            assert!(is_guessable(password, &own), "{password}");
            // Guessable because they are the person's own: anyone else's would pass.
            assert!(!is_guessable(password, &[]), "{password} without context");
        }
    }

    #[test]
    fn passphrases_and_ordinary_passwords_are_not() {
        for password in [
            "un cheval bleu dans le pré",
            "éàèùâêîôûçëï",
            "Le chat de Zoé mange 3 souris",
            "monchien2024!",
            "correct horse battery staple",
            "tartine-girafe-velo",
        ] {
            assert!(
                !is_guessable(password, &["Camille", "Martin"]),
                "{password}"
            );
        }
    }

    /// The CNIL's formula as written, in floating point, to check the integer comparison.
    fn entropy_bits(password: &str) -> f64 {
        password.chars().count() as f64 * f64::from(pool_size(password)).log2()
    }

    #[test]
    fn entropy_follows_the_cnils_calculation() {
        // 12 digits: 12 × log2(10) ≈ 39.9 bits; 16 digits ≈ 53.2; 11 lower case ≈ 51.7.
        assert!(!meets_entropy_floor("482109375523"));
        assert!(meets_entropy_floor("4821093755231234"));
        assert!(!meets_entropy_floor("482109375523123"));
        assert!(meets_entropy_floor("abcdefghijk"));
        assert!(!meets_entropy_floor("abcdefghij"));
        assert!(!meets_entropy_floor(""));
        assert_eq!(pool_size("Abc1!"), 95);
        for password in [
            "482109375523",
            "4821093755231234",
            "abcdefghij",
            "abcdefghijk",
            "Abc1!x",
            "Abc1!xyz",
            "ÉÉÉÉÉÉÉÉÉ",
            "ÉÉÉÉÉÉÉÉÉÉ",
        ] {
            assert_eq!(
                meets_entropy_floor(password),
                entropy_bits(password) >= f64::from(MIN_ENTROPY_BITS),
                "{password}"
            );
        }
    }
}
