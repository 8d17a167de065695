//! Serving the built single-page app: real files with their content type, `index.html` for every
//! client route, precompressed brotli or gzip when the browser accepts it, and cache headers
//! that let hashed files live forever while `index.html` is always revalidated.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

pub fn service(static_dir: &Path) -> ServeDir<ServeFile> {
    let index = ServeFile::new(static_dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .fallback(index)
}

const FOREVER: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const ONE_HOUR: &str = "public, max-age=3600";

/// Sets `Cache-Control` on what the static service answers.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed_file_name(request.uri().path());
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let policy = if is_html {
        REVALIDATE
    } else if hashed && response.status().is_success() {
        FOREVER
    } else {
        ONE_HOUR
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Trunk names built files `stem-<16 hex digits>[_bg].ext`: their content never changes.
fn is_hashed_file_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_hashed_file_name;

    #[test]
    fn only_trunk_hashed_names_count_as_immutable() {
        assert!(is_hashed_file_name(
            "/passplus-web-0123456789abcdef_bg.wasm"
        ));
        assert!(is_hashed_file_name("/passplus-web-0123456789abcdef.js"));
        assert!(is_hashed_file_name("/style-fedcba9876543210.css"));
        assert!(!is_hashed_file_name("/robots.txt"));
        assert!(!is_hashed_file_name("/trouver-mon-college"));
        assert!(!is_hashed_file_name("/mentions-legales"));
    }
}
