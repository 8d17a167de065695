//! What the canteen routes answer: the family's overview by school year, an enrolment with its
//! meals, a month's statement. Dates travel as `YYYY-MM-DD` (Paris's calendar), money as whole
//! cents.

use serde::{Deserialize, Serialize};

use crate::canteen::choices::{CanteenDay, Diet};
use crate::canteen::price::{Income, PriceRule};

/// `GET /api/canteen`: the school years open to enrolment and each pupil's place in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenOverview {
    /// Today in Paris, as the server's clock says: deadlines are read against it.
    pub today: String,
    /// The school year under way, and the next one from 1 July.
    pub years: Vec<CanteenYear>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenYear {
    pub school_year: i32,
    /// The last day the weekdays can be changed (included).
    pub weekdays_deadline: String,
    pub may_change_weekdays: bool,
    pub price: CanteenPrice,
    pub pupils: Vec<CanteenPupil>,
}

/// What a meal costs the family for a school year, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenPrice {
    pub rule: PriceRule,
    /// What the family declared, if it did.
    pub income: Option<Income>,
    pub tax_notice: TaxNoticeStatus,
    /// The price of a meal now: from the income once the tax notice is validated, the full
    /// price until then.
    pub price_cents: u64,
}

/// Where the family's tax notice for a school year stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaxNoticeStatus {
    Missing,
    /// Uploaded, waiting for an agent.
    Pending,
    Validated,
    Refused,
}

impl TaxNoticeStatus {
    pub fn code(self) -> &'static str {
        match self {
            TaxNoticeStatus::Missing => "missing",
            TaxNoticeStatus::Pending => "pending",
            TaxNoticeStatus::Validated => "validated",
            TaxNoticeStatus::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<TaxNoticeStatus> {
        [
            TaxNoticeStatus::Missing,
            TaxNoticeStatus::Pending,
            TaxNoticeStatus::Validated,
            TaxNoticeStatus::Refused,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }
}

impl CanteenPrice {
    /// The price from what the family declared and where its notice stands.
    pub fn new(rule: PriceRule, income: Option<Income>, tax_notice: TaxNoticeStatus) -> Self {
        let price_cents = match (income, tax_notice) {
            (Some(income), TaxNoticeStatus::Validated) => rule.price_cents(income),
            _ => rule.full_price_cents(),
        };
        CanteenPrice {
            rule,
            income,
            tax_notice,
            price_cents,
        }
    }
}

/// A pupil of the family, for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenPupil {
    pub pupil_id: String,
    pub given_name: String,
    pub college_name: Option<String>,
    /// The class in that school year.
    pub class: String,
    /// Whether the collège's canteen serves Wednesday.
    pub serves_wednesday: bool,
    pub offer: CanteenOffer,
    pub enrolment: Option<EnrolmentSummary>,
    /// For a pupil that can be enrolled (`open`), its enrolment of the school year before:
    /// re-enrolment repeats its choices in one step.
    pub year_before: Option<EnrolmentSummary>,
}

/// Whether a pupil can be enrolled for a school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CanteenOffer {
    /// It can.
    Open,
    /// It is already.
    Enrolled,
    /// Its collège's canteen is not run by a Département (or the collège is not in the list).
    CollegeNotRun,
    /// It will have left collège by then (after 3e).
    LeftCollege,
    /// The pupil was added for a later school year.
    NotYet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentSummary {
    pub id: String,
    pub weekdays: Vec<CanteenDay>,
    pub diet: Diet,
    pub allergy_plan: bool,
}

/// `POST /api/canteen/enrolments`' answer: the enrolments made, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentList {
    pub enrolments: Vec<CanteenEnrolment>,
}

/// An enrolment with every meal reserved for its school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CanteenEnrolment {
    pub id: String,
    pub pupil_id: String,
    pub given_name: String,
    pub college_name: Option<String>,
    pub school_year: i32,
    pub class: String,
    pub weekdays: Vec<CanteenDay>,
    pub diet: Diet,
    pub allergy_plan: bool,
    pub serves_wednesday: bool,
    pub weekdays_deadline: String,
    pub may_change_weekdays: bool,
    /// Today in Paris.
    pub today: String,
    pub price_cents: u64,
    /// In date order.
    pub meals: Vec<Meal>,
}

/// A school day on which a meal is reserved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meal {
    pub day: String,
    pub cancelled: bool,
    /// Until 23:59, Paris time, on this day.
    pub last_day_to_cancel: String,
    pub may_change: bool,
}

/// `GET /api/canteen/enrolments/{enrolment_id}/statements/{month}`: a month of one pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    pub enrolment_id: String,
    pub given_name: String,
    pub college_name: Option<String>,
    /// `YYYY-MM`.
    pub month: String,
    /// Meals reserved in the month, cancelled or not.
    pub reserved: u32,
    /// Cancelled before their deadline: not billed.
    pub cancelled: u32,
    /// Reserved and not cancelled: billed.
    pub billed: u32,
    pub price_cents: u64,
    pub amount_cents: u64,
    /// True while the price is the full one for want of a validated tax notice.
    pub full_price: bool,
    /// True while meals of the month can still be cancelled: the amount may still fall.
    pub provisional: bool,
    pub meals: Vec<Meal>,
}
