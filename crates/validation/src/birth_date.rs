//! The pupil's date of birth, typed as three fields (day, month, year) and checked as GOV.UK's
//! date pattern does: say which part is missing, then whether the day exists, then the Pass+ age
//! rule (10 to 18 inclusive on 1 September of the school year applied for).

use serde::{Deserialize, Serialize};
use validator::ValidationError;

use crate::calendar::{Date, SchoolYear};
use crate::codes;

/// The youngest and oldest a pupil may be on 1 September of the school year applied for.
pub const MIN_AGE: i32 = 10;
pub const MAX_AGE: i32 = 18;

/// The three fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BirthDateParts {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::day, required = true))]
    pub day: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::month, required = true))]
    pub month: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::year, required = true))]
    pub year: String,
}

impl BirthDateParts {
    pub fn from_date(date: Date) -> BirthDateParts {
        BirthDateParts {
            day: date.day.to_string(),
            month: date.month.to_string(),
            year: date.year.to_string(),
        }
    }

    /// The date, if the three parts make a real one (no age rule).
    pub fn to_date(&self) -> Result<Date, ValidationError> {
        let (day, month, year) = (self.day.trim(), self.month.trim(), self.year.trim());
        let missing = match (day.is_empty(), month.is_empty(), year.is_empty()) {
            (true, true, true) => Some(codes::BIRTH_DATE_EMPTY),
            (true, _, _) => Some(codes::BIRTH_DATE_DAY_MISSING),
            (_, true, _) => Some(codes::BIRTH_DATE_MONTH_MISSING),
            (_, _, true) => Some(codes::BIRTH_DATE_YEAR_MISSING),
            _ => None,
        };
        if let Some(code) = missing {
            return Err(ValidationError::new(code));
        }
        let all_digits = [day, month, year]
            .iter()
            .all(|part| part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()));
        if !all_digits {
            return Err(ValidationError::new(codes::BIRTH_DATE_NOT_NUMBERS));
        }
        if year.len() != 4 {
            return Err(ValidationError::new(codes::BIRTH_DATE_YEAR_FOUR_DIGITS));
        }
        let parsed = (day.parse(), month.parse(), year.parse());
        match parsed {
            (Ok(day), Ok(month), Ok(year)) => Date::new(year, month, day),
            _ => None,
        }
        .ok_or_else(|| ValidationError::new(codes::BIRTH_DATE_NOT_REAL))
    }
}

/// The whole rule, for a family applying on `today` (for the school year applied for then).
pub fn validate_birth_date(parts: &BirthDateParts, today: Date) -> Result<(), ValidationError> {
    validate_birth_date_for(parts, SchoolYear::applied_for_on(today), today)
}

/// The whole rule for a given school year: a pupil enrolled for one keeps being checked against
/// it when their details change, even once families apply for the next.
pub fn validate_birth_date_for(
    parts: &BirthDateParts,
    school_year: SchoolYear,
    today: Date,
) -> Result<(), ValidationError> {
    let birth = parts.to_date()?;
    if birth > today {
        return Err(ValidationError::new(codes::BIRTH_DATE_FUTURE));
    }
    let age = birth.age_on(school_year.first_day());
    if age < MIN_AGE {
        return Err(ValidationError::new(codes::BIRTH_DATE_TOO_YOUNG));
    }
    if age > MAX_AGE {
        return Err(ValidationError::new(codes::BIRTH_DATE_TOO_OLD));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(day: &str, month: &str, year: &str, today: &str) -> Option<String> {
        let parts = BirthDateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        };
        validate_birth_date(&parts, Date::parse_iso(today).unwrap())
            .err()
            .map(|error| error.code.to_string())
    }

    #[test]
    fn the_age_range_is_inclusive_on_1_september() {
        // Applying in November 2026: the 2026-2027 school year, ages on 2026-09-01.
        assert_eq!(code("1", "9", "2016", "2026-11-24"), None);
        assert_eq!(
            code("2", "9", "2016", "2026-11-24").as_deref(),
            Some("birth_date_too_young")
        );
        assert_eq!(code("2", "9", "2007", "2026-11-24"), None);
        assert_eq!(
            code("1", "9", "2007", "2026-11-24").as_deref(),
            Some("birth_date_too_old")
        );
    }

    #[test]
    fn from_1_july_the_coming_school_year_counts() {
        // Born 15 March 2017: 9 on 2026-09-01 but 10 on 2027-09-01.
        assert_eq!(
            code("15", "3", "2017", "2027-06-30").as_deref(),
            Some("birth_date_too_young")
        );
        assert_eq!(code("15", "3", "2017", "2027-07-01"), None);
    }

    #[test]
    fn each_part_is_checked_before_the_date() {
        assert_eq!(
            code("", "", "", "2026-11-24").as_deref(),
            Some("birth_date_empty")
        );
        assert_eq!(
            code("", "3", "2014", "2026-11-24").as_deref(),
            Some("birth_date_day_missing")
        );
        assert_eq!(
            code("1", " ", "2014", "2026-11-24").as_deref(),
            Some("birth_date_month_missing")
        );
        assert_eq!(
            code("1", "3", "", "2026-11-24").as_deref(),
            Some("birth_date_year_missing")
        );
        assert_eq!(
            code("1", "mars", "2014", "2026-11-24").as_deref(),
            Some("birth_date_not_numbers")
        );
        assert_eq!(
            code("1", "3", "14", "2026-11-24").as_deref(),
            Some("birth_date_year_four_digits")
        );
        assert_eq!(
            code("31", "4", "2014", "2026-11-24").as_deref(),
            Some("birth_date_not_real")
        );
        assert_eq!(
            code("1", "1", "2030", "2026-11-24").as_deref(),
            Some("birth_date_future")
        );
        assert_eq!(code(" 01", "03 ", "2014", "2026-11-24"), None);
    }
}
