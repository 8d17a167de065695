//! What a family types to get its canteen price: its revenu fiscal de référence and its number
//! of tax parts, as they are printed on the tax notice. The rules read them as a French person
//! writes them ("32 500", "32 500 €", "2,5") and turn a valid form into an [`Income`].

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::canteen::price::{
    Income, MAX_REFERENCE_INCOME_EUROS, MAX_TAX_QUARTERS, MIN_TAX_QUARTERS,
};
use crate::codes;

/// The income part of the canteen's price simulator and of an enrolment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IncomeForm {
    /// In whole euros, spaces and a euro sign allowed: `32 500`.
    #[validate(custom(function = "validate_reference_income"))]
    pub reference_income: String,
    /// From 1 to 10, by quarters: `2`, `2,5`, `1.75`.
    #[validate(custom(function = "validate_tax_parts"))]
    pub tax_parts: String,
}

impl IncomeForm {
    /// The codes a body valid for its OpenAPI schema can still get: the schema says only that
    /// both are strings.
    pub const BEYOND_SCHEMA: &'static [&'static str] = codes::CANTEEN;

    /// The income, if the form is valid.
    pub fn income(&self) -> Option<Income> {
        Some(Income {
            reference_income_euros: reference_income_euros(&self.reference_income).ok()?,
            tax_quarters: tax_quarters(&self.tax_parts).ok()?,
        })
    }
}

pub fn validate_reference_income(text: &str) -> Result<(), ValidationError> {
    reference_income_euros(text).map(drop)
}

pub fn validate_tax_parts(text: &str) -> Result<(), ValidationError> {
    tax_quarters(text).map(drop)
}

/// Whole euros from `32 500`, `32 500 €`, `32500` (thin and non-breaking spaces too).
fn reference_income_euros(text: &str) -> Result<u64, ValidationError> {
    let digits: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if digits.is_empty() {
        return Err(ValidationError::new(codes::REFERENCE_INCOME_EMPTY));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValidationError::new(codes::REFERENCE_INCOME_NOT_EUROS));
    }
    // Compared as text first: a long run of digits would not fit a number.
    let euros = digits.trim_start_matches('0');
    match euros.parse::<u64>() {
        Ok(euros) if euros <= MAX_REFERENCE_INCOME_EUROS => Ok(euros),
        Err(_) if euros.is_empty() => Ok(0),
        _ => Err(ValidationError::new(codes::REFERENCE_INCOME_TOO_LARGE)),
    }
}

/// Quarters of a part from `2`, `2,5`, `2.50`, `1,75`.
fn tax_quarters(text: &str) -> Result<u32, ValidationError> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Err(ValidationError::new(codes::TAX_PARTS_EMPTY));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || !all_digits(whole) || !all_digits(fraction) {
        return Err(ValidationError::new(codes::TAX_PARTS_NOT_A_NUMBER));
    }
    let quarter = match fraction.trim_end_matches('0') {
        "" => 0,
        "25" => 1,
        "5" => 2,
        "75" => 3,
        _ => return Err(ValidationError::new(codes::TAX_PARTS_NOT_A_QUARTER)),
    };
    let quarters = whole.parse::<u32>().expect("one to three digits") * 4 + quarter;
    if !(MIN_TAX_QUARTERS..=MAX_TAX_QUARTERS).contains(&quarters) {
        return Err(ValidationError::new(codes::TAX_PARTS_OUT_OF_RANGE));
    }
    Ok(quarters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: Result<impl Sized, ValidationError>) -> String {
        match result {
            Ok(_) => "ok".into(),
            Err(error) => error.code.to_string(),
        }
    }

    #[test]
    fn incomes_are_read_as_they_are_written() {
        assert_eq!(reference_income_euros("32 500").unwrap(), 32_500);
        assert_eq!(reference_income_euros(" 32\u{202f}500 € ").unwrap(), 32_500);
        assert_eq!(reference_income_euros("0").unwrap(), 0);
        assert_eq!(reference_income_euros("10000000").unwrap(), 10_000_000);
        assert_eq!(
            code(reference_income_euros("10000001")),
            "reference_income_too_large"
        );
        assert_eq!(
            code(reference_income_euros("99999999999999999999999")),
            "reference_income_too_large"
        );
        assert_eq!(
            code(reference_income_euros("32 500,50")),
            "reference_income_not_euros"
        );
        assert_eq!(
            code(reference_income_euros("-5")),
            "reference_income_not_euros"
        );
        assert_eq!(
            code(reference_income_euros(" € ")),
            "reference_income_empty"
        );
    }

    #[test]
    fn parts_are_quarters_from_one_to_ten() {
        assert_eq!(tax_quarters("2").unwrap(), 8);
        assert_eq!(tax_quarters("2,5").unwrap(), 10);
        assert_eq!(tax_quarters("1.75").unwrap(), 7);
        assert_eq!(tax_quarters("1,250").unwrap(), 5);
        assert_eq!(tax_quarters("10").unwrap(), 40);
        assert_eq!(code(tax_quarters("10.25")), "tax_parts_out_of_range");
        assert_eq!(code(tax_quarters("0,5")), "tax_parts_out_of_range");
        assert_eq!(code(tax_quarters("2,3")), "tax_parts_not_a_quarter");
        assert_eq!(code(tax_quarters("deux")), "tax_parts_not_a_number");
        assert_eq!(code(tax_quarters(",5")), "tax_parts_not_a_number");
        assert_eq!(code(tax_quarters("")), "tax_parts_empty");
    }

    #[test]
    fn a_valid_form_is_an_income() {
        let form = IncomeForm {
            reference_income: "36 000".into(),
            tax_parts: "2,5".into(),
        };
        assert!(form.validate().is_ok());
        assert_eq!(
            form.income(),
            Some(Income {
                reference_income_euros: 36_000,
                tax_quarters: 10
            })
        );
    }
}
