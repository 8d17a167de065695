//! The family's active sessions, as the account shows them, and the form that ends the others.
//! A session is described by what the person recognises (the browser and system, when it
//! started, when it was last used), never by an address or a place.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationErrors};

use crate::account_changes::{collect, into_result};
use crate::password::validate_login_password;

/// One session of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActiveSession {
    /// The browser and system it was opened with (`Firefox, Android`), from the browser's own
    /// description at login; empty when it said nothing recognisable.
    pub device: String,
    /// When it started and when it was last used, in seconds since the Unix epoch (UTC).
    pub started_at: i64,
    pub last_seen_at: i64,
    /// Whether it is the session of the browser asking.
    pub current: bool,
}

/// Ending every session but this browser's: the current password, as for any sensitive change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EndOtherSessionsForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::typed_password, required = true))]
    pub current_password: String,
}

impl Validate for EndOtherSessionsForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        into_result(collect(vec![(
            "current_password",
            validate_login_password(&self.current_password),
        )]))
    }
}

/// The browser family and system named by a `User-Agent`, as `Firefox, Android`; the rest of
/// the header (versions, build numbers, which narrow a browser down) is dropped.
pub fn device_of(user_agent: &str) -> String {
    // Order matters: Edge and Opera say Chrome too, Chrome says Safari.
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(browser), Some(system)) => format!("{browser}, {system}"),
        (Some(only), None) | (None, Some(only)) => only.to_owned(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_named_by_its_browser_and_system_only() {
        for (user_agent, device) in [
            (
                "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) \
                 SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
                "Samsung Internet, Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari, iOS",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
                "Edge, Windows",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox, Linux",
            ),
            ("curl/8.5.0", ""),
        ] {
            assert_eq!(device_of(user_agent), device, "{user_agent}");
        }
    }

    #[test]
    fn ending_the_other_sessions_needs_the_current_password() {
        let empty = EndOtherSessionsForm::default().validate().unwrap_err();
        assert!(empty.field_errors().contains_key("current_password"));
        let typed = EndOtherSessionsForm {
            current_password: "x".into(),
        };
        assert!(typed.validate().is_ok());
    }
}
