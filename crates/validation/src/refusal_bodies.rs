//! The bodies of refusals on the wire: invalid input (422), for each field the codes of the
//! rules it broke; and every other refusal, `{"error": code}`.
//!
//! The server answers 422 with this body, and the app builds the very same value from
//! `validator`'s result in the browser, so a field error looks the same whichever side found it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use validator::{ValidationErrors, ValidationErrorsKind};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldErrors {
    /// Field name (dotted for nested forms) to the codes of its failed rules, in rule order.
    pub fields: BTreeMap<String, Vec<String>>,
}

/// The body of every other refusal: a stable code the app explains (`not_found`, `link_used`,
/// `too_many_attempts`…), and with `too_many_attempts` how long to wait.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    #[serde(default)]
    pub error: String,
    /// Seconds before trying again, with `too_many_attempts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<i64>,
}

impl FieldErrors {
    /// One field's one failed rule, for a refusal found outside the form's rules (a file's
    /// content, a size known only once a photo is scaled).
    pub fn one(field: &str, code: &str) -> FieldErrors {
        FieldErrors {
            fields: BTreeMap::from([(field.to_owned(), vec![code.to_owned()])]),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The first failed rule of a field, the one the app shows.
    pub fn first_code(&self, field: &str) -> Option<&str> {
        self.fields.get(field)?.first().map(String::as_str)
    }
}

impl From<&ValidationErrors> for FieldErrors {
    fn from(errors: &ValidationErrors) -> Self {
        let mut fields = BTreeMap::new();
        collect(errors, "", &mut fields);
        FieldErrors { fields }
    }
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut BTreeMap<String, Vec<String>>) {
    for (field, kind) in errors.errors() {
        let name = format!("{prefix}{field}");
        match kind {
            ValidationErrorsKind::Field(list) => {
                let codes = list.iter().map(|error| error.code.to_string()).collect();
                out.insert(name, codes);
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &format!("{name}."), out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{name}.{index}."), out);
                }
            }
        }
    }
}

/// Runs a form's rules and returns its field errors (empty when valid).
pub fn check<T: validator::Validate>(form: &T) -> FieldErrors {
    match form.validate() {
        Ok(()) => FieldErrors::default(),
        Err(errors) => FieldErrors::from(&errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CollegeSearch;

    #[test]
    fn one_error_is_that_field_and_that_code() {
        let errors = FieldErrors::one("photo", "file_too_large");
        assert_eq!(errors.first_code("photo"), Some("file_too_large"));
        assert_eq!(errors.fields.len(), 1);
    }

    #[test]
    fn field_codes_are_collected_by_name() {
        let errors = check(&CollegeSearch {
            q: "0921243C".into(),
        });
        assert_eq!(errors.first_code("q"), Some("uai_check_letter"));
        let json = serde_json::to_string(&errors).unwrap();
        assert_eq!(json, r#"{"fields":{"q":["uai_check_letter"]}}"#);
    }

    #[test]
    fn a_valid_form_has_no_errors() {
        assert!(check(&CollegeSearch { q: "Antony".into() }).is_empty());
    }
}
