//! The shared account test vectors: one table (`data/account-vectors.tsv`) run through the real
//! forms by the native tests, the wasm tests in a browser and the server's API tests, so that all
//! three provably give the same codes. The file's header describes its format.

use serde::Serialize;

use crate::account::{LoginForm, PostalAddress, SignupForm, TokenForm};
use crate::{address, check, email, phone, FieldErrors};

/// The table, compiled in so that both targets read the very same lines.
pub const ACCOUNT_VECTORS: &str = include_str!("../data/account-vectors.tsv");

/// One line of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountVector<'a> {
    /// `given_name`, `family_name`, `email`, `password`, `phone`, `street`, `postal_code`,
    /// `commune` (signup), `login_email`, `login_password` (login) or `token` (verification).
    pub rule: &'a str,
    /// Verbatim; for `password`, the e-mail, one space, then the password.
    pub input: &'a str,
    /// `ok`, `ok STORED` (e-mail, phone, postal code) or the error code.
    pub expected: &'a str,
}

/// A request body carrying a vector's input in its field and valid values everywhere else.
/// Serialises as the bare form, ready to send to the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum VectorForm {
    Signup(SignupForm),
    Login(LoginForm),
    VerifyEmail(TokenForm),
}

impl VectorForm {
    /// The form's field errors, as the browser computes them and the server answers them.
    pub fn errors(&self) -> FieldErrors {
        match self {
            VectorForm::Signup(form) => check(form),
            VectorForm::Login(form) => check(form),
            VectorForm::VerifyEmail(form) => check(form),
        }
    }
}

fn valid_signup() -> SignupForm {
    SignupForm {
        email: "camille.martin@example.fr".into(),
        password: "un cheval bleu dans le pré".into(),
        given_name: "Camille".into(),
        family_name: "Martin".into(),
        phone: "06 12 34 56 78".into(),
        address: PostalAddress {
            street: "2 boulevard Soufflot".into(),
            postal_code: "92160".into(),
            commune: "Antony".into(),
        },
    }
}

impl<'a> AccountVector<'a> {
    /// Reads one `rule<TAB>input<TAB>expected` line.
    pub fn parse(line: &'a str) -> Result<Self, String> {
        let mut parts = line.splitn(3, '\t');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(rule), Some(input), Some(expected)) => {
                let vector = AccountVector {
                    rule,
                    input,
                    expected,
                };
                vector.field().map(|_| vector)
            }
            _ => Err(format!("malformed vector line: {line:?}")),
        }
    }

    /// The wire key of the field the vector is about (`address.street`, `password`…).
    pub fn field(&self) -> Result<&'static str, String> {
        Ok(match self.rule {
            "given_name" => "given_name",
            "family_name" => "family_name",
            "email" | "login_email" => "email",
            "password" | "login_password" => "password",
            "phone" => "phone",
            "street" => "address.street",
            "postal_code" => "address.postal_code",
            "commune" => "address.commune",
            "token" => "token",
            rule => return Err(format!("unknown vector rule {rule:?}")),
        })
    }

    /// The request body this vector is checked with.
    pub fn form(&self) -> VectorForm {
        let input = self.input.to_owned();
        let mut signup = valid_signup();
        match self.rule {
            "login_email" => {
                return VectorForm::Login(LoginForm {
                    email: input,
                    password: "any password".into(),
                })
            }
            "login_password" => {
                return VectorForm::Login(LoginForm {
                    email: signup.email,
                    password: input,
                })
            }
            "token" => return VectorForm::VerifyEmail(TokenForm { token: input }),
            "given_name" => signup.given_name = input,
            "family_name" => signup.family_name = input,
            "email" => signup.email = input,
            "password" => {
                let (email, password) = self.input.split_once(' ').unwrap_or(("", self.input));
                signup.email = email.to_owned();
                signup.password = password.to_owned();
            }
            "phone" => signup.phone = input,
            "street" => signup.address.street = input,
            "postal_code" => signup.address.postal_code = input,
            _ => signup.address.commune = input,
        }
        VectorForm::Signup(signup)
    }

    /// The error code expected, or `None` for an `ok` line.
    pub fn expected_code(&self) -> Option<&'a str> {
        (self.expected != "ok" && !self.expected.starts_with("ok ")).then_some(self.expected)
    }

    /// What the rules actually give: `ok`, `ok STORED` or the field's first code. Errors on
    /// any other field are reported too, as they mean the vector does not test what it says.
    pub fn actual(&self) -> Result<String, String> {
        let field = self.field()?;
        let errors = self.form().errors();
        if let Some(other) = errors.fields.keys().find(|key| *key != field) {
            return Err(format!("{:?}: unexpected error on {other}", self.input));
        }
        Ok(match errors.first_code(field) {
            Some(code) => code.to_owned(),
            None => match self.rule {
                "email" => format!("ok {}", email::normalise(self.input)),
                "phone" => format!("ok {}", phone::to_e164(self.input).unwrap_or_default()),
                "postal_code" => format!("ok {}", address::normalise_postal_code(self.input)),
                _ => "ok".to_owned(),
            },
        })
    }
}

/// Every vector of the table, or the first malformed line.
pub fn account_vectors() -> Result<Vec<AccountVector<'static>>, String> {
    ACCOUNT_VECTORS
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(AccountVector::parse)
        .collect()
}

/// Runs every vector and returns the lines that disagree, for both test targets to assert empty.
pub fn account_vector_failures() -> Vec<String> {
    let vectors = match account_vectors() {
        Ok(vectors) => vectors,
        Err(error) => return vec![error],
    };
    vectors
        .iter()
        .filter_map(|vector| match vector.actual() {
            Ok(actual) if actual == vector.expected => None,
            Ok(actual) => Some(format!(
                "{} {:?}: expected {}, got {actual}",
                vector.rule, vector.input, vector.expected
            )),
            Err(error) => Some(format!("{} {error}", vector.rule)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn every_account_vector_passes() {
        assert_eq!(account_vector_failures(), Vec::<String>::new());
    }

    #[test]
    fn vectors_cover_every_account_code() {
        let vectors = account_vectors().unwrap();
        let account_codes = codes::ACCOUNT_AND_SEARCH
            .iter()
            .filter(|code| !code.starts_with("uai_") && !code.starts_with("query_"));
        for code in account_codes {
            assert!(
                vectors.iter().any(|vector| vector.expected == *code),
                "no vector for {code}"
            );
        }
    }

    #[test]
    fn forms_serialise_bare_with_the_input_in_place() {
        let vector = AccountVector::parse("street\t \tstreet_empty").unwrap();
        let json = serde_json::to_value(vector.form()).unwrap();
        assert_eq!(json["address"]["street"], " ");
        assert_eq!(json["email"], "camille.martin@example.fr");
        assert!(AccountVector::parse("nickname\tx\tok").is_err());
        assert!(AccountVector::parse("phone\t0612345678").is_err());
    }
}
