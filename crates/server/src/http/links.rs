//! Absolute links to the app's pages, for what leaves the site (e-mails). The paths are the
//! shared contract's (`passplus_validation::links`), so the app that opens them has the same.

use passplus_validation::links;

use crate::startup::AppState;

impl AppState {
    /// `path` on the public site, as a link in an e-mail.
    pub fn link(&self, path: &str) -> String {
        format!(
            "{}{path}",
            self.config.public_base_url.trim_end_matches('/')
        )
    }

    /// `path` on the public site, carrying a token (`#jeton=…`).
    pub fn token_link(&self, path: &str, token: &str) -> String {
        self.link(&links::with_token(path, token))
    }
}
