//! What a JSON Schema can say of each field rule, for the server's OpenAPI document: lengths, a
//! pattern and the values allowed, built from the rules' own constants. A schema-valid field
//! passes its rule, and a field its rule accepts is schema-valid, except for what a schema
//! cannot express; each form lists those codes in its `BEYOND_SCHEMA` (a name's letters, a UAI's
//! check letter, an age on a date, a guessable password), and the document lists them with the
//! operation's 422. The tests below hold both directions against the shared vectors.
//!
//! Patterns are written for the three engines that read them (ECMA-262 in clients, Python's `re`
//! in the fuzzer, Rust's `regex` in the tests): ASCII classes and `\uXXXX` escapes only, and
//! surrounding spaces spelt out as what Rust's `str::trim` removes (Unicode `White_Space`), which
//! `\s` is not in every engine. A JSON Schema pattern is not anchored: `[^…]` alone means "has a
//! character other than a space", the rule of every "not blank" field.

use crate::{address, college, email, names, password, SchoolClass};

/// Unicode `White_Space`, what `char::is_whitespace` and `str::trim` take for a space.
const SPACE: &str =
    r"[\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// The constraints of one string field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldSchema {
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub pattern: Option<String>,
    /// The only values accepted, when there is a short list of them.
    pub allowed: Option<Vec<&'static str>>,
}

fn not_blank() -> String {
    format!("[^{}", &SPACE[1..])
}

fn padded(core: &str) -> String {
    format!("^{SPACE}*{core}{SPACE}*$")
}

/// A field that must have something other than spaces in it, at most `max` characters long.
fn text(max: Option<usize>) -> FieldSchema {
    FieldSchema {
        max_length: max,
        pattern: Some(not_blank()),
        ..FieldSchema::default()
    }
}

/// The WHATWG syntax of [`email`]; the domain's labels 1 to 63 characters, no hyphen at an end.
fn email_pattern() -> String {
    let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    padded(&format!(
        r"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{label}(\.{label})*"
    ))
}

/// An address, at signup, when changing it, asking for a link or logging in.
pub fn email() -> FieldSchema {
    FieldSchema {
        max_length: Some(email::MAX_CHARS),
        pattern: Some(email_pattern()),
        ..FieldSchema::default()
    }
}

/// A new password: its lengths, something other than spaces.
pub fn new_password() -> FieldSchema {
    FieldSchema {
        min_length: Some(password::MIN_CHARS),
        max_length: Some(password::MAX_CHARS),
        pattern: Some(not_blank()),
        ..FieldSchema::default()
    }
}

/// The password typed at login or as the current one: anything but blank.
pub fn typed_password() -> FieldSchema {
    text(None)
}

/// A given or family name (which letters is beyond a schema: `…_name_invalid`).
pub fn name() -> FieldSchema {
    text(Some(names::MAX_CHARS))
}

/// A French number, separators (spaces, dots, dashes) anywhere.
pub fn phone() -> FieldSchema {
    let separator = format!("({SPACE}|[.-])*");
    let digit = |class: &str| format!("{class}{separator}");
    let prefix =
        format!(r"(\+{separator}3{separator}3|0{separator}0{separator}3{separator}3|0){separator}");
    FieldSchema {
        pattern: Some(format!(
            "^{separator}{prefix}{}({}){{8}}$",
            digit("[1-79]"),
            digit("[0-9]")
        )),
        ..FieldSchema::default()
    }
}

pub fn street() -> FieldSchema {
    text(Some(address::STREET_MAX_CHARS))
}

pub fn commune() -> FieldSchema {
    text(Some(address::COMMUNE_MAX_CHARS))
}

/// Five digits, spaces anywhere.
pub fn postal_code() -> FieldSchema {
    FieldSchema {
        pattern: Some(format!("^({SPACE}*[0-9]){{5}}{SPACE}*$")),
        ..FieldSchema::default()
    }
}

/// A link's token: anything but blank (whether it is known is the server's business).
pub fn token() -> FieldSchema {
    text(None)
}

