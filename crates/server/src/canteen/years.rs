//! The school years the canteen takes enrolments for, and each one's rules: the price rule and
//! the weekdays' deadline from the configuration (defaults where it is silent), and its school
//! days from the shipped zone C calendar.

use std::sync::OnceLock;

use anyhow::{bail, Context};
use axum::http::StatusCode;
use passplus_validation::canteen::deadlines::default_weekdays_deadline;
use passplus_validation::canteen::price::PriceRule;
use passplus_validation::canteen::school_calendar::SchoolCalendar;
use passplus_validation::codes::refusal;
use passplus_validation::{Date, SchoolYear};

use crate::config::CanteenConfig;
use crate::http::error::AppError;

/// One school year's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRules {
    pub school_year: SchoolYear,
    pub price_rule: PriceRule,
    pub weekdays_deadline: Date,
}

pub fn calendar() -> &'static SchoolCalendar {
    static CALENDAR: OnceLock<SchoolCalendar> = OnceLock::new();
    CALENDAR.get_or_init(SchoolCalendar::zone_c)
}

/// The rules of `school_year`: the configuration's, the defaults for what it does not set.
pub fn rules(config: &CanteenConfig, school_year: SchoolYear) -> YearRules {
    let set = config
        .years
        .iter()
        .find(|year| year.school_year == school_year.start_year);
    let defaults = PriceRule::default();
    YearRules {
        school_year,
        price_rule: PriceRule {
            coefficient_millionths: set
                .and_then(|year| year.coefficient_millionths)
                .unwrap_or(defaults.coefficient_millionths),
            min_cents: set
                .and_then(|year| year.min_cents)
                .unwrap_or(defaults.min_cents),
            max_cents: set
                .and_then(|year| year.max_cents)
                .unwrap_or(defaults.max_cents),
        },
        weekdays_deadline: set
            .and_then(|year| year.weekdays_deadline.as_deref())
            .and_then(Date::parse_iso)
            .unwrap_or_else(|| default_weekdays_deadline(school_year)),
    }
}

/// Refuses at start a configuration that would bill wrongly: a deadline that is not a date,
/// bounds upside down.
pub fn check(config: &CanteenConfig) -> anyhow::Result<()> {
    for year in &config.years {
        let name = format!("canteen.years school_year = {}", year.school_year);
        if let Some(deadline) = &year.weekdays_deadline {
            Date::parse_iso(deadline).with_context(|| {
                format!("{name}: weekdays_deadline {deadline:?} is not YYYY-MM-DD")
            })?;
        }
        let rule = rules(
            config,
            SchoolYear {
                start_year: year.school_year,
            },
        )
        .price_rule;
        if rule.min_cents > rule.max_cents || rule.coefficient_millionths == 0 {
            bail!("{name}: the price needs 0 < coefficient and min_cents <= max_cents");
        }
    }
    Ok(())
}

/// The school years open to enrolment on `today`: the one under way and, from 1 July, the next,
/// each only if the calendar knows its school days.
pub fn open_years(today: Date) -> Vec<SchoolYear> {
    let mut years = vec![SchoolYear::of(today)];
    let applied_for = SchoolYear::applied_for_on(today);
    if !years.contains(&applied_for) {
        years.push(applied_for);
    }
    let known: Vec<SchoolYear> = calendar().school_years().collect();
    years.retain(|year| known.contains(year));
    years
}

/// The school year a path names by its first calendar year (`2026`), if it is open on `today`:
/// 404 when the text is not a year, 409 `canteen_not_offered` when the year is not open.
pub fn open_year_named(text: &str, today: Date) -> Result<SchoolYear, AppError> {
    let school_year = SchoolYear {
        start_year: text.parse().map_err(|_| AppError::NotFound)?,
    };
    if !open_years(today).contains(&school_year) {
        return Err(AppError::Refused {
            status: StatusCode::CONFLICT,
            code: refusal::CANTEEN_NOT_OFFERED,
        });
    }
    Ok(school_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CanteenYearConfig;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn the_next_year_opens_on_1_july() {
        let year = |start_year| SchoolYear { start_year };
        assert_eq!(open_years(date("2026-06-30")), vec![year(2025)]);
        assert_eq!(open_years(date("2026-07-01")), vec![year(2025), year(2026)]);
        assert_eq!(open_years(date("2026-12-02")), vec![year(2026)]);
        // 2027-2028's calendar is not shipped: nothing to enrol for yet.
        assert_eq!(open_years(date("2027-07-01")), vec![year(2026)]);
        assert_eq!(open_years(date("2027-09-01")), vec![]);
    }

    #[test]
    fn a_year_has_the_defaults_except_what_is_set() {
        let config = CanteenConfig {
            years: vec![CanteenYearConfig {
                school_year: 2026,
                coefficient_millionths: Some(4_800),
                min_cents: None,
                max_cents: None,
                weekdays_deadline: Some("2026-09-30".into()),
            }],
        };
        let set = rules(&config, SchoolYear { start_year: 2026 });
        assert_eq!(set.price_rule.coefficient_millionths, 4_800);
        assert_eq!(set.price_rule.max_cents, 700);
        assert_eq!(set.weekdays_deadline, date("2026-09-30"));
        let other = rules(&config, SchoolYear { start_year: 2025 });
        assert_eq!(other.price_rule, PriceRule::default());
        assert_eq!(other.weekdays_deadline, date("2025-09-27"));
        assert!(check(&config).is_ok());
    }

    #[test]
    fn a_wrong_setting_stops_the_start() {
        let wrong = |tweak: fn(&mut CanteenYearConfig)| {
            let mut year = CanteenYearConfig {
                school_year: 2026,
                coefficient_millionths: None,
                min_cents: None,
                max_cents: None,
                weekdays_deadline: None,
            };
            tweak(&mut year);
            check(&CanteenConfig { years: vec![year] }).is_err()
        };
        assert!(wrong(
            |year| year.weekdays_deadline = Some("27/09/2026".into())
        ));
        assert!(wrong(|year| year.min_cents = Some(800)));
        assert!(wrong(|year| year.coefficient_millionths = Some(0)));
        assert!(!wrong(|_| {}));
    }
}
