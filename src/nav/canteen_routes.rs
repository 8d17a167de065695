//! Every route of the canteen's app, named once. Its paths are under `links::CANTEEN_PATH`.

use passplus_validation::links;

use crate::i18n::Key;
use crate::nav::routes::PUPIL_PARAMETER;

/// The query key naming the school year on the enrolment and price pages (`?annee=2026`).
pub const YEAR_PARAMETER: &str = "annee";
/// The query key naming the enrolment on its pages (`?inscription=…`).
pub const ENROLMENT_PARAMETER: &str = "inscription";
/// The query key naming the month of a statement (`&mois=2026-12`).
pub const MONTH_PARAMETER: &str = "mois";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanteenRoute {
    /// The family's school years, pupils and price.
    Overview,
    /// Enrolling pupils for a school year.
    Enrol,
    /// One enrolment's meals (cancel, book again) and weekdays.
    Meals,
    /// One enrolment's statement for a month.
    Statement,
    /// A school year's price: the income, the simulator, the tax notice.
    Price,
    /// A pupil's card: how to open it, the parent's personal links, the accesses.
    Card,
}

impl CanteenRoute {
    pub const ALL: [CanteenRoute; 6] = [
        CanteenRoute::Overview,
        CanteenRoute::Enrol,
        CanteenRoute::Meals,
        CanteenRoute::Statement,
        CanteenRoute::Price,
        CanteenRoute::Card,
    ];

    /// The route at `path` (the location's: no trailing slash), if any.
    pub fn at(path: &str) -> Option<CanteenRoute> {
        CanteenRoute::ALL
            .into_iter()
            .find(|route| route.path().trim_end_matches('/') == path)
    }

    pub fn path(self) -> String {
        let below = match self {
            CanteenRoute::Overview => "",
            CanteenRoute::Enrol => "inscription",
            CanteenRoute::Meals => "repas",
            CanteenRoute::Statement => "releve",
            CanteenRoute::Price => "tarif",
            CanteenRoute::Card => "carte",
        };
        format!("{}{below}", links::CANTEEN_PATH)
    }

    pub fn title(self) -> Key {
        match self {
            CanteenRoute::Overview => Key::canteen_title,
            CanteenRoute::Enrol => Key::canteen_enrol_title,
            CanteenRoute::Meals => Key::canteen_meals_title,
            CanteenRoute::Statement => Key::canteen_statement_title,
            CanteenRoute::Price => Key::canteen_price_title,
            CanteenRoute::Card => Key::canteen_card_title,
        }
    }

    /// The path of a page about one school year (`?annee=2026`).
    pub fn of_year(self, school_year: i32) -> String {
        format!("{}?{YEAR_PARAMETER}={school_year}", self.path())
    }

    /// The path of a page about one pupil (`?eleve=…`).
    pub fn of_pupil(self, id: &str) -> String {
        format!(
            "{}?{PUPIL_PARAMETER}={}",
            self.path(),
            js_sys::encode_uri_component(id)
        )
    }

    /// The path of one enrolment's page.
    pub fn of_enrolment(self, id: &str) -> String {
        format!(
            "{}?{ENROLMENT_PARAMETER}={}",
            self.path(),
            js_sys::encode_uri_component(id)
        )
    }

    /// The path of one enrolment's statement for `month` (`YYYY-MM`).
    pub fn statement(id: &str, month: &str) -> String {
        format!(
            "{}&{MONTH_PARAMETER}={month}",
            CanteenRoute::Statement.of_enrolment(id)
        )
    }
}
