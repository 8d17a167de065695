//! The privacy registry: each processing of personal data the service performs, as data.
//!
//! The app's privacy page renders it and the server's retention job enforces its retention rules,
//! so that a change of retention period is a change in `data/privacy-registry.json` alone. The
//! entries restate the two privacy notices that govern Pass+ (account and canteen; the
//! Département's general notice).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A text in the service's two languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub processings: Vec<Processing>,
    pub dpo: DataProtectionOfficer,
    /// What the service stores in the browser, cookie or not.
    pub device_storage: Vec<DeviceStorage>,
    pub security: Security,
    /// The caterer the Département has chosen, until the configuration names another: its
    /// name replaces `{caterer}` in the texts above, its contact `{caterer_contact}`.
    pub caterer_default: Caterer,
}

/// Written in a text where the configured caterer's name goes (`with_caterer`).
pub const CATERER_MARK: &str = "{caterer}";
/// Written in a text where the configured caterer's contact goes (`with_caterer`).
pub const CATERER_CONTACT_MARK: &str = "{caterer_contact}";

/// The canteen's caterer, joint controller of the canteen beneficiaries' data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caterer {
    pub name: String,
    pub contact: Text,
}

/// Text escaped for HTML element content and double-quoted attributes: the notice is HTML, and
/// neither the registry's words nor the configuration's are markup.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `text` with the caterer's name and contact in place of their marks. The caller escapes them
/// first if `text` is HTML (`escape_html`).
pub fn with_caterer(text: &str, name: &str, contact: &str) -> String {
    text.replace(CATERER_CONTACT_MARK, contact)
        .replace(CATERER_MARK, name)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Security {
    pub rgs_approval: RgsApproval,
}

/// Where the teleservice stands in the RGS security approval (homologation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RgsApproval {
    InProgress,
    /// Granted on this day (`YYYY-MM-DD`).
    Granted {
        on: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Processing {
    /// Stable identifier, used by the retention job and in links (`#id`).
    pub id: String,
    pub name: Text,
    pub controllers: Vec<Controller>,
    pub purposes: Vec<Text>,
    pub legal_basis: Text,
    pub data_categories: Vec<DataCategory>,
    pub recipients: Vec<Recipient>,
    pub transfers_outside_eu: bool,
    pub rights: Vec<Right>,
    /// Anything a person should know that fits no field above (e.g. joint controllers).
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Controller {
    pub name: Text,
    /// What it is responsible for, when it is not the whole processing.
    #[serde(default)]
    pub role: Option<Text>,
    pub contact: Text,
}

/// Who receives data of a processing, and which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub name: Text,
    pub receives: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCategory {
    pub id: String,
    pub label: Text,
    /// Examples of the data in this category.
    pub examples: Text,
    pub retention: Retention,
    /// Collected only with the person's consent (audience statistics): the site must then ask.
    pub needs_consent: bool,
    #[serde(default)]
    pub enforced_by: Enforcement,
}

/// Who deletes a category's data when its period is over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Enforcement {
    /// The server's retention job, which reads the period here.
    #[default]
    RetentionJob,
    /// The host that keeps the server's standard error, by rotating it.
    HostLogRotation,
}

/// How long a category is kept, in a form both a person and the retention job can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Retention {
    /// Kept while the pupil uses the service, then this many school years after the last
    /// school year the pupil was enrolled for.
    SchoolYearsAfterLastEnrolment { school_years: u32 },
    /// Kept this many years after the right to the benefit ends (or a final court decision).
    YearsAfterBenefitEnds { years: u32 },
    /// Kept this many years after the last exchange between the person and the Département.
    YearsAfterLastContact { years: u32 },
    /// An account that never enrolled a pupil: kept this many school years after the school
    /// year of its signup.
    SchoolYearsAfterSignup { school_years: u32 },
    /// Kept this many days after the signup (an address never confirmed).
    DaysAfterSignup { days: u32 },
    /// Kept this many days after what it records happened.
    DaysAfterEvent { days: u32 },
    /// Kept this many days after it was last used.
    DaysAfterLastUse { days: u32 },
    /// Kept until the session ends, which is this many hours after it opened at most.
    UntilSessionEnds { max_hours: u32 },
    /// Kept until the link expires, which is this many hours after it was sent at most.
    UntilLinkExpires { max_hours: u32 },
    /// Kept until the mail server accepts the message.
    UntilSent,
}

/// The rights a person can exercise on a processing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Objection,
    ComplaintToCnil,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataProtectionOfficer {
    pub email: String,
    pub postal_address: Vec<String>,
    /// What a request must mention to reach the right service.
    pub request_must_mention: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceStorage {
    pub name: String,
    /// "cookie" or "local_storage".
    pub kind: String,
    pub purpose: Text,
    pub lifetime: Text,
    /// False for what is strictly necessary to a service the person asks for (CNIL exemption).
    pub needs_consent: bool,
    /// Whether the service sets it today: the session cookie arrives with accounts.
    pub in_use: bool,
}

pub const REGISTRY_JSON: &str = include_str!("../data/privacy-registry.json");

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    serde_json::from_str(REGISTRY_JSON).expect("data/privacy-registry.json is checked by tests")
});

