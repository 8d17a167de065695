//! Pieces of the pupils area used by several pages: the pupil form, the dashboard's list, and
//! the scaling of photos before they leave the phone.

pub mod photo_scaling;
pub mod pupil_dashboard;
pub mod pupil_form;
