//! The frame of every page: layout, header and footer, the language switch, the document title,
//! the long texts of the information pages, and the takeover of the page the server sent.

pub mod content_page;
pub mod document_title;
pub mod fetched_html;
pub mod language_switch;
pub mod layout;
pub mod takeover;
