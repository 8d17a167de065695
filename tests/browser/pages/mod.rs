//! The app's pages in a real DOM, one module per area: how a whole form behaves (checked on
//! leaving a field, fixed at the keystroke, summarised on submit). The form kit's components
//! are tested one by one in `form_kit`.

mod accounts;
mod colleges;