/// Seven digits and a letter, separators anywhere (the check letter is beyond a schema).
pub fn uai() -> FieldSchema {
    let separator = format!("({SPACE}|[.-])*");
    FieldSchema {
        pattern: Some(format!(
            "^{separator}([0-9]{separator}){{7}}[A-Za-z]{separator}$"
        )),
        ..FieldSchema::default()
    }
}

/// One of the six classes' codes.
pub fn class() -> FieldSchema {
    FieldSchema {
        allowed: Some(SchoolClass::ALL.iter().map(|class| class.code()).collect()),
        ..FieldSchema::default()
    }
}

/// A day or a month of a date of birth: up to four digits (whether the date exists is beyond).
pub fn date_number() -> FieldSchema {
    FieldSchema {
        pattern: Some(padded("[0-9]{1,4}")),
        ..FieldSchema::default()
    }
}

/// The year of a date of birth: four digits.
pub fn date_year() -> FieldSchema {
    FieldSchema {
        pattern: Some(padded("[0-9]{4}")),
        ..FieldSchema::default()
    }
}

/// The collège search text: 2 to 100 characters (that 2 of them are letters or digits, and a
/// UAI's check letter, are beyond a schema).
pub fn search_text() -> FieldSchema {
    FieldSchema {
        min_length: Some(college::QUERY_MIN_CHARS),
        max_length: Some(college::QUERY_MAX_CHARS),
        ..FieldSchema::default()
    }
}

#[cfg(feature = "openapi")]
impl FieldSchema {
    /// The string schema, with `description`.
    pub fn to_openapi(&self, description: &str) -> utoipa::openapi::schema::Object {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
            .min_length(self.min_length)
            .max_length(self.max_length)
            .pattern(self.pattern.clone())
            .enum_values(self.allowed.clone())
            .build()
    }
}

/// The schemas as `#[schema(schema_with = …)]` takes them: one function per field.
#[cfg(feature = "openapi")]
pub mod openapi {
    use utoipa::openapi::schema::Object;

    macro_rules! schemas {
        ($($name:ident => $rule:ident, $description:literal;)*) => {$(
            pub fn $name() -> Object {
                super::$rule().to_openapi($description)
            }
        )*};
    }

