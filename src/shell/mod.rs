//! The frame of every page: layout, header and footer, the language switch, the document title,
//! and the long texts of the information pages.

pub mod content;
pub mod content_page;
pub mod document_title;
pub mod fetched_html;
pub mod language_switch;
pub mod layout;
