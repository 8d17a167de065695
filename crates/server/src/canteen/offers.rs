//! Whether a pupil can be enrolled for a school year, and in which class it will be then.

use passplus_validation::canteen::answers::CanteenOffer;
use passplus_validation::{SchoolClass, SchoolYear};

use super::store::FamilyPupil;

/// The pupil's offer for `school_year` and its class that year (the class it was added in when
/// the pupil has left collège by then).
pub fn offer(
    pupil: &FamilyPupil,
    school_year: SchoolYear,
    enrolled: bool,
) -> (CanteenOffer, String) {
    let years_on = school_year.start_year - pupil.school_year.start_year;
    let class_then =
        SchoolClass::from_code(&pupil.class).and_then(|class| class.years_later(years_on));
    let class = class_then.map_or_else(|| pupil.class.clone(), |class| class.code().to_owned());
    let offer = if enrolled {
        CanteenOffer::Enrolled
    } else if years_on < 0 {
        CanteenOffer::NotYet
    } else if class_then.is_none() {
        CanteenOffer::LeftCollege
    } else if !pupil.canteen_run {
        CanteenOffer::CollegeNotRun
    } else {
        CanteenOffer::Open
    };
    (offer, class)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil(class: &str, added_for: i32, canteen_run: bool) -> FamilyPupil {
        FamilyPupil {
            id: "p".into(),
            given_name: "Inès".into(),
            class: class.into(),
            school_year: SchoolYear {
                start_year: added_for,
            },
            college_name: None,
            canteen_run,
            serves_wednesday: false,
        }
    }

    #[test]
    fn a_pupil_is_offered_its_years_in_collège_where_the_canteen_is_run() {
        let year = |start_year| SchoolYear { start_year };
        assert_eq!(
            offer(&pupil("5e", 2026, true), year(2026), false),
            (CanteenOffer::Open, "5e".into())
        );
        assert_eq!(
            offer(&pupil("5e", 2026, true), year(2027), false),
            (CanteenOffer::Open, "4e".into())
        );
        assert_eq!(
            offer(&pupil("3e", 2026, true), year(2027), false).0,
            CanteenOffer::LeftCollege
        );
        assert_eq!(
            offer(&pupil("6e", 2027, true), year(2026), false).0,
            CanteenOffer::NotYet
        );
        assert_eq!(
            offer(&pupil("6e", 2026, false), year(2026), false).0,
            CanteenOffer::CollegeNotRun
        );
        assert_eq!(
            offer(&pupil("6e", 2026, false), year(2026), true).0,
            CanteenOffer::Enrolled
        );
    }
}
