//! The paths that leave the app (links in e-mails) and the pages the server sends as real HTML,
//! defined once for the server that writes or serves them and the app that opens them. The token travels in the fragment (`#jeton=…`): browsers never send
//! a fragment to a server, so no proxy or server log ever records it, and the app removes it
//! from the address bar and the history once read. Links of older e-mails carry it in the query
//! string (`?jeton=…`); the app still reads those for their lifetime.

/// The page that verifies a new account's address.
pub const VERIFY_EMAIL_PATH: &str = "/verifier-mon-adresse";
/// The page that confirms a new address for an account.
pub const NEW_EMAIL_PATH: &str = "/nouvelle-adresse";
/// The page that sets a new password from a reset link.
pub const NEW_PASSWORD_PATH: &str = "/nouveau-mot-de-passe";

/// The home page.
pub const HOME_PATH: &str = "/";
/// Finding one's collège in the reference list.
pub const FIND_COLLEGE_PATH: &str = "/trouver-mon-college";
/// The accessibility statement.
pub const ACCESSIBILITY_PATH: &str = "/accessibilite";
/// The privacy notice.
pub const PRIVACY_PATH: &str = "/confidentialite";
/// Creating an account.
pub const SIGNUP_PATH: &str = "/creer-un-compte";
/// The login page, which e-mails point to when someone already has an account.
pub const LOGIN_PATH: &str = "/connexion";
/// The page that sends a reset link, which the "password changed" e-mail points to.
pub const FORGOT_PASSWORD_PATH: &str = "/mot-de-passe-oublie";
/// The legal notice, with the service's contact, which the "address changed" e-mail points to.
pub const LEGAL_NOTICE_PATH: &str = "/mentions-legales";

/// The family's canteen pages (their own app, see DESIGN.md), which the canteen's e-mails point
/// to.
pub const CANTEEN_PATH: &str = "/cantine/";

/// The pupil's card, and the key of a personal link in its address's fragment (`#cle=…`, never
/// sent to a server).
pub const CARD_PATH: &str = "/carte/";
pub const CARD_KEY_PARAMETER: &str = "cle";

/// The apps beside the family app, by their path: each has its own `index.html` in its folder,
/// which the server sends for the paths under it, and the family app leaves their links to the
/// browser (a page load).
pub const OTHER_APPS: [&str; 2] = [CANTEEN_PATH, CARD_PATH];

/// The app a path belongs to: one of [`OTHER_APPS`], or the family app's [`HOME_PATH`].
pub fn app_of(path: &str) -> &'static str {
    OTHER_APPS
        .into_iter()
        .find(|app| path.starts_with(app) || path == app.trim_end_matches('/'))
        .unwrap_or(HOME_PATH)
}

/// The query key of the login page naming the page to go back to once logged in
/// (`/connexion?retour=%2Fcantine%2F`): the page that asked a signed-out visitor to log in.
pub const RETURN_PARAMETER: &str = "retour";

/// Longest return path kept: a page's path and query are far shorter.
const RETURN_PATH_MAX: usize = 512;

/// `path` if a login may go back to it: a page of the family's apps on this site. Never another
/// site (`//ailleurs.example`, `/\ailleurs.example`, `https://…`), so that a link to the login
/// page cannot send a family elsewhere once logged in; never the card, which needs no login, nor
/// the login page itself.
pub fn return_path(path: &str) -> Option<&str> {
    let on_this_site = path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= RETURN_PATH_MAX
        && path.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    let family_page = app_of(path) != CARD_PATH && !path.starts_with(LOGIN_PATH);
    (on_this_site && family_page).then_some(path)
}

/// The pages the server sends as real HTML, pre-rendered at build time (readable without
/// JavaScript; the app takes them over): the public information pages in full, and the form
/// pages a visitor reaches first with their heading and introduction.
pub const PRERENDERED_PAGES: [&str; 8] = [
    HOME_PATH,
    FIND_COLLEGE_PATH,
    ACCESSIBILITY_PATH,
    PRIVACY_PATH,
    LEGAL_NOTICE_PATH,
    SIGNUP_PATH,
    LOGIN_PATH,
    FORGOT_PASSWORD_PATH,
];

