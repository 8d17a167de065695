//! What a family chooses when it enrols its pupils in the canteen: for each pupil the weekdays
//! they eat there, a diet and whether they have a care plan for a food allergy (PAI: the flag
//! only, never a medical detail); then, during the year, a change of weekdays and the
//! cancellation (or booking again) of one meal.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::calendar::Weekday;
use crate::codes;

/// The most pupils one enrolment takes: as many as an account may have.
pub const MAX_PUPILS_AT_ONCE: usize = 10;

/// A day the canteen may serve: Monday, Tuesday, Thursday and Friday in every collège,
/// Wednesday only where the collège serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum CanteenDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

impl CanteenDay {
    pub const ALL: [CanteenDay; 5] = [
        CanteenDay::Monday,
        CanteenDay::Tuesday,
        CanteenDay::Wednesday,
        CanteenDay::Thursday,
        CanteenDay::Friday,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CanteenDay::Monday => "monday",
            CanteenDay::Tuesday => "tuesday",
            CanteenDay::Wednesday => "wednesday",
            CanteenDay::Thursday => "thursday",
            CanteenDay::Friday => "friday",
        }
    }

    pub fn from_code(code: &str) -> Option<CanteenDay> {
        CanteenDay::ALL.into_iter().find(|day| day.code() == code)
    }

    pub fn weekday(self) -> Weekday {
        match self {
            CanteenDay::Monday => Weekday::Monday,
            CanteenDay::Tuesday => Weekday::Tuesday,
            CanteenDay::Wednesday => Weekday::Wednesday,
            CanteenDay::Thursday => Weekday::Thursday,
            CanteenDay::Friday => Weekday::Friday,
        }
    }

    pub fn of(weekday: Weekday) -> Option<CanteenDay> {
        CanteenDay::ALL
            .into_iter()
            .find(|day| day.weekday() == weekday)
    }
}

/// Weekdays as they are stored: their codes, in week order, comma-separated.
pub fn stored_weekdays(days: &[CanteenDay]) -> String {
    let mut days = days.to_vec();
    days.sort();
    days.dedup();
    let codes: Vec<&str> = days.into_iter().map(CanteenDay::code).collect();
    codes.join(",")
}

/// The weekdays a stored list names (unknown codes are skipped: there are none).
pub fn weekdays_from_stored(text: &str) -> Vec<CanteenDay> {
    text.split(',').filter_map(CanteenDay::from_code).collect()
}

/// The menus a collège canteen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Diet {
    Standard,
    NoPork,
    NoMeat,
}

impl Diet {
    pub const ALL: [Diet; 3] = [Diet::Standard, Diet::NoPork, Diet::NoMeat];

    pub fn code(self) -> &'static str {
        match self {
            Diet::Standard => "standard",
            Diet::NoPork => "no_pork",
            Diet::NoMeat => "no_meat",
        }
    }

    pub fn from_code(code: &str) -> Option<Diet> {
        Diet::ALL.into_iter().find(|diet| diet.code() == code)
    }
}

/// One pupil's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentChoice {
    pub pupil_id: String,
    /// At least one, each once.
    #[validate(custom(function = "validate_weekdays"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub weekdays: Vec<CanteenDay>,
    pub diet: Diet,
    /// The pupil has a care plan for a food allergy (PAI). Nothing more is asked or kept.
    pub allergy_plan: bool,
}

/// `POST /api/canteen/enrolments`: one or more pupils of the family for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenEnrolmentForm {
    /// By its first calendar year: 2026 is 2026-2027.
    #[serde(deserialize_with = "whole_number")]
    pub school_year: i32,
    #[validate(custom(function = "validate_pupils"), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 10))]
    pub pupils: Vec<EnrolmentChoice>,
}

impl CanteenEnrolmentForm {
    /// The codes a body valid for its OpenAPI schema can still get.
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::WEEKDAY_REPEATED,
        codes::CANTEEN_PUPIL_REPEATED,
        codes::WEDNESDAY_NOT_SERVED,
    ];
}

/// `PUT /api/canteen/enrolments/{enrolment_id}/weekdays`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekdaysForm {
    #[validate(custom(function = "validate_weekdays"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub weekdays: Vec<CanteenDay>,
}

impl WeekdaysForm {
    pub const BEYOND_SCHEMA: &'static [&'static str] =
        &[codes::WEEKDAY_REPEATED, codes::WEDNESDAY_NOT_SERVED];
}

