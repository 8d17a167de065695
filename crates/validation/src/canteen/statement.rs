//! A month's statement of one pupil: what was reserved, what was cancelled in time, what is
//! billed and for how much. Late cancellations do not exist (the server refuses them), so every
//! cancelled meal was cancelled in time and every meal still reserved is billed.

use crate::calendar::Date;

/// A calendar month, `YYYY-MM` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Reads `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4
            || month.len() != 2
            || !(year.bytes().chain(month.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let month = Month {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
        };
        (1..=12).contains(&month.month).then_some(month)
    }

    pub fn of(day: Date) -> Month {
        Month {
            year: day.year,
            month: day.month,
        }
    }

    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).expect("a month has a first day")
    }

    /// The first day of the next month.
    pub fn next_first_day(self) -> Date {
        if self.month == 12 {
            Date::new(self.year + 1, 1, 1)
        } else {
            Date::new(self.year, self.month + 1, 1)
        }
        .expect("a month has a first day")
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The counts and the amount of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub reserved: u32,
    pub cancelled: u32,
    pub billed: u32,
    pub amount_cents: u64,
}

/// Counts the month's meals (`true`: cancelled) at `price_cents` a meal.
pub fn tally(cancelled: impl IntoIterator<Item = bool>, price_cents: u64) -> Tally {
    let (mut reserved, mut cancelled_count) = (0, 0);
    for cancelled in cancelled {
        reserved += 1;
        cancelled_count += u32::from(cancelled);
    }
    let billed = reserved - cancelled_count;
    Tally {
        reserved,
        cancelled: cancelled_count,
        billed,
        amount_cents: u64::from(billed) * price_cents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_and_bounded() {
        let december = Month::parse("2026-12").unwrap();
        assert_eq!(december.to_string(), "2026-12");
        assert_eq!(december.first_day(), Date::new(2026, 12, 1).unwrap());
        assert_eq!(december.next_first_day(), Date::new(2027, 1, 1).unwrap());
        for wrong in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-12",
            "2026-12-01",
            "abcd-ef",
            "",
        ] {
            assert_eq!(Month::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn what_is_still_reserved_is_billed() {
        let tally = tally([false, true, false, false], 439);
        assert_eq!(
            tally,
            Tally {
                reserved: 4,
                cancelled: 1,
                billed: 3,
                amount_cents: 1_317
            }
        );
        assert_eq!(super::tally([], 700).amount_cents, 0);
    }
}
