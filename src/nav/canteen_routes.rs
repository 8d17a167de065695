//! Every route of the canteen's app, named once. Its paths are under `links::CANTEEN_PATH`.

use passplus_validation::links;

use crate::i18n::Key;

/// The query key naming the school year on the enrolment page (`?annee=2026`).
pub const YEAR_PARAMETER: &str = "annee";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanteenRoute {
    /// The family's school years, pupils and price.
    Overview,
    /// Enrolling pupils for a school year.
    Enrol,
}

impl CanteenRoute {
    pub const ALL: [CanteenRoute; 2] = [CanteenRoute::Overview, CanteenRoute::Enrol];

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
        };
        format!("{}{below}", links::CANTEEN_PATH)
    }

    pub fn title(self) -> Key {
        match self {
            CanteenRoute::Overview => Key::canteen_title,
            CanteenRoute::Enrol => Key::canteen_enrol_title,
        }
    }
}
