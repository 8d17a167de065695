//! The canteen's rules, shared by the browser (the price simulator, the deadlines shown) and the
//! server (the bill, the refusals): school days, public holidays, the deadlines to cancel a meal
//! and to change weekdays, the price of a meal and the income it is computed from, what a family
//! chooses at enrolment, and what the canteen routes answer.

pub mod answers;
pub mod choices;
pub mod deadlines;
pub mod holidays;
pub mod income;
pub mod price;
pub mod school_calendar;
pub mod statement;
pub mod vectors;
