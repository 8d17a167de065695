//! The collège picker, used by the pupil form.

pub mod college_picker;