    schemas! {
        email => email, "An e-mail address (WHATWG syntax), at most 254 characters.";
        new_password => new_password, "12 to 128 characters; refused if common, built on the \
            address or the names, or guessable (`password_common`, `password_contains_email`, \
            `password_guessable`).";
        typed_password => typed_password, "The password as typed.";
        given_name => name, "Letters, spaces, hyphens and apostrophes (`given_name_invalid`).";
        family_name => name, "Letters, spaces, hyphens and apostrophes (`family_name_invalid`).";
        phone => phone, "A French number (`06 12 34 56 78`, `+33 6 12 34 56 78`).";
        street => street, "Number and street, e.g. \"2 boulevard Soufflot\".";
        commune => commune, "The commune, CEDEX included.";
        postal_code => postal_code, "Five digits (`92160`).";
        token => token, "The token of the e-mailed link.";
        uai => uai, "The collège's UAI: seven digits and its check letter (`uai_check_letter`).";
        class => class, "The class at the start of the school year.";
        day => date_number, "Day of the month (`birth_date_not_real` if no such date).";
        month => date_number, "Month, 1 to 12 (`birth_date_not_real` otherwise).";
        year => date_year, "Four digits; the pupil is 10 to 18 on 1 September \
            (`birth_date_too_young`, `birth_date_too_old`, `birth_date_future`).";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account_vectors::account_vectors;

    /// Whether `value` is valid for the schema, as a JSON Schema validator says.
    fn schema_valid(schema: &FieldSchema, value: &str) -> bool {
        let chars = value.chars().count();
        schema.min_length.is_none_or(|min| chars >= min)
            && schema.max_length.is_none_or(|max| chars <= max)
            && schema.pattern.as_ref().is_none_or(|pattern| {
                regex::Regex::new(pattern)
                    .unwrap_or_else(|error| panic!("{pattern}: {error}"))
                    .is_match(value)
            })
            && schema
                .allowed
                .as_ref()
                .is_none_or(|allowed| allowed.contains(&value))
    }

    /// Both directions for one rule: what the rule accepts is schema-valid, and what the schema
    /// accepts passes the rule or fails only with a code beyond the schema.
    fn agrees(
        schema: &FieldSchema,
        rule: impl Fn(&str) -> Result<(), validator::ValidationError>,
        beyond: &[&str],
        value: &str,
    ) -> Result<(), String> {
        let outcome = rule(value).map_err(|error| error.code.to_string());
        match (schema_valid(schema, value), outcome) {
            (true, Err(code)) if !beyond.contains(&code.as_str()) => {
                Err(format!("{value:?}: schema-valid, refused {code}"))
            }
            (false, Ok(())) => Err(format!("{value:?}: accepted, schema-invalid")),
            _ => Ok(()),
        }
    }

    #[test]
    fn schemas_agree_with_the_account_vectors() {
        use crate::codes::*;
        let mut failures = Vec::new();
        for vector in account_vectors().unwrap() {
            let (schema, beyond): (FieldSchema, &[&str]) = match vector.rule {
                "email" | "login_email" => (email(), &[]),
                "given_name" => (name(), &[GIVEN_NAME_INVALID]),
                "family_name" => (name(), &[FAMILY_NAME_INVALID]),
                "phone" => (phone(), &[]),
                "street" => (street(), &[]),
                "postal_code" => (postal_code(), &[]),
                "commune" => (commune(), &[]),
                "login_password" => (typed_password(), &[]),
                "token" => (token(), &[]),
                _ => continue,
            };
            let rule = |value: &str| -> Result<(), validator::ValidationError> {
                match vector.rule {
                    "email" => email::validate_email(value),
                    "login_email" => email::validate_login_email(value),
                    "given_name" => names::validate_given_name(value),
                    "family_name" => names::validate_family_name(value),
                    "phone" => crate::phone::validate_phone(value),
                    "street" => address::validate_street(value),
                    "postal_code" => address::validate_postal_code(value),
                    "commune" => address::validate_commune(value),
                    "login_password" => password::validate_login_password(value),
                    _ => crate::account::validate_token(value),
                }
            };
            if let Err(failure) = agrees(&schema, rule, beyond, vector.input) {
                failures.push(format!("{}: {failure}", vector.rule));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn new_passwords_fail_only_for_what_a_schema_cannot_say() {
        use crate::codes::*;
        let beyond = [PASSWORD_COMMON, PASSWORD_CONTAINS_EMAIL, PASSWORD_GUESSABLE];
        let rule = |value: &str| password::validate_new_password(value, "camille@example.fr");
        for value in [
            "",
            "            ",
            "\u{3000}court",
            "onze signes",
            "un cheval bleu dans le pré",
            "azertyuiop123",
            "camille-camille-2024",
            &"x".repeat(128),
            &"x".repeat(129),
            "\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}\u{1C}",
        ] {
            agrees(&new_password(), rule, &beyond, value).unwrap();
        }
    }

    #[test]
    fn pupil_fields_fail_only_for_what_a_schema_cannot_say() {
        use crate::codes::*;
        let uai_rule = |value: &str| {
            crate::Uai::parse(value)
                .map(|_| ())
                .map_err(|error| validator::ValidationError::new(error.code()))
        };
        for value in [
            "0921243K",
            " 092 1243 k ",
            "0921243",
            "0921243A",
            "O921243K",
            "",
        ] {
            agrees(&uai(), uai_rule, &[UAI_CHECK_LETTER], value).unwrap();
        }
        for value in ["6e", "4e", "ulis", "6E", "", "cm2"] {
            agrees(&class(), crate::school_class::validate_class, &[], value).unwrap();
        }
    }

    #[test]
    fn trailing_spaces_are_what_trim_removes() {
        // U+001C is a space for Python's `\s`, not for Rust's trim: the schema must follow Rust.
        let schema = email();
        assert!(schema_valid(&schema, "\u{3000}a@b.fr\u{85}"));
        assert!(!schema_valid(&schema, "\u{1C}a@b.fr"));
        assert!(email::validate_email("\u{1C}a@b.fr").is_err());
        assert!(!schema_valid(&typed_password(), " \u{2028}\t"));
        assert!(schema_valid(&typed_password(), "\u{1C}"));
    }
}
