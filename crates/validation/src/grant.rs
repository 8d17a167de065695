//! The Pass+ grant of a pupil for a school year: 80 €, or 100 € for a bourse holder once the
//! Département's agents have validated the bourse certificate. Until then the family sees both
//! figures, so nobody counts on money that is not yet granted.

use serde::{Deserialize, Serialize};

pub const BASE_EUROS: u32 = 80;
pub const BOURSE_EUROS: u32 = 100;

/// Where the bourse certificate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertificateStatus {
    /// Not uploaded yet.
    Missing,
    /// Uploaded, waiting for an agent.
    Pending,
    Validated,
    Refused,
}

impl CertificateStatus {
    pub fn code(self) -> &'static str {
        match self {
            CertificateStatus::Missing => "missing",
            CertificateStatus::Pending => "pending",
            CertificateStatus::Validated => "validated",
            CertificateStatus::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<CertificateStatus> {
        [Self::Missing, Self::Pending, Self::Validated, Self::Refused]
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// The grant as the dashboard shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grant {
    /// What is granted now.
    pub euros: u32,
    /// What it becomes once the bourse certificate is validated, for a bourse holder who is not
    /// there yet.
    pub after_validation: Option<u32>,
}

pub fn grant(bourse_holder: bool, certificate: CertificateStatus) -> Grant {
    match (bourse_holder, certificate) {
        (true, CertificateStatus::Validated) => Grant {
            euros: BOURSE_EUROS,
            after_validation: None,
        },
        (true, _) => Grant {
            euros: BASE_EUROS,
            after_validation: Some(BOURSE_EUROS),
        },
        (false, _) => Grant {
            euros: BASE_EUROS,
            after_validation: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bourse_holders_get_100_only_once_validated() {
        use CertificateStatus::*;
        assert_eq!(
            grant(false, Missing),
            Grant {
                euros: 80,
                after_validation: None
            }
        );
        assert_eq!(grant(false, Validated).euros, 80);
        for status in [Missing, Pending, Refused] {
            assert_eq!(
                grant(true, status),
                Grant {
                    euros: 80,
                    after_validation: Some(100)
                }
            );
        }
        assert_eq!(
            grant(true, Validated),
            Grant {
                euros: 100,
                after_validation: None
            }
        );
        for status in [Missing, Pending, Validated, Refused] {
            assert_eq!(CertificateStatus::from_code(status.code()), Some(status));
        }
    }
}
