//! The canteen's rules, shared by the browser (the price simulator, the deadlines shown) and the
//! server (the bill, the refusals): school days, public holidays, the deadlines to cancel a meal
//! and to change weekdays, the price of a meal and the income it is computed from.

pub mod deadlines;
pub mod holidays;
pub mod income;
pub mod price;
pub mod school_calendar;
pub mod vectors;
