//! Configuration: built-in defaults, then an optional TOML file, then `PASSPLUS_`-prefixed
//! environment variables (e.g. `PASSPLUS_DATABASE_URL`), each overriding the one before.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::Deserialize;

/// The file read when `PASSPLUS_CONFIG` names none.
const DEFAULT_CONFIG_FILE: &str = "passplus.toml";

/// Every part has a default, so a file or the environment sets only what differs. `Debug` shows
/// the secrets as `[REDACTED]`: a configuration logged whole never prints a password.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Where to listen. Loopback by default: in production a TLS-terminating proxy is in front.
    pub listen: SocketAddr,
    /// `sqlite://path?mode=rwc` (the default, created on start) or `postgres://…`, which may
    /// carry a password.
    pub database_url: SecretString,
    /// The address people use, for links in e-mails.
    pub public_base_url: String,
    /// Proxies whose `X-Forwarded-For` header is believed; nobody else's is.
    pub trusted_proxies: Vec<IpAddr>,
    /// The built single-page app (`dist/`).
    pub static_dir: PathBuf,
    /// Where an earlier version kept uploaded files on disk: read once at start to move them
    /// into the database (see `legacy_files`); nothing is written there any more.
    pub files_dir: PathBuf,
    /// A session ends after this long without a request…
    pub session_idle_minutes: i64,
    /// …and after this long in any case.
    pub session_absolute_hours: i64,
    pub login_limits: LoginLimits,
    /// Anonymous requests that cost a hash or send an e-mail, per client.
    pub anonymous_limits: AnonymousLimits,
    /// How long an address-verification link stays valid.
    pub verification_link_hours: i64,
    /// How long a password-reset link stays valid: short, because it opens the account.
    pub password_reset_link_minutes: i64,
    pub mail: MailConfig,
    pub canteen: CanteenConfig,
    /// The canteen's caterer, named on the privacy notice as joint controller.
    pub caterer: CatererConfig,
    /// For end-to-end tests only, never in production: a file holding a number of seconds the
    /// server adds to the system clock, read each time it reads the time (a test moves a running
    /// server's days past a deadline). Unset: the system clock.
    pub test_clock_offset_file: Option<PathBuf>,
}

/// The canteen's settings for each school year the Département has set them for; a year not
/// listed has the defaults (0.50 %, 0.64 € to 7.00 €, weekdays changed until 27 September).
/// In a file: `[[canteen.years]]` tables, `school_year = 2026`, and what differs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CanteenConfig {
    pub years: Vec<CanteenYearConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CanteenYearConfig {
    /// By its first calendar year: 2026 is 2026-2027.
    pub school_year: i32,
    /// The coefficient in millionths: 5,000 is 0.50 %.
    pub coefficient_millionths: Option<u64>,
    pub min_cents: Option<u64>,
    pub max_cents: Option<u64>,
    /// `YYYY-MM-DD`, the last day weekdays can be changed.
    pub weekdays_deadline: Option<String>,
}

/// The caterer the Département has chosen for the canteens. Unset parts are the privacy
/// registry's (`caterer_default`): an administrator changes the caterer here, without a release.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CatererConfig {
    pub name: Option<String>,
    /// How to reach it about personal data, as one line (an address, an e-mail), the same in
    /// both languages. Unset: through the Département's DPO, the joint controllers' contact.
    pub contact: Option<String>,
}

/// Failed logins allowed in a sliding window, per address tried and per client.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LoginLimits {
    pub per_account: i64,
    pub per_client: i64,
    pub window_minutes: i64,
}

/// Signups, new links, reset requests and logins allowed per client (an IPv4 address or an
/// IPv6 /64) in a fixed window, whatever their outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct AnonymousLimits {
    pub per_client: i64,
    pub window_minutes: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MailConfig {
    /// The sender of every message.
    pub from: String,
    /// `smtps://user:password@host:465` or `smtp://host:25?tls=required`; when unset, messages
    /// are written as `.eml` files to `outbox_dir` (development and tests).
    pub smtp_url: Option<SecretString>,
    pub outbox_dir: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: SecretString::from("sqlite://data/passplus.db?mode=rwc"),
            public_base_url: "http://127.0.0.1:8080".to_owned(),
            trusted_proxies: Vec::new(),
            static_dir: PathBuf::from("dist"),
            files_dir: PathBuf::from("data/files"),
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            login_limits: LoginLimits::default(),
            anonymous_limits: AnonymousLimits::default(),
            verification_link_hours: 24,
            password_reset_link_minutes: 60,
            mail: MailConfig::default(),
            canteen: CanteenConfig::default(),
            caterer: CatererConfig::default(),
            test_clock_offset_file: None,
        }
    }
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_account: 5,
            per_client: 50,
            window_minutes: 15,
        }
    }
}

