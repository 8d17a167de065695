//! The price of a meal: a coefficient (the taux d'effort, set by the Département each school
//! year) times the family's monthly quotient (revenu fiscal de référence ÷ tax parts ÷ 12),
//! rounded to the nearest cent (half a cent up) and kept within the year's bounds (0.64 € and
//! 7.00 € by default). Money is whole cents and the arithmetic integer: the simulator in the
//! browser and the bill on the server cannot disagree by a rounding.
//!
//! The price is computed from the exact quotient, not from the quotient rounded for display:
//! rounding twice could be a cent off.

use serde::{Deserialize, Serialize};

/// A family's revenu fiscal de référence, in whole euros (as the tax notice prints it).
pub const MAX_REFERENCE_INCOME_EUROS: u64 = 10_000_000;
/// Tax parts, in quarters of a part: from 1 to 10 parts.
pub const MIN_TAX_QUARTERS: u32 = 4;
pub const MAX_TAX_QUARTERS: u32 = 40;

/// A school year's price rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriceRule {
    /// The coefficient in millionths: 5,000 is 0.50 %.
    pub coefficient_millionths: u64,
    pub min_cents: u64,
    pub max_cents: u64,
}

impl Default for PriceRule {
    /// 0.50 % (illustrative: the Département sets the real one each year), 0.64 € to 7.00 €.
    fn default() -> Self {
        PriceRule {
            coefficient_millionths: 5_000,
            min_cents: 64,
            max_cents: 700,
        }
    }
}

/// What the family declared: its reference income and its tax parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Income {
    pub reference_income_euros: u64,
    pub tax_quarters: u32,
}

impl Income {
    /// The monthly quotient in cents, rounded to the nearest cent (half up), for display.
    pub fn monthly_quotient_cents(self) -> u64 {
        // euros × 100 ÷ (quarters ÷ 4) ÷ 12 = euros × 100 ÷ (3 × quarters)
        rounded_half_up(
            self.reference_income_euros * 100,
            3 * u64::from(self.tax_quarters),
        )
    }
}

impl PriceRule {
    /// The price of one meal for this income, in cents.
    pub fn price_cents(self, income: Income) -> u64 {
        // millionths ÷ 10⁶ × euros × 100 ÷ (3 × quarters) = millionths × euros ÷ (30,000 × quarters)
        let exact = rounded_half_up(
            self.coefficient_millionths * income.reference_income_euros,
            30_000 * u64::from(income.tax_quarters),
        );
        exact.clamp(self.min_cents, self.max_cents)
    }

    /// The price when no validated tax notice is there: the upper bound.
    pub fn full_price_cents(self) -> u64 {
        self.max_cents
    }
}

/// `numerator ÷ denominator` to the nearest whole number, halves up.
fn rounded_half_up(numerator: u64, denominator: u64) -> u64 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// `123456` cents as French write it: `1 234,56 €` (thousands apart by a narrow no-break
/// space, the euro sign after a no-break one: a line never breaks inside an amount).
pub fn euros_fr(cents: u64) -> String {
    format!(
        "{},{:02}\u{a0}€",
        grouped(cents / 100, '\u{202f}'),
        cents % 100
    )
}

/// `123456` cents as English write it: `€1,234.56`.
pub fn euros_en(cents: u64) -> String {
    format!("€{}.{:02}", grouped(cents / 100, ','), cents % 100)
}

/// `1234567` as `1,234,567` with `separator` between thousands.
fn grouped(whole: u64, separator: char) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn income(euros: u64, quarters: u32) -> Income {
        Income {
            reference_income_euros: euros,
            tax_quarters: quarters,
        }
    }

    #[test]
    fn the_quotient_is_the_income_by_parts_by_twelve() {
        // 36,000 € ÷ 2.5 parts ÷ 12 = 1,200 €.
        assert_eq!(income(36_000, 10).monthly_quotient_cents(), 120_000);
        // 10,000 € ÷ 3 ÷ 12 = 277.777… €
        assert_eq!(income(10_000, 12).monthly_quotient_cents(), 27_778);
        assert_eq!(income(0, 4).monthly_quotient_cents(), 0);
        // 30,003 € ÷ 2 ÷ 12 = 1,250.125 €: half a cent, up.
        assert_eq!(income(30_003, 8).monthly_quotient_cents(), 125_013);
    }

    #[test]
    fn the_price_is_the_coefficient_times_the_quotient_within_its_bounds() {
        let rule = PriceRule::default();
        // 0.50 % × 1,200 € = 6.00 €
        assert_eq!(rule.price_cents(income(36_000, 10)), 600);
        assert_eq!(rule.price_cents(income(0, 4)), 64, "the lower bound");
        assert_eq!(
            rule.price_cents(income(10_000_000, 4)),
            700,
            "the upper bound"
        );
        assert_eq!(rule.full_price_cents(), 700);
    }

    #[test]
    fn half_a_cent_rounds_up_and_less_rounds_down() {
        let rule = PriceRule::default();
        // 0.50 % × 3,612 € ÷ 1 part ÷ 12 = 1.505 €: half a cent, up.
        assert_eq!(rule.price_cents(income(3_612, 4)), 151);
        // 0.50 % × 3,611 € ÷ 1 ÷ 12 = 1.50458… €
        assert_eq!(rule.price_cents(income(3_611, 4)), 150);
        // 0.50 % × 21,090 € ÷ 2 ÷ 12 = 4.39375 €
        assert_eq!(rule.price_cents(income(21_090, 8)), 439);
    }

    #[test]
    fn amounts_read_in_each_language() {
        assert_eq!(euros_fr(64), "0,64\u{a0}€");
        assert_eq!(euros_en(70_000), "€700.00");
        assert_eq!(euros_fr(108_333), "1\u{202f}083,33\u{a0}€");
        assert_eq!(euros_en(108_333), "€1,083.33");
        assert_eq!(euros_en(100_000_000), "€1,000,000.00");
        assert_eq!(euros_fr(0), "0,00\u{a0}€");
    }
}
