//! A pupil as the family describes them (`PupilForm`), the eligibility rule, and the pupil as the
//! dashboard shows them (`PupilSummary`).

use serde::{Deserialize, Serialize};
use validator::{ValidationError, ValidationErrors};

use crate::birth_date::{validate_birth_date_for, BirthDateParts};
use crate::calendar::{Date, SchoolYear};
use crate::codes;
use crate::grant::{CertificateStatus, Grant};
use crate::names::{validate_family_name, validate_given_name};
use crate::school_class::validate_class;
use crate::uai::Uai;

/// The body adding or changing a pupil. Its files travel beside it (see [`crate::upload`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::given_name, required = true))]
    pub given_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::family_name, required = true))]
    pub family_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub birth_date: BirthDateParts,
    /// As typed or chosen; stored normalised (see [`Uai::parse`]).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::uai, required = true))]
    pub college_uai: String,
    /// A [`crate::SchoolClass`] code.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::class, required = true))]
    pub class: String,
    #[serde(default)]
    pub bourse_holder: bool,
}

impl PupilForm {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::GIVEN_NAME_INVALID,
        codes::FAMILY_NAME_INVALID,
        codes::UAI_CHECK_LETTER,
        codes::BIRTH_DATE_NOT_REAL,
        codes::BIRTH_DATE_FUTURE,
        codes::BIRTH_DATE_TOO_YOUNG,
        codes::BIRTH_DATE_TOO_OLD,
        codes::PUPIL_NOT_ELIGIBLE,
    ];

    /// Every field rule for a family applying on `today` (the age rule depends on the school
    /// year). Eligibility needs the family's address and the collège list: see [`eligibility`].
    pub fn validate_on(&self, today: Date) -> Result<(), ValidationErrors> {
        self.validate_for(SchoolYear::applied_for_on(today), today)
    }

    /// Every field rule, the age being counted for `school_year` (a pupil already enrolled
    /// keeps their school year when their details change).
    pub fn validate_for(
        &self,
        school_year: SchoolYear,
        today: Date,
    ) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut field = |name: &'static str, result: Result<(), ValidationError>| {
            if let Err(error) = result {
                errors.add(name, error);
            }
        };
        field("given_name", validate_given_name(&self.given_name));
        field("family_name", validate_family_name(&self.family_name));
        field(
            "birth_date",
            validate_birth_date_for(&self.birth_date, school_year, today),
        );
        field("college_uai", validate_college_uai(&self.college_uai));
        field("class", validate_class(&self.class));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn validate_college_uai(input: &str) -> Result<(), ValidationError> {
    Uai::parse(input)
        .map(|_| ())
        .map_err(|error| ValidationError::new(error.code()))
}

/// Whether a postal code is in the Hauts-de-Seine (92) or the Yvelines (78), CEDEX codes included.
pub fn in_departements(postal_code: &str) -> bool {
    postal_code.starts_with("92") || postal_code.starts_with("78")
}

/// The Pass+ rule: the family lives in the 92 or the 78, **or** the pupil attends a collège one
/// of the two Départements runs. Refusals go under `college_uai` (`pupil_not_eligible`).
pub fn eligibility(
    family_postal_code: &str,
    college_run_by_departement: bool,
) -> Result<(), ValidationError> {
    if in_departements(family_postal_code) || college_run_by_departement {
        Ok(())
    } else {
        Err(ValidationError::new(codes::PUPIL_NOT_ELIGIBLE))
    }
}

/// A pupil on the family's dashboard and edit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilSummary {
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub college_uai: String,
    /// `None` for a collège outside the list (a family of the 92 or 78 whose child goes to
    /// school elsewhere).
    pub college_name: Option<String>,
    pub college_commune: Option<String>,
    pub class: String,
    pub bourse_holder: bool,
    /// Twelve digits, see [`crate::pass_number`].
    pub pass_number: String,
    /// The school year the pupil is enrolled for, by its first calendar year.
    pub school_year: i32,
    pub grant: Grant,
    pub certificate: CertificateStatus,
    pub has_photo: bool,
}

/// The family's pupils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilList {
    pub pupils: Vec<PupilSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refusal_bodies::FieldErrors;

    fn valid() -> PupilForm {
        PupilForm {
            given_name: "Inès".into(),
            family_name: "Martin".into(),
            birth_date: BirthDateParts {
                day: "14".into(),
                month: "3".into(),
                year: "2014".into(),
            },
            college_uai: "0921243B".into(),
            class: "6e".into(),
            bourse_holder: true,
        }
    }

    fn errors(form: &PupilForm) -> FieldErrors {
        match form.validate_on(Date::new(2026, 11, 24).unwrap()) {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from(&errors),
        }
    }

    #[test]
    fn a_valid_pupil_has_no_errors() {
        assert!(errors(&valid()).is_empty());
    }

    #[test]
    fn an_empty_pupil_reports_each_field() {
        let found = errors(&PupilForm::default());
        let fields: Vec<_> = found.fields.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "birth_date",
                "class",
                "college_uai",
                "family_name",
                "given_name"
            ]
        );
        assert_eq!(found.first_code("birth_date"), Some("birth_date_empty"));
        assert_eq!(found.first_code("college_uai"), Some("uai_empty"));
        assert_eq!(found.first_code("class"), Some("class_empty"));
    }

    #[test]
    fn a_wrong_uai_gets_the_uai_rule_codes() {
        let form = PupilForm {
            college_uai: "0921243C".into(),
            ..valid()
        };
        assert_eq!(
            errors(&form).first_code("college_uai"),
            Some("uai_check_letter")
        );
    }

    #[test]
    fn an_enrolled_pupil_keeps_the_age_rule_of_their_school_year() {
        // 18 on 1 September 2026 (2026-2027) but 19 on 1 September 2027.
        let form = PupilForm {
            birth_date: BirthDateParts {
                day: "2".into(),
                month: "9".into(),
                year: "2007".into(),
            },
            ..valid()
        };
        let after_july = Date::new(2027, 7, 15).unwrap();
        assert!(form.validate_on(after_july).is_err());
        assert!(form
            .validate_for(SchoolYear { start_year: 2026 }, after_july)
            .is_ok());
    }

    #[test]
    fn living_or_going_to_school_in_the_92_or_78_is_enough() {
        assert!(eligibility("92160", false).is_ok());
        assert!(eligibility("78000", false).is_ok());
        assert!(eligibility("92016", false).is_ok());
        assert!(eligibility("75015", true).is_ok());
        assert_eq!(
            eligibility("75015", false).unwrap_err().code,
            "pupil_not_eligible"
        );
    }
}
