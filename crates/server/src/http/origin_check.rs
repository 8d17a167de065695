//! Cross-site request forgery: a state-changing request (anything but GET, HEAD, OPTIONS) is
//! accepted only from the site's own pages. Browsers say where a request comes from in
//! `Sec-Fetch-Site` and `Origin`; a request that says neither is refused, and an `Origin` must be
//! the public base URL's whole origin (scheme, host and port) — never compared with the `Host`
//! header, which the request itself chooses. Our own check rather than a token crate: with
//! `SameSite` cookies and these headers it is a few lines.

use axum::extract::{Request, State};
use axum::http::header::ORIGIN;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use passplus_validation::codes::refusal;

use crate::http::error::AppError;
use crate::startup::AppState;

pub async fn same_origin_only(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(request.headers(), &state.config.public_base_url) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "cross-origin request refused");
    AppError::Refused {
        status: StatusCode::FORBIDDEN,
        code: refusal::CROSS_ORIGIN,
    }
    .into_response()
}

fn is_same_origin(headers: &HeaderMap, public_base_url: &str) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match header("sec-fetch-site") {
        Some("same-origin") => return true,
        Some("cross-site" | "same-site") => return false,
        _ => {}
    }
    header(ORIGIN.as_str())
        .is_some_and(|origin| Some(origin) == origin_of(public_base_url).as_deref())
}

/// The origin (`scheme://host[:port]`, lower case, default port left out) of a base URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    (!authority.is_empty() && !authority.contains('@')).then(|| format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn only_the_sites_own_pages_may_change_state() {
        let public = "https://passplus.example";
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            public
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "https://passplus.example")]),
            public
        ));
        // The Host header is the request's own claim: it proves nothing.
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "http://127.0.0.1:4000"),
                ("host", "127.0.0.1:4000")
            ]),
            public
        ));
        // Scheme, host and port all count.
        for other in [
            "http://passplus.example",
            "https://passplus.example:8443",
            "https://passplus.example.evil.example",
            "https://sub.passplus.example",
        ] {
            assert!(
                !is_same_origin(&headers(&[("origin", other)]), public),
                "{other}"
            );
        }
        assert!(is_same_origin(
            &headers(&[("origin", "https://passplus.example")]),
            "https://PassPlus.example:443/"
        ));
        assert!(is_same_origin(
            &headers(&[("origin", "http://127.0.0.1:4000")]),
            "http://127.0.0.1:4000"
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example")]),
            public
        ));
        assert!(!is_same_origin(
            &headers(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://passplus.example")
            ]),
            public
        ));
        assert!(!is_same_origin(
            &headers(&[("host", "passplus.example")]),
            public
        ));
    }
}
