//! What the canteen's pages share: the words for days, diets, dates and prices in the page's
//! language.

pub mod words;
