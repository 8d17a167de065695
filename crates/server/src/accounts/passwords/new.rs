//! The server's own checks of a new password, after the shared rules and with the same codes:
//! its longer common-password list, and the account's address and names (which a password change
//! or reset body does not carry).

use passplus_validation::{codes, password, FieldErrors};

use super::{common as common_passwords, french_words};
use crate::http::error::AppError;

/// 422 on `field` when the password is common, contains the address's local part, or is
/// guessable from the account's address and names or as one French word or name.
pub fn check(
    new_password: &str,
    account_email: &str,
    names: &[&str],
    field: &str,
) -> Result<(), AppError> {
    let code = if common_passwords::is_common(new_password) {
        codes::PASSWORD_COMMON
    } else if password::contains_email(new_password, account_email) {
        codes::PASSWORD_CONTAINS_EMAIL
    } else if password::is_guessable_for(new_password, account_email, names)
        || french_words::is_one_word(new_password)
    {
        codes::PASSWORD_GUESSABLE
    } else {
        return Ok(());
    };
    Err(AppError::Invalid(FieldErrors::one(field, code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_and_the_address_are_refused_under_the_field() {
        let names = ["Camille", "Martin"];
        assert!(check(
            "un cheval bleu dans le pré",
            "camille@example.fr",
            &names,
            "x"
        )
        .is_ok());
        for (password, code) in [
            ("Sonyericsson", codes::PASSWORD_COMMON),
            ("la famille camille.martin", codes::PASSWORD_CONTAINS_EMAIL),
            ("Martin!1985!!", codes::PASSWORD_GUESSABLE),
            ("Chocolat!2024", codes::PASSWORD_GUESSABLE),
        ] {
            match check(
                password,
                "camille.martin@example.fr",
                &names,
                "new_password",
            ) {
                Err(AppError::Invalid(errors)) => {
                    assert_eq!(errors.first_code("new_password"), Some(code))
                }
                other => panic!("{password}: {other:?}"),
            }
        }
    }
}
