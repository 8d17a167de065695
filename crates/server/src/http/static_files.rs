//! Serving the built apps: real files with their content type, the pre-rendered HTML of the
//! public pages (`links::PRERENDERED_PAGES`), the `index.html` of the app a client route belongs
//! to (`links::app_of`: the family app's, or another app's in its folder), precompressed brotli
//! or gzip when the browser accepts it, and cache headers that let hashed files live forever
//! while pages are always revalidated.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passplus_validation::links;
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
    let apps: Arc<HashMap<&'static str, ServeFile>> = Arc::new(
        std::iter::once(links::HOME_PATH)
            .chain(links::OTHER_APPS)
            .map(|app| (app, index_of(static_dir, app)))
            .collect(),
    );
    let pages = Arc::new(prerendered_pages(static_dir));
    tower::service_fn(move |request: Request| {
        let (files, apps, pages) = (files.clone(), apps.clone(), pages.clone());
        async move {
            let path = request.uri().path();
            let response = if has_file_extension(path) {
                files.oneshot(request).await
            } else if let Some(page) = pages.get(path.trim_end_matches('/')).cloned() {
                page.oneshot(request).await
            } else {
                let app = apps[links::app_of(path)].clone();
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

/// The `index.html` of the app at `app_path` (`/`, `/cantine/`). A build without another app's
/// (the tests' small site) serves the family app's for its paths.
fn index_of(static_dir: &Path, app_path: &str) -> ServeFile {
    let own = static_dir
        .join(app_path.trim_start_matches('/'))
        .join("index.html");
    let file = if own.is_file() {
        own
    } else {
        static_dir.join("index.html")
    };
    ServeFile::new(file).precompressed_br().precompressed_gzip()
}

/// Every app's `index.html` that the build wrote, for the policy naming their loaders.
pub fn app_indexes(static_dir: &Path) -> Vec<std::path::PathBuf> {
    std::iter::once(links::HOME_PATH)
        .chain(links::OTHER_APPS)
        .map(|app| {
            static_dir
                .join(app.trim_start_matches('/'))
                .join("index.html")
        })
        .filter(|file| file.is_file())
        .collect()
}

/// The pre-rendered pages the build wrote, by path (`/` is the empty path). A build without
/// them (an older one, the tests' small site) serves `index.html` for those paths as for others.
fn prerendered_pages(static_dir: &Path) -> HashMap<&'static str, ServeFile> {
    links::PRERENDERED_PAGES
        .into_iter()
        .filter_map(|path| {
            let file = static_dir.join(links::prerendered_file(path));
            let page = ServeFile::new(&file)
                .precompressed_br()
                .precompressed_gzip();
            file.is_file().then(|| (path.trim_end_matches('/'), page))
        })
        .collect()
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
    } else if path.ends_with("/sw.js") {
        // A service worker is the card's update: each new one is asked for.
        REVALIDATE
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

/// The build names files `stem-<16 hex digits>[_bg].ext` by their content: it never changes.
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
    fn only_hashed_names_count_as_immutable() {
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
