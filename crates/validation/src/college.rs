//! The public collège search: its request rule and its response types.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::codes;
use crate::uai::{is_uai_attempt, Uai};

/// Fewest letters or digits worth searching for, and most characters the server accepts.
pub const QUERY_MIN_CHARS: usize = 2;
pub const QUERY_MAX_CHARS: usize = 100;
/// Most collèges one search returns.
pub const MAX_RESULTS: usize = 20;

/// `GET /api/colleges?q=…`: a name, commune, postal code or UAI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct CollegeSearch {
    /// A name, commune, postal code or UAI.
    #[serde(default)]
    #[validate(custom(function = "validate_search_text"))]
    // QUERY_MIN_CHARS and QUERY_MAX_CHARS (the attribute takes literals; the API tests compare).
    #[cfg_attr(
        feature = "openapi",
        param(required = true, min_length = 2, max_length = 100)
    )]
    pub q: String,
}

impl CollegeSearch {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::QUERY_TOO_SHORT,
        codes::UAI_LENGTH,
        codes::UAI_NOT_DIGITS,
        codes::UAI_CHECK_LETTER,
    ];
}

/// The search text's rule: at least 2 letters or digits (punctuation alone finds nothing), at
/// most 100 characters once trimmed and, when it is meant as a UAI (six leading digits or more),
/// a valid UAI.
pub fn validate_search_text(text: &str) -> Result<(), ValidationError> {
    if text.chars().filter(|c| c.is_alphanumeric()).count() < QUERY_MIN_CHARS {
        return Err(ValidationError::new(codes::QUERY_TOO_SHORT));
    }
    if text.trim().chars().count() > QUERY_MAX_CHARS {
        return Err(ValidationError::new(codes::QUERY_TOO_LONG));
    }
    if is_uai_attempt(text) {
        Uai::parse(text).map_err(|error| ValidationError::new(error.code()))?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct College {
    pub uai: String,
    pub name: String,
    pub commune: String,
    pub postal_code: String,
    /// "92" (Hauts-de-Seine) or "78" (Yvelines).
    pub departement: String,
    /// False for the few public collèges that no Département runs (their canteen is not ours).
    pub canteen_run_by_departement: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollegeSearchResults {
    /// At most [`MAX_RESULTS`], by name.
    pub colleges: Vec<College>,
    /// True when more collèges matched than were returned: the person should refine.
    pub more: bool,
}

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// "ok", or "degraded" when a dependency does not answer.
    pub status: String,
    pub database: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> Option<String> {
        CollegeSearch { q: text.to_owned() }
            .validate()
            .err()
            .map(|errors| errors.field_errors()["q"][0].code.to_string())
    }

    #[test]
    fn plain_searches_pass() {
        for text in ["Anne Frank", "92160", "An", "Châtenay-Malabry", "0921243B"] {
            assert_eq!(code_of(text), None, "{text}");
        }
    }

    #[test]
    fn too_short_and_too_long_are_refused() {
        assert_eq!(code_of(" a ").as_deref(), Some(codes::QUERY_TOO_SHORT));
        assert_eq!(code_of("").as_deref(), Some(codes::QUERY_TOO_SHORT));
        assert_eq!(code_of("-- ..").as_deref(), Some(codes::QUERY_TOO_SHORT));
        assert_eq!(code_of("%%").as_deref(), Some(codes::QUERY_TOO_SHORT));
        assert_eq!(
            code_of(&"a".repeat(QUERY_MAX_CHARS + 1)).as_deref(),
            Some(codes::QUERY_TOO_LONG)
        );
    }

    #[test]
    fn a_uai_attempt_gets_the_uai_rule() {
        assert_eq!(
            code_of("0921243C").as_deref(),
            Some(codes::UAI_CHECK_LETTER)
        );
        assert_eq!(code_of("0921243").as_deref(), Some(codes::UAI_LENGTH));
    }
}
