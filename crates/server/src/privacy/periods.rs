//! The retention periods the purge applies, read from the privacy registry: the page that tells
//! families how long their data is kept and the job that deletes it read the same entries, so a
//! period changes in `privacy-registry.json` alone. The configuration may only shorten what the
//! registry promises (a session, a link), never lengthen it: `check` refuses to start otherwise.

use std::sync::LazyLock;

use passplus_validation::privacy::{registry, Registry, Retention};

use crate::config::Config;

/// Each registry category's period, in the unit its rule counts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Periods {
    /// An account whose pupils are not enrolled again: school years after the last enrolment.
    pub account_school_years: i32,
    /// A verified account that never enrolled a pupil: school years after its signup's.
    pub account_without_pupil_school_years: i32,
    /// An address never confirmed: days after the signup.
    pub unverified_account_days: i64,
    /// The administrative record of a reduced price: years after the right ended.
    pub benefit_record_years: i32,
    pub login_failure_days: i64,
    pub session_max_hours: i64,
    pub trusted_device_days: i64,
    pub email_link_max_hours: i64,
}

impl Periods {
    /// Reads `registry`. Panics if a category the purge applies is missing or has another kind
    /// of rule than the purge knows: the registry is compiled in, and a test reads it.
    pub fn from_registry(registry: &Registry) -> Periods {
        let rule = |id: &str| registry.category(id).retention;
        let unexpected = |id: &str| -> ! { panic!("{id}: the purge does not know this rule") };
        Periods {
            account_school_years: match rule("passplus_account") {
                Retention::SchoolYearsAfterLastEnrolment { school_years } => school_years as i32,
                _ => unexpected("passplus_account"),
            },
            account_without_pupil_school_years: match rule("passplus_account_without_pupil") {
                Retention::SchoolYearsAfterSignup { school_years } => school_years as i32,
                _ => unexpected("passplus_account_without_pupil"),
            },
            unverified_account_days: match rule("passplus_unverified_account") {
                Retention::DaysAfterSignup { days } => days.into(),
                _ => unexpected("passplus_unverified_account"),
            },
            benefit_record_years: match rule("passplus_benefit_records") {
                Retention::YearsAfterBenefitEnds { years } => years as i32,
                _ => unexpected("passplus_benefit_records"),
            },
            login_failure_days: match rule("passplus_login_failures") {
                Retention::DaysAfterEvent { days } => days.into(),
                _ => unexpected("passplus_login_failures"),
            },
            session_max_hours: match rule("passplus_sessions") {
                Retention::UntilSessionEnds { max_hours } => max_hours.into(),
                _ => unexpected("passplus_sessions"),
            },
            trusted_device_days: match rule("passplus_trusted_devices") {
                Retention::DaysAfterLastUse { days } => days.into(),
                _ => unexpected("passplus_trusted_devices"),
            },
            email_link_max_hours: match rule("passplus_email_links") {
                Retention::UntilLinkExpires { max_hours } => max_hours.into(),
                _ => unexpected("passplus_email_links"),
            },
        }
    }

    /// Refuses a configuration that would keep data longer than the registry says, or that
    /// needs it longer than the registry lets it be kept.
    pub fn check(&self, config: &Config) -> anyhow::Result<()> {
        let link_minutes =
            (config.verification_link_hours * 60).max(config.password_reset_link_minutes);
        let rules = [
            (
                config.session_absolute_hours <= self.session_max_hours,
                "session_absolute_hours is longer than the registry's session period",
            ),
            (
                link_minutes <= self.email_link_max_hours * 60,
                "an e-mail link lasts longer than the registry's period for links",
            ),
            (
                config.login_limits.window_minutes <= self.login_failure_days * 24 * 60,
                "login_limits.window_minutes counts failures the registry says are deleted",
            ),
            (
                config.anonymous_limits.window_minutes <= 24 * 60,
                "anonymous_limits.window_minutes is longer than the counters' day",
            ),
        ];
        match rules.iter().find(|(holds, _)| !holds) {
            Some((_, refusal)) => anyhow::bail!("configuration: {refusal}"),
            None => Ok(()),
        }
    }
}

static PERIODS: LazyLock<Periods> = LazyLock::new(|| Periods::from_registry(registry()));

/// The compiled-in registry's periods.
pub fn periods() -> &'static Periods {
    &PERIODS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_gives_every_period_the_purge_applies() {
        let periods = Periods::from_registry(registry());
        assert_eq!(periods.account_school_years, 1);
        assert_eq!(periods.benefit_record_years, 6);
        assert_eq!(periods.trusted_device_days, 180);
    }

    #[test]
    fn the_default_configuration_keeps_to_the_registry() {
        periods().check(&Config::default()).unwrap();
        let longer_sessions = Config {
            session_absolute_hours: periods().session_max_hours + 1,
            ..Config::default()
        };
        assert!(periods().check(&longer_sessions).is_err());
        let longer_links = Config {
            password_reset_link_minutes: periods().email_link_max_hours * 60 + 1,
            ..Config::default()
        };
        assert!(periods().check(&longer_links).is_err());
    }

    #[test]
    fn the_security_cookie_lasts_what_the_registry_says() {
        let device = registry()
            .device_storage
            .iter()
            .find(|item| item.name == "__Host-passplus_device")
            .unwrap();
        let days = periods().trusted_device_days;
        assert!(device.lifetime.fr.contains(&format!("{days} jours")));
        assert!(device.lifetime.en.contains(&format!("{days} days")));
    }
}
