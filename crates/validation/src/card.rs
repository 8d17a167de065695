//! The pupil's card (`/carte/`): how it is opened — with the Pass+ number and date of birth, or
//! with a personal link a parent made — and all it shows: the pupil's first name, collège,
//! school year, canteen days, today's meal and the next five school days'. Nothing about the
//! parents or the price.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::birth_date::BirthDateParts;
use crate::canteen::choices::CanteenDay;
use crate::codes;
use crate::pass_number::validate_pass_number;

/// School days the card shows after today.
pub const NEXT_DAYS: usize = 5;

/// `POST /api/card/accesses`: the pupil opens its card on a device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOpeningForm {
    /// Twelve digits, spaces allowed: `4821 0937 5523`.
    #[validate(custom(function = "validate_pass_number"))]
    pub pass_number: String,
    #[validate(custom(function = "validate_real_date"))]
    pub birth_date: BirthDateParts,
}

impl CardOpeningForm {
    /// The codes a body valid for its OpenAPI schema can still get (the schema says only that
    /// they are strings).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::PASS_NUMBER_EMPTY,
        codes::PASS_NUMBER_NOT_DIGITS,
        codes::PASS_NUMBER_LENGTH,
        codes::PASS_NUMBER_CHECK,
        codes::BIRTH_DATE_EMPTY,
        codes::BIRTH_DATE_DAY_MISSING,
        codes::BIRTH_DATE_MONTH_MISSING,
        codes::BIRTH_DATE_YEAR_MISSING,
        codes::BIRTH_DATE_NOT_NUMBERS,
        codes::BIRTH_DATE_YEAR_FOUR_DIGITS,
        codes::BIRTH_DATE_NOT_REAL,
    ];
}

/// The date must exist; whether it is the pupil's is the server's to say (with one answer for a
/// wrong number or a wrong date).
fn validate_real_date(parts: &BirthDateParts) -> Result<(), ValidationError> {
    parts.to_date().map(drop)
}

/// What the card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardStatus {
    pub given_name: String,
    pub college_name: Option<String>,
    /// The school year of the days shown, by its first calendar year.
    pub school_year: i32,
    /// The canteen days of that year; none when the pupil is not enrolled.
    pub weekdays: Vec<CanteenDay>,
    pub today: CardDay,
    /// The next school days after today, at most [`NEXT_DAYS`].
    pub next_days: Vec<CardDay>,
    /// When the server answered (Unix seconds): the card says how old an offline copy is.
    pub updated_at: i64,
}

/// One day on the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub meal: CardMeal,
}

/// The pupil's meal that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardMeal {
    Reserved,
    Cancelled,
    /// No meal: not a school day, not one of the pupil's days, or not enrolled.
    None,
}

/// A device's access to the card, as `POST /api/card/accesses` answers it: the token the card
/// app keeps to read the card again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOpened {
    pub token: String,
    pub card: CardStatus,
}

/// How a device reaches the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardAccessKind {
    /// A personal link the parent made (a QR code).
    Link,
    /// Opened with the Pass+ number and date of birth.
    Number,
}

impl CardAccessKind {
    pub fn code(self) -> &'static str {
        match self {
            CardAccessKind::Link => "link",
            CardAccessKind::Number => "number",
        }
    }

    pub fn from_code(code: &str) -> Option<CardAccessKind> {
        [CardAccessKind::Link, CardAccessKind::Number]
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// One access to a pupil's card, as the parent sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardAccess {
    pub id: String,
    pub kind: CardAccessKind,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds; none if never used since.
    pub last_used_at: Option<i64>,
}

/// A pupil's accesses, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardAccessList {
    pub accesses: Vec<CardAccess>,
}

/// A personal link just made: shown once (only its hash is kept), as an address and a QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardLinkCreated {
    pub access: CardAccess,
    /// The card's address with the link's key in its fragment (never sent to a server).
    pub url: String,
    /// The same address as a QR code, an SVG image.
    pub qr_svg: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(number: &str, day: &str, month: &str, year: &str) -> CardOpeningForm {
        CardOpeningForm {
            pass_number: number.into(),
            birth_date: BirthDateParts {
                day: day.into(),
                month: month.into(),
                year: year.into(),
            },
        }
    }

    fn codes_of(form: &CardOpeningForm) -> Vec<String> {
        match form.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => {
                let mut codes: Vec<String> = errors
                    .field_errors()
                    .values()
                    .flat_map(|errors| errors.iter().map(|error| error.code.to_string()))
                    .collect();
                codes.sort();
                codes
            }
        }
    }

    #[test]
    fn a_card_opens_with_a_well_formed_number_and_a_real_date() {
        let number = crate::pass_number::from_random_digits([4, 8, 2, 1, 0, 9, 3, 7, 5, 5, 2]);
        assert!(codes_of(&form(&number, "14", "3", "2014")).is_empty());
        let grouped = crate::pass_number::grouped(&number);
        assert!(codes_of(&form(&grouped, "14", "03", "2014")).is_empty());
        assert_eq!(
            codes_of(&form("4821 0937 552", "31", "4", "2014")),
            ["birth_date_not_real", "pass_number_length"]
        );
        assert_eq!(
            codes_of(&form("", "", "", "")),
            ["birth_date_empty", "pass_number_empty"]
        );
        let mut wrong_check = number.clone();
        let last = wrong_check.pop().unwrap();
        wrong_check.push(if last == '0' { '1' } else { '0' });
        assert_eq!(
            codes_of(&form(&wrong_check, "14", "3", "2014")),
            ["pass_number_check"]
        );
    }

    #[test]
    fn access_kinds_cross_the_wire_by_their_codes() {
        for kind in [CardAccessKind::Link, CardAccessKind::Number] {
            assert_eq!(CardAccessKind::from_code(kind.code()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.code())
            );
        }
        assert_eq!(CardAccessKind::from_code("autre"), None);
    }
}
