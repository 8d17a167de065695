//! The classes a Pass+ pupil can be in: the four years of collège, and the ULIS and SEGPA
//! schemes. The wire value is the short French name families know (`6e`, `ulis`…).

use validator::ValidationError;

use crate::codes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchoolClass {
    Sixieme,
    Cinquieme,
    Quatrieme,
    Troisieme,
    Ulis,
    Segpa,
}

impl SchoolClass {
    /// In the order a form lists them.
    pub const ALL: [SchoolClass; 6] = [
        SchoolClass::Sixieme,
        SchoolClass::Cinquieme,
        SchoolClass::Quatrieme,
        SchoolClass::Troisieme,
        SchoolClass::Ulis,
        SchoolClass::Segpa,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SchoolClass::Sixieme => "6e",
            SchoolClass::Cinquieme => "5e",
            SchoolClass::Quatrieme => "4e",
            SchoolClass::Troisieme => "3e",
            SchoolClass::Ulis => "ulis",
            SchoolClass::Segpa => "segpa",
        }
    }

    pub fn from_code(code: &str) -> Option<SchoolClass> {
        SchoolClass::ALL
            .into_iter()
            .find(|class| class.code() == code)
    }

    /// The class `years` school years later, or `None` once the pupil has left collège (after
    /// 3e). ULIS and SEGPA pupils stay in their scheme: its level is not known here.
    pub fn years_later(self, years: i32) -> Option<SchoolClass> {
        use SchoolClass::*;
        let levels = [Sixieme, Cinquieme, Quatrieme, Troisieme];
        match levels.iter().position(|level| *level == self) {
            Some(at) => {
                let later = at as i64 + i64::from(years);
                usize::try_from(later)
                    .ok()
                    .and_then(|at| levels.get(at).copied())
            }
            None => Some(self),
        }
    }
}

/// The class rule: one of the six (`class_empty`, `class_unknown`).
pub fn validate_class(code: &str) -> Result<(), ValidationError> {
    if code.is_empty() {
        return Err(ValidationError::new(codes::CLASS_EMPTY));
    }
    if SchoolClass::from_code(code).is_none() {
        return Err(ValidationError::new(codes::CLASS_UNKNOWN));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_round_trips_and_others_are_refused() {
        for class in SchoolClass::ALL {
            assert_eq!(SchoolClass::from_code(class.code()), Some(class));
            assert!(validate_class(class.code()).is_ok());
        }
        assert_eq!(validate_class("").unwrap_err().code, "class_empty");
        assert_eq!(validate_class("2nde").unwrap_err().code, "class_unknown");
        assert_eq!(validate_class("6E").unwrap_err().code, "class_unknown");
    }

    #[test]
    fn a_pupil_moves_up_a_class_a_year_and_leaves_after_3e() {
        use SchoolClass::*;
        assert_eq!(Sixieme.years_later(0), Some(Sixieme));
        assert_eq!(Sixieme.years_later(1), Some(Cinquieme));
        assert_eq!(Cinquieme.years_later(2), Some(Troisieme));
        assert_eq!(Troisieme.years_later(1), None);
        assert_eq!(Cinquieme.years_later(-2), None);
        assert_eq!(Segpa.years_later(1), Some(Segpa));
    }
}
