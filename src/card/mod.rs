//! The pupil's card (its own app, `card_app`): what the device keeps, the form that opens the
//! card with the Pass+ number and date of birth, and the card as it shows.

pub mod card_view;
pub mod opening_form;
pub mod storage;