/// `PUT /api/canteen/enrolments/{enrolment_id}/meals/{day}`: cancel a meal, or book it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MealChange {
    pub cancelled: bool,
}

/// A whole number however JSON writes it: `2026` or `2026.0` (JSON Schema's `integer` takes
/// both, and so do some clients).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
    let number = f64::deserialize(deserializer)?;
    let whole =
        number.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&number);
    if whole {
        Ok(number as i32)
    } else {
        Err(serde::de::Error::custom("not a whole number"))
    }
}

pub fn validate_weekdays(days: &[CanteenDay]) -> Result<(), ValidationError> {
    if days.is_empty() {
        return Err(ValidationError::new(codes::WEEKDAYS_EMPTY));
    }
    let mut seen = days.to_vec();
    seen.sort();
    seen.dedup();
    if seen.len() != days.len() {
        return Err(ValidationError::new(codes::WEEKDAY_REPEATED));
    }
    Ok(())
}

fn validate_pupils(pupils: &[EnrolmentChoice]) -> Result<(), ValidationError> {
    if pupils.is_empty() {
        return Err(ValidationError::new(codes::CANTEEN_PUPILS_EMPTY));
    }
    if pupils.len() > MAX_PUPILS_AT_ONCE {
        return Err(ValidationError::new(codes::CANTEEN_PUPILS_TOO_MANY));
    }
    let mut ids: Vec<&str> = pupils.iter().map(|pupil| pupil.pupil_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != pupils.len() {
        return Err(ValidationError::new(codes::CANTEEN_PUPIL_REPEATED));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    fn choice(pupil_id: &str, weekdays: &[CanteenDay]) -> EnrolmentChoice {
        EnrolmentChoice {
            pupil_id: pupil_id.into(),
            weekdays: weekdays.to_vec(),
            diet: Diet::Standard,
            allergy_plan: false,
        }
    }

    #[test]
    fn every_pupil_needs_a_day_each_day_once() {
        use CanteenDay::*;
        let form = CanteenEnrolmentForm {
            school_year: 2026,
            pupils: vec![choice("a", &[Monday, Tuesday]), choice("b", &[])],
        };
        assert_eq!(
            check(&form).first_code("pupils.1.weekdays"),
            Some("weekdays_empty")
        );
        let form = WeekdaysForm {
            weekdays: vec![Monday, Monday],
        };
        assert_eq!(
            check(&form).first_code("weekdays"),
            Some("weekday_repeated")
        );
    }

    #[test]
    fn a_pupil_is_enrolled_once_in_a_form() {
        let form = CanteenEnrolmentForm {
            school_year: 2026,
            pupils: vec![
                choice("a", &[CanteenDay::Friday]),
                choice("a", &[CanteenDay::Friday]),
            ],
        };
        assert_eq!(
            check(&form).first_code("pupils"),
            Some("canteen_pupil_repeated")
        );
        let none = CanteenEnrolmentForm {
            school_year: 2026,
            pupils: vec![],
        };
        assert_eq!(
            check(&none).first_code("pupils"),
            Some("canteen_pupils_empty")
        );
    }

    #[test]
    fn a_school_year_is_a_whole_number_however_it_is_written() {
        let read =
            |json: &str| serde_json::from_str::<CanteenEnrolmentForm>(json).map(|f| f.school_year);
        assert_eq!(
            read(r#"{"school_year": 2026, "pupils": []}"#).unwrap(),
            2026
        );
        assert_eq!(
            read(r#"{"school_year": 2026.0, "pupils": []}"#).unwrap(),
            2026
        );
        assert!(read(r#"{"school_year": 2026.5, "pupils": []}"#).is_err());
        assert!(read(r#"{"school_year": 1e12, "pupils": []}"#).is_err());
        assert!(read(r#"{"school_year": "2026", "pupils": []}"#).is_err());
    }

    #[test]
    fn weekdays_are_stored_in_week_order_and_read_back() {
        use CanteenDay::*;
        let stored = stored_weekdays(&[Friday, Monday, Thursday]);
        assert_eq!(stored, "monday,thursday,friday");
        assert_eq!(
            weekdays_from_stored(&stored),
            vec![Monday, Thursday, Friday]
        );
        assert_eq!(
            serde_json::to_string(&[Wednesday]).unwrap(),
            "[\"wednesday\"]"
        );
        assert_eq!(Diet::from_code("no_pork"), Some(Diet::NoPork));
    }
}
