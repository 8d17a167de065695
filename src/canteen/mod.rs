//! What the canteen's pages share: the words for days, diets, dates and prices in the page's
//! language, the price a family pays and why, the tax notice's form, re-enrolment in one step,
//! how a page about one school year finds it, and what a page shows while it reads its data.

pub mod loaded;
pub mod price_summary;
pub mod re_enrolment;
pub mod tax_notice_form;
pub mod words;
pub mod year_page;
