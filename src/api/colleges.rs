//! The collège reference list.

use passplus_validation::CollegeSearchResults;

use super::{get, ApiError};

pub async fn search(text: &str) -> Result<CollegeSearchResults, ApiError> {
    let query = String::from(js_sys::encode_uri_component(text));
    get(&format!("/api/colleges?q={query}")).await
}
