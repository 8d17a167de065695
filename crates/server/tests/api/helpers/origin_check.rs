//! The Origin check, asserted the same way for every route that changes something: a page of
//! another site, an opaque origin (`null`) and a cross-site fetch are all refused, whatever
//! cookies the browser holds.

use passplus_validation::codes::refusal;
use reqwest::Method;
use serde_json::Value;

use super::{error_code, Family};

/// Sends `body` to `method path` from other sites, with `browser`'s cookies, and asserts that
/// each is refused `cross_origin` (the Sec-Fetch-Site one with a 403).
pub async fn assert_refused_from_other_sites(
    browser: &Family,
    method: Method,
    path: &str,
    body: &Value,
) {
    for origin in ["https://evil.example", "null"] {
        let request = browser
            .request_from(origin, method.clone(), path)
            .json(body);
        let response = browser.send(request).await;
        assert_eq!(response.status(), 403, "{method} {path} from {origin}");
        assert_eq!(error_code(response).await, refusal::CROSS_ORIGIN);
    }
    let cross_site = browser
        .request(method.clone(), path)
        .header("sec-fetch-site", "cross-site")
        .json(body);
    let response = browser.send(cross_site).await;
    assert_eq!(response.status(), 403, "{method} {path} cross-site");
}