/// The registry, parsed once.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

impl Registry {
    /// The category named `id`. Panics on an unknown one: ids are written in code, and a test
    /// reads each of them.
    pub fn category(&self, id: &str) -> &DataCategory {
        self.processings
            .iter()
            .flat_map(|processing| &processing.data_categories)
            .find(|category| category.id == id)
            .unwrap_or_else(|| panic!("no privacy category {id}"))
    }

    /// Whether anything the service collects or stores needs the person's consent first.
    pub fn needs_consent(&self) -> bool {
        self.processings
            .iter()
            .flat_map(|processing| &processing.data_categories)
            .any(|category| category.needs_consent)
            || self.device_storage.iter().any(|item| item.needs_consent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn registry_parses_and_is_complete() {
        let registry: Registry = serde_json::from_str(REGISTRY_JSON).unwrap();
        assert!(registry.processings.len() >= 2);
        for processing in &registry.processings {
            let id = &processing.id;
            assert!(!processing.controllers.is_empty(), "{id}: controllers");
            assert!(!processing.purposes.is_empty(), "{id}: purposes");
            assert!(!processing.data_categories.is_empty(), "{id}: categories");
            assert!(!processing.recipients.is_empty(), "{id}: recipients");
            assert!(processing.rights.contains(&Right::Access), "{id}: access");
            assert!(
                processing.rights.contains(&Right::ComplaintToCnil),
                "{id}: CNIL"
            );
            assert!(
                !processing.transfers_outside_eu,
                "{id}: no transfer outside the EU"
            );
        }
        assert_eq!(registry.dpo.email, "dpo@hauts-de-seine.fr");
    }

    #[test]
    fn ids_are_unique_so_the_retention_job_can_name_them() {
        let registry = registry();
        let mut seen = HashSet::new();
        for processing in &registry.processings {
            assert!(seen.insert(processing.id.as_str()), "{}", processing.id);
            for category in &processing.data_categories {
                assert!(seen.insert(category.id.as_str()), "{}", category.id);
            }
        }
    }

    #[test]
    fn every_text_has_both_languages() {
        let json: serde_json::Value = serde_json::from_str(REGISTRY_JSON).unwrap();
        fn walk(value: &serde_json::Value, path: &str) {
            match value {
                serde_json::Value::Object(map) => {
                    if map.contains_key("fr") || map.contains_key("en") {
                        for lang in ["fr", "en"] {
                            let text = map.get(lang).and_then(|v| v.as_str()).unwrap_or("");
                            assert!(!text.trim().is_empty(), "{path}: missing {lang}");
                        }
                    }
                    for (key, child) in map {
                        walk(child, &format!("{path}.{key}"));
                    }
                }
                serde_json::Value::Array(items) => {
                    for (index, child) in items.iter().enumerate() {
                        walk(child, &format!("{path}[{index}]"));
                    }
                }
                _ => {}
            }
        }
        walk(&json, "registry");
    }
}