/// Where the built site keeps a pre-rendered page: `pages/<name>.html`, relative to its root.
pub fn prerendered_file(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "pages/accueil.html".to_owned(),
        name => format!("pages/{name}.html"),
    }
}

/// The name of the token in a link.
pub const TOKEN_KEY: &str = "jeton";

/// `path#jeton=token`, relative to the site.
pub fn with_token(path: &str, token: &str) -> String {
    format!("{path}#{TOKEN_KEY}={token}")
}

/// The token of a link, from its fragment (`#jeton=…`) or, for older links, its query string
/// (`?jeton=…`); both as `window.location` gives them, with their leading `#` or `?`.
pub fn token_of(fragment: &str, query: &str) -> Option<String> {
    [fragment.strip_prefix('#'), query.strip_prefix('?')]
        .into_iter()
        .flatten()
        .flat_map(|part| part.split('&'))
        .find_map(|pair| pair.strip_prefix(TOKEN_KEY)?.strip_prefix('='))
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_belongs_to_one_app() {
        assert_eq!(app_of("/cantine/"), CANTEEN_PATH);
        assert_eq!(app_of("/cantine"), CANTEEN_PATH);
        assert_eq!(app_of("/cantine/inscription"), CANTEEN_PATH);
        assert_eq!(app_of("/cantines"), HOME_PATH);
        assert_eq!(app_of("/carte/"), CARD_PATH);
        assert_eq!(app_of("/mon-compte"), HOME_PATH);
        assert_eq!(app_of("/"), HOME_PATH);
    }

    #[test]
    fn a_login_goes_back_only_to_a_family_page_of_this_site() {
        for page in [
            "/cantine/",
            "/cantine/repas?inscription=e1",
            "/mon-compte/enfants",
            "/",
        ] {
            assert_eq!(return_path(page), Some(page), "{page}");
        }
        for elsewhere in [
            "",
            "cantine/",
            "//ailleurs.example/",
            "/\\ailleurs.example/",
            "/cantine/\\..",
            "https://ailleurs.example/",
            "javascript:alert(1)",
            "/cantine/ x",
            "/cantine/\nSet-Cookie:x",
            "/carte/",
            "/connexion",
            "/connexion?retour=/cantine/",
        ] {
            assert_eq!(return_path(elsewhere), None, "{elsewhere:?}");
        }
        let long = format!("/cantine/?{}", "a".repeat(RETURN_PATH_MAX));
        assert_eq!(return_path(&long), None);
    }

    #[test]
    fn each_prerendered_page_has_a_file_of_its_own() {
        let files: std::collections::BTreeSet<String> = PRERENDERED_PAGES
            .iter()
            .map(|path| prerendered_file(path))
            .collect();
        assert_eq!(files.len(), PRERENDERED_PAGES.len());
        assert_eq!(prerendered_file(HOME_PATH), "pages/accueil.html");
        assert_eq!(prerendered_file(LOGIN_PATH), "pages/connexion.html");
    }

    #[test]
    fn a_link_carries_its_token_in_the_fragment_and_reads_it_back() {
        let link = with_token(NEW_PASSWORD_PATH, "abc_DEF-123");
        assert_eq!(link, "/nouveau-mot-de-passe#jeton=abc_DEF-123");
        let fragment = &link[link.find('#').unwrap()..];
        assert_eq!(token_of(fragment, "").as_deref(), Some("abc_DEF-123"));
    }

    #[test]
    fn older_links_with_a_query_string_still_work_and_the_fragment_wins() {
        assert_eq!(token_of("", "?jeton=old").as_deref(), Some("old"));
        assert_eq!(token_of("#jeton=new", "?jeton=old").as_deref(), Some("new"));
        assert_eq!(token_of("#x=1&jeton=t", "").as_deref(), Some("t"));
        assert_eq!(token_of("", ""), None);
        assert_eq!(token_of("#jeton=", "?other=1"), None);
        assert_eq!(token_of("#jetons=x", ""), None);
    }
}
