//! The shared canteen test vectors: one table (`data/canteen-vectors.tsv`) run through the real
//! rules by the native tests and the wasm tests in a browser, so both provably agree on every
//! school day, deadline and price. The file's header describes its format.

use crate::calendar::{Date, SchoolYear};
use crate::canteen::deadlines::{last_day_to_cancel, may_change_meal, may_change_weekdays};
use crate::canteen::holidays::public_holidays;
use crate::canteen::income::{validate_reference_income, validate_tax_parts};
use crate::canteen::price::{Income, PriceRule};
use crate::canteen::school_calendar::SchoolCalendar;
use crate::vector_table::{self, verdict};

/// The table, compiled in so that both targets read the very same lines.
pub const CANTEEN_VECTORS: &str = include_str!("../../data/canteen-vectors.tsv");

/// The lines whose result differs from the table (empty when the rules agree with it).
pub fn canteen_vector_failures() -> Vec<String> {
    let calendar = SchoolCalendar::zone_c();
    vector_lines()
        .filter_map(|line| run(&calendar, line).err())
        .collect()
}

fn vector_lines() -> impl Iterator<Item = &'static str> {
    vector_table::lines(CANTEEN_VECTORS)
}

/// Runs one `rule<TAB>input<TAB>expected` line; `Err` describes a mismatch.
fn run(calendar: &SchoolCalendar, line: &str) -> Result<(), String> {
    vector_table::check(line, |rule, input| result_of(calendar, rule, input))
}

fn result_of(calendar: &SchoolCalendar, rule: &str, input: &str) -> Result<String, String> {
    let day = |text: &str| Date::parse_iso(text).ok_or(format!("not a date: {text:?}"));
    let yes_no = |answer: bool| if answer { "yes" } else { "no" }.to_owned();
    let (rule, parameter) = rule.split_once('@').unwrap_or((rule, ""));
    Ok(match rule {
        "school_day" => yes_no(calendar.is_school_day(day(input)?)),
        "public_holidays" => {
            let year = input
                .parse()
                .map_err(|_| format!("not a year: {input:?}"))?;
            let days: Vec<String> = public_holidays(year).iter().map(Date::to_string).collect();
            days.join(",")
        }
        "school_year_of" => SchoolYear::of(day(input)?).start_year.to_string(),
        "last_day_to_cancel" => last_day_to_cancel(day(input)?).to_string(),
        "may_change_meal" => yes_no(may_change_meal(day(input)?, day(parameter)?)),
        "weekdays_change" => yes_no(may_change_weekdays(day(parameter)?, day(input)?)),
        "quotient" => income(input)?.monthly_quotient_cents().to_string(),
        "price" => {
            let numbers = numbers(parameter)?;
            let [coefficient_millionths, min_cents, max_cents] = numbers[..] else {
                return Err(format!("price@ takes three numbers: {parameter:?}"));
            };
            let rule = PriceRule {
                coefficient_millionths,
                min_cents,
                max_cents,
            };
            rule.price_cents(income(input)?).to_string()
        }
        "reference_income" => verdict(validate_reference_income(input)),
        "tax_parts" => verdict(validate_tax_parts(input)),
        rule => return Err(format!("unknown vector rule {rule:?}")),
    })
}

/// `income/quarters`.
fn income(text: &str) -> Result<Income, String> {
    let numbers = numbers(text)?;
    let [reference_income_euros, quarters] = numbers[..] else {
        return Err(format!("expected income/quarters: {text:?}"));
    };
    Ok(Income {
        reference_income_euros,
        tax_quarters: u32::try_from(quarters)
            .map_err(|_| format!("too many quarters: {text:?}"))?,
    })
}

fn numbers(text: &str) -> Result<Vec<u64>, String> {
    text.split('/')
        .map(|part| part.parse().map_err(|_| format!("not a number: {part:?}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn every_canteen_vector_passes() {
        assert!(vector_lines().count() > 80);
        assert_eq!(canteen_vector_failures(), Vec::<String>::new());
    }

    #[test]
    fn vectors_cover_every_canteen_code() {
        for code in codes::CANTEEN {
            let covered = vector_lines().any(|line| line.ends_with(&format!("\t{code}")));
            assert!(covered, "no vector for {code}");
        }
    }

    #[test]
    fn a_wrong_line_is_reported() {
        let calendar = SchoolCalendar::zone_c();
        assert!(run(&calendar, "school_day\t2026-11-11\tyes").is_err());
        assert!(run(&calendar, "price@5000/64/700\t36000/10\t601").is_err());
        assert!(run(&calendar, "nonsense\tx\tok").is_err());
    }
}
