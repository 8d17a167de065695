//! Serving the built single-page app: real files with their content type, `index.html` for every
//! client route, precompressed brotli or gzip when the browser accepts it, and cache headers
//! that let hashed files live forever while `index.html` is always revalidated.

use std::convert::Infallible;
use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The static site: files as they are, and `index.html` for paths without a file extension
/// (client routes). A missing file (an old hashed asset after a deploy) is a plain 404, not
/// the app's HTML, which the browser would refuse as a script or stylesheet.
pub fn service(
    static_dir: &Path,
) -> impl tower::Service<Request, Response = Response, Error = Infallible, Future: Send> + Clone + Send
{
    let files = ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip();
    let index = ServeFile::new(static_dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let app = files.clone().fallback(index);
    tower::service_fn(move |request: Request| {
        let (files, app) = (files.clone(), app.clone());
        async move {
            let response = if has_file_extension(request.uri().path()) {
                files.oneshot(request).await
            } else {
                app.oneshot(request).await
            };
            Ok(match response {
                Ok(response) => response.map(Body::new),
                Err(error) => {
                    tracing::error!(%error, "cannot read a static file");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            })
        }
    })
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or_default()
}

fn has_file_extension(path: &str) -> bool {
    last_segment(path).contains('.')
}

const FOREVER: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const ONE_HOUR: &str = "public, max-age=3600";

/// Sets `Cache-Control` from the path alone, so that a `304 Not Modified` gets the same policy
/// as the `200` it confirms; and `Vary`, since the body depends on `Accept-Encoding`.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let policy = if is_hashed_file_name(path) {
        FOREVER
    } else if has_file_extension(path) && !path.ends_with(".html") {
        ONE_HOUR
    } else {
        REVALIDATE
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Trunk names built files `stem-<16 hex digits>[_bg].ext`: their content never changes.
fn is_hashed_file_name(path: &str) -> bool {
    let stem = last_segment(path).split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{has_file_extension, is_hashed_file_name};

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

    #[test]
    fn client_routes_have_no_file_extension() {
        assert!(has_file_extension("/robots.txt"));
        assert!(has_file_extension("/passplus-web-0123456789abcdef.js"));
        assert!(!has_file_extension("/trouver-mon-college"));
        assert!(!has_file_extension("/"));
    }
}
