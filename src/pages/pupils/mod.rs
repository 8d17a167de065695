//! Adding and editing a pupil.

pub mod add_pupil;
pub mod edit_pupil;
