//! A small client-side router: the current path and query in signals, links within the app
//! followed with `history.pushState`, Back and Forward through `popstate`. The routes are few
//! and flat, so this replaces a general router at a fraction of its code. A link to another app
//! (`links::app_of`) is left to the browser: it loads that app.

use leptos::ev;
use leptos::prelude::*;
use passplus_validation::links;
use wasm_bindgen::JsCast;

/// Where the app is: `location.pathname` and `location.search`.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    path: RwSignal<String>,
    search: RwSignal<String>,
    /// The path of the app this is (`links::HOME_PATH`, `links::CANTEEN_PATH`).
    app: &'static str,
}

impl Location {
    /// The path, without a trailing slash except for `/` (reactive).
    pub fn path(self) -> String {
        self.path.get()
    }

    /// The value of a query-string parameter now (not reactive).
    pub fn query(self, name: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(&self.search.get_untracked())
            .ok()?
            .get(name)
    }

    /// The token of an e-mailed link (`#jeton=…`, or `?jeton=…` in older messages), read once:
    /// it is then removed from the address bar and from this history entry, so that it is
    /// neither shown, bookmarked nor shared by accident.
    pub fn take_link_token(self) -> Option<String> {
        let location = window().location();
        let token = links::token_of(
            &location.hash().unwrap_or_default(),
            &self.search.get_untracked(),
        )?;
        if let Ok(history) = window().history() {
            let path = location.pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
        self.search.set(String::new());
        Some(token)
    }

    /// Goes to `href` (a path with an optional query): inside the app, or by loading the app it
    /// belongs to.
    pub fn navigate(self, href: &str) {
        let path = href.split(['?', '#']).next().unwrap_or_default();
        if links::app_of(path) != self.app {
            let _ = window().location().assign(href);
            return;
        }
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.sync();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Reads the browser's location into the signals.
    fn sync(self) {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let trimmed = path.trim_end_matches('/');
        let path = if trimmed.is_empty() { "/" } else { trimmed };
        if self.path.get_untracked() != path {
            self.path.set(path.to_owned());
        }
        self.search.set(location.search().unwrap_or_default());
    }
}

/// Creates the location of the app at `app` (`links::HOME_PATH`…), listens to Back/Forward
/// and takes over clicks on links within that app.
pub fn provide_location(app: &'static str) -> Location {
    let location = Location {
        path: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
        app,
    };
    location.sync();
    provide_context(location);
    // The app lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(ev::popstate, move |_| location.sync());
    // An e-mailed link opened in a tab already on its page changes only the fragment: the page
    // starts again, as when the link opens a tab of its own, and reads its token.
    let _ = window_event_listener(ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if links::token_of(&hash, "").is_some() {
            let _ = window().location().reload();
        }
    });
    let _ = window_event_listener(ev::click, move |event| follow_link(location, &event));
    location
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// Follows a plain left click on a same-origin link without a page load.
fn follow_link(location: Location, event: &web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return;
    }
    let Some(anchor) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
    else {
        return;
    };
    if anchor.has_attribute("download")
        || anchor
            .get_attribute("target")
            .is_some_and(|target| !target.is_empty() && target != "_self")
    {
        return;
    }
    let here = window().location();
    let (Ok(here_href), Ok(origin)) = (here.href(), here.origin()) else {
        return;
    };
    let href = anchor.get_attribute("href").unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(&href, &here_href) else {
        return;
    };
    if url.origin() != origin || links::app_of(&url.pathname()) != location.app {
        return;
    }
    // A link to a place on the same page is the browser's to follow.
    let same_page =
        Some(url.pathname()) == here.pathname().ok() && Some(url.search()) == here.search().ok();
    if same_page && !url.hash().is_empty() {
        return;
    }
    event.prevent_default();
    location.navigate(&format!("{}{}{}", url.pathname(), url.search(), url.hash()));
}
