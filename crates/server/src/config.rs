//! Configuration: built-in defaults, then an optional TOML file, then `PASSPLUS_`-prefixed
//! environment variables (e.g. `PASSPLUS_DATABASE_URL`), each overriding the one before.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

/// The file read when `PASSPLUS_CONFIG` names none.
const DEFAULT_CONFIG_FILE: &str = "passplus.toml";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// Where to listen. Loopback by default: in production a TLS-terminating proxy is in front.
    pub listen: SocketAddr,
    /// `sqlite://path?mode=rwc` (the default, created on start) or `postgres://…`.
    pub database_url: String,
    /// The address people use, for links in e-mails.
    pub public_base_url: String,
    /// Proxies whose `X-Forwarded-For` header is believed; nobody else's is.
    pub trusted_proxies: Vec<IpAddr>,
    /// The built single-page app (Trunk's `dist/`).
    pub static_dir: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: "sqlite://data/passplus.db?mode=rwc".to_owned(),
            public_base_url: "http://127.0.0.1:8080".to_owned(),
            trusted_proxies: Vec::new(),
            static_dir: PathBuf::from("dist"),
        }
    }
}

impl Config {
    pub fn load() -> Result<Config, Box<figment::Error>> {
        let file = std::env::var("PASSPLUS_CONFIG").unwrap_or_else(|_| DEFAULT_CONFIG_FILE.into());
        Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("PASSPLUS_").ignore(&["config"]))
            .extract()
            .map_err(Box::new)
    }
}

#[cfg(test)]
// figment's test jail takes closures returning its own (large) error type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("PASSPLUS_LISTEN", "127.0.0.1:9999");
            jail.set_env("PASSPLUS_TRUSTED_PROXIES", "[10.0.0.1, \"::1\"]");
            let config = Config::load().map_err(|error| *error)?;
            assert_eq!(config.listen.port(), 9999);
            assert_eq!(config.trusted_proxies.len(), 2);
            assert!(config.database_url.starts_with("sqlite://"));
            Ok(())
        });
    }

    #[test]
    fn file_is_read_and_environment_wins() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "passplus.toml",
                "public_base_url = \"https://passplus.example\"\nstatic_dir = \"www\"",
            )?;
            jail.set_env("PASSPLUS_STATIC_DIR", "other");
            let config = Config::load().map_err(|error| *error)?;
            assert_eq!(config.public_base_url, "https://passplus.example");
            assert_eq!(config.static_dir, PathBuf::from("other"));
            Ok(())
        });
    }
}