impl Default for AnonymousLimits {
    fn default() -> Self {
        AnonymousLimits {
            per_client: 60,
            window_minutes: 15,
        }
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            from: "Pass+ <ne-pas-repondre@passplus.hauts-de-seine.fr>".to_owned(),
            smtp_url: None,
            outbox_dir: PathBuf::from("data/outbox"),
        }
    }
}

impl Config {
    pub fn load() -> Result<Config, Box<figment::Error>> {
        let file = std::env::var("PASSPLUS_CONFIG").unwrap_or_else(|_| DEFAULT_CONFIG_FILE.into());
        Figment::from(Toml::file(file))
            // PASSPLUS_MAIL__OUTBOX_DIR sets mail.outbox_dir.
            .merge(Env::prefixed("PASSPLUS_").ignore(&["config"]).split("__"))
            .extract()
            .map_err(Box::new)
    }
}

#[cfg(test)]
// figment's test jail takes closures returning its own (large) error type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn environment_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            // The configuration of whoever runs the tests is not the tests'.
            jail.clear_env();
            jail.set_env("PASSPLUS_LISTEN", "127.0.0.1:9999");
            jail.set_env("PASSPLUS_TRUSTED_PROXIES", "[10.0.0.1, \"::1\"]");
            let config = Config::load().map_err(|error| *error)?;
            assert_eq!(config.listen.port(), 9999);
            assert_eq!(config.trusted_proxies.len(), 2);
            assert!(config.database_url.expose_secret().starts_with("sqlite://"));
            Ok(())
        });
    }

    #[test]
    fn file_is_read_and_environment_wins() {
        figment::Jail::expect_with(|jail| {
            // The configuration of whoever runs the tests is not the tests'.
            jail.clear_env();
            jail.create_file(
                "passplus.toml",
                "public_base_url = \"https://passplus.example\"\nstatic_dir = \"www\"",
            )?;
            jail.set_env("PASSPLUS_STATIC_DIR", "other");
            jail.set_env("PASSPLUS_MAIL__OUTBOX_DIR", "/tmp/outbox");
            jail.set_env("PASSPLUS_LOGIN_LIMITS__PER_ACCOUNT", "3");
            let config = Config::load().map_err(|error| *error)?;
            assert_eq!(config.public_base_url, "https://passplus.example");
            assert_eq!(config.static_dir, PathBuf::from("other"));
            assert_eq!(config.mail.outbox_dir, PathBuf::from("/tmp/outbox"));
            assert_eq!(config.login_limits.per_account, 3);
            assert_eq!(config.login_limits.per_client, 50);
            assert!(config.canteen.years.is_empty());
            Ok(())
        });
    }

    #[test]
    fn canteen_years_are_set_in_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(
                "passplus.toml",
                "[[canteen.years]]\nschool_year = 2026\ncoefficient_millionths = 4800\n\
                 weekdays_deadline = \"2026-09-30\"\n",
            )?;
            let config = Config::load().map_err(|error| *error)?;
            let year = &config.canteen.years[0];
            assert_eq!(year.school_year, 2026);
            assert_eq!(year.coefficient_millionths, Some(4800));
            assert_eq!(year.max_cents, None);
            assert_eq!(year.weekdays_deadline.as_deref(), Some("2026-09-30"));
            Ok(())
        });
    }

    #[test]
    fn debug_and_logs_never_show_the_database_or_smtp_password() {
        figment::Jail::expect_with(|jail| {
            // The configuration of whoever runs the tests is not the tests'.
            jail.clear_env();
            jail.set_env(
                "PASSPLUS_DATABASE_URL",
                "postgres://passplus:s3cr3t-db@db/passplus",
            );
            jail.set_env(
                "PASSPLUS_MAIL__SMTP_URL",
                "smtps://mailer:s3cr3t-smtp@smtp:465",
            );
            let config = Config::load().map_err(|error| *error)?;
            let shown = format!("{config:?} {config:#?}");
            assert!(!shown.contains("s3cr3t"), "{shown}");
            assert!(shown.contains("REDACTED"), "{shown}");
            assert!(config.database_url.expose_secret().contains("s3cr3t-db"));
            Ok(())
        });
    }
}
