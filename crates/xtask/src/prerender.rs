//! The public pages as real HTML, written into the built site: each page is the
//! built `index.html` with the frame the app draws (skip link, header and menu, footer) and the
//! page's own content in `<main>`, in French, for a visitor not signed in. The server sends them
//! for their paths (`links::PRERENDERED_PAGES`); `index.html` itself gets the frame with an
//! empty `<main>` for every other route. The app then takes the page over: it keeps the content
//! it finds rather than fetching it again (`src/shell/takeover.rs`), and draws the same markup
//! around it, so nothing moves. An end-to-end test compares the two (`first-paint.spec.ts`).
//!
//! The texts come from the same translation files as the app's, and the privacy notice from the
//! same renderer as the server's, so that the HTML and the app cannot say different things.

// Only reading a language is needed here; the build scripts use the rest.
#[allow(dead_code)]
#[path = "../../../build/locales.rs"]
mod locales;
#[path = "../../../build/privacy_page.rs"]
mod privacy_page;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use passplus_validation::links;
use passplus_validation::privacy::registry;

/// What a page has below the frame.
enum Body {
    /// The home page: its heading, introduction and primary action for a visitor, then its text
    /// (`public/content/home.fr.html`).
    Home,
    /// A long text of `public/content/` (`<name>.fr.html`), under a heading.
    Content {
        heading: &'static str,
        name: &'static str,
    },
    /// The privacy notice, rendered from the registry.
    PrivacyNotice,
    /// The collège search: its heading, introduction and form, as the app draws them.
    CollegeSearch,
    /// A form page: its heading and introduction; the form itself needs the app.
    FormIntro {
        heading: &'static str,
        intro: &'static [Line],
    },
}

/// A paragraph of an introduction.
enum Line {
    Text(&'static str),
    /// A text followed by a link.
    WithLink {
        text: &'static str,
        path: &'static str,
        link: &'static str,
    },
}

struct Page {
    path: &'static str,
    /// The key of the page's name in the document title (and in the menu).
    title: &'static str,
    body: Body,
}

const PAGES: [Page; 8] = [
    Page {
        path: links::HOME_PATH,
        title: "home_title",
        body: Body::Home,
    },
    Page {
        path: links::FIND_COLLEGE_PATH,
        title: "find_title",
        body: Body::CollegeSearch,
    },
    Page {
        path: links::ACCESSIBILITY_PATH,
        title: "accessibility_title",
        body: Body::Content {
            heading: "accessibility_title",
            name: "accessibilite",
        },
    },
    Page {
        path: links::PRIVACY_PATH,
        title: "privacy_title",
        body: Body::PrivacyNotice,
    },
    Page {
        path: links::LEGAL_NOTICE_PATH,
        title: "legal_title",
        body: Body::Content {
            heading: "legal_title",
            name: "mentions-legales",
        },
    },
    Page {
        path: links::SIGNUP_PATH,
        title: "signup_title",
        body: Body::FormIntro {
            heading: "signup_title",
            intro: &[
                Line::Text("signup_intro"),
                Line::WithLink {
                    text: "signup_privacy",
                    path: links::PRIVACY_PATH,
                    link: "signup_privacy_link",
                },
                Line::Text("form_all_required"),
            ],
        },
    },
    Page {
        path: links::LOGIN_PATH,
        title: "login_title",
        // The login page has no introduction: its form is its content.
        body: Body::FormIntro {
            heading: "login_title",
            intro: &[],
        },
    },
    Page {
        path: links::FORGOT_PASSWORD_PATH,
        title: "forgot_title",
        body: Body::FormIntro {
            heading: "forgot_title",
            intro: &[Line::Text("forgot_intro")],
        },
    },
];

/// The menu's links for a visitor not signed in, as `Layout` draws them.
const MENU: [(&str, &str); 4] = [
    (links::HOME_PATH, "home_title"),
    (links::FIND_COLLEGE_PATH, "find_title"),
    (links::LOGIN_PATH, "login_title"),
    (links::SIGNUP_PATH, "signup_title"),
];

/// The footer's links, as `Layout` draws them.
const FOOTER: [(&str, &str); 3] = [
    (links::ACCESSIBILITY_PATH, "footer_accessibility"),
    (links::PRIVACY_PATH, "privacy_title"),
    (links::LEGAL_NOTICE_PATH, "legal_title"),
];

/// The id of the collège search field (`FIELD_ID` of the page).
const SEARCH_FIELD_ID: &str = "recherche";

/// Writes every pre-rendered page under `dist/pages/` and the frame into `dist/index.html`;
/// returns how many pages.
pub fn write_pages(root: &Path, dist: &Path) -> anyhow::Result<usize> {
    let (french, _) = locales::read_language(&root.join("locales"), "fr");
    let texts = Texts(&french);
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).context("reading the built index.html")?;
    let template = Template::of(&index)?;
    let noscript = template.noscript()?;
    for page in &PAGES {
        let main = page_main(root, &texts, page)?;
        let main = match page.body {
            // A form needs the app: said where the form will be.
            Body::FormIntro { .. } => format!("{main}{noscript}"),
            _ => main,
        };
        let title = format!("{} – {}", texts.get(page.title)?, texts.get("site_name")?);
        let html = template.fill(&title, &frame(&texts, Some(page.path), &main)?);
        let file = dist.join(links::prerendered_file(page.path));
        std::fs::create_dir_all(file.parent().expect("pages/ has a parent"))?;
        std::fs::write(&file, html).with_context(|| format!("writing {}", file.display()))?;
    }
    let site_title = format!(
        "{} – {}",
        texts.get("site_name")?,
        texts.get("site_tagline")?
    );
    let bare = template.fill(&site_title, &frame(&texts, None, &noscript)?);
    std::fs::write(&index_path, bare)?;
    Ok(PAGES.len())
}

/// Paints another app's `index.html` (written from the family app's) with the frame and its
/// first page's heading, so that its first paint is the page's, not an empty shell.
pub fn write_app_frame(root: &Path, index_path: &Path, title_key: &str) -> anyhow::Result<()> {
    let (french, _) = locales::read_language(&root.join("locales"), "fr");
    let texts = Texts(&french);
    let index = std::fs::read_to_string(index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let template = Template::of(&index)?;
    let heading = texts.get(title_key)?;
    let main = format!("{}{}", heading_html(heading.clone()), template.noscript()?);
    let title = format!("{heading} – {}", texts.get("site_name")?);
    std::fs::write(
        index_path,
        template.fill(&title, &frame(&texts, None, &main)?),
    )?;
    Ok(())
}

/// The page's content in `<main>`.
fn page_main(root: &Path, texts: &Texts, page: &Page) -> anyhow::Result<String> {
    Ok(match page.body {
        Body::Home => format!(
            "{}<p>{}</p>{}{}",
            heading_html(texts.get("home_heading")?),
            texts.get("home_intro")?,
            start_links(texts)?,
            prose(&content_text(root, "home")?)
        ),
        Body::Content { heading, name } => format!(
            "{}{}",
            heading_html(texts.get(heading)?),
            prose(&content_text(root, name)?)
        ),
        Body::PrivacyNotice => format!(
            "{}{}",
            heading_html(texts.get("privacy_title")?),
            prose(&privacy_page::with_default_caterer(
                registry(),
                &privacy_page::render(registry(), texts.0, "fr"),
                "fr"
            ))
        ),
        Body::CollegeSearch => college_search(texts)?,
        Body::FormIntro { heading, intro } => {
            let mut html = heading_html(texts.get(heading)?);
            for line in intro {
                html.push_str(&match line {
                    Line::Text(key) => format!("<p>{}</p>", texts.get(key)?),
                    Line::WithLink { text, path, link } => format!(
                        "<p>{} <a href=\"{path}\">{}</a></p>",
                        texts.get(text)?,
                        texts.get(link)?
                    ),
                });
            }
            html
        }
    })
}

/// A long text of `public/content/`, in French.
fn content_text(root: &Path, name: &str) -> anyhow::Result<String> {
    let file = root.join(format!("public/content/{name}.fr.html"));
    let content =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    Ok(content.trim().to_owned())
}

/// The home page's primary action for a visitor, as `StartLinks` draws it.
fn start_links(texts: &Texts) -> anyhow::Result<String> {
    Ok(format!(
        "<div class=\"start\"><p><a class=\"button\" href=\"{signup}\">{start}</a></p>\
         <p>{next}</p><p>{have_account} <a href=\"{login}\">{login_title}</a></p></div>",
        signup = links::SIGNUP_PATH,
        login = links::LOGIN_PATH,
        start = texts.get("home_start")?,
        next = texts.get("home_start_next")?,
        have_account = texts.get("home_have_account")?,
        login_title = texts.get("login_title")?,
    ))
}

fn heading_html(text: String) -> String {
    format!("<h1 tabindex=\"-1\">{text}</h1>")
}

/// A long text, marked so that the app keeps it rather than fetching it again.
fn prose(html: &str) -> String {
    format!("<div class=\"prose\" data-prerendered=\"\">{html}</div>")
}

/// The heading, introduction and search form of the collège page, as `FindCollegePage` and
/// `TextField` draw them at rest.
fn college_search(texts: &Texts) -> anyhow::Result<String> {
    let id = SEARCH_FIELD_ID;
    Ok(format!(
        "{heading}<p>{intro}</p>\
         <form class=\"search-form\" role=\"search\" novalidate=\"\" method=\"get\">\
         <div class=\"field\">\
         <label class=\"field__label\" for=\"{id}\">{label}</label>\
         <p class=\"field__hint\" id=\"{id}-hint\">{hint}</p>\
         <input class=\"field__input\" id=\"{id}\" name=\"{id}\" type=\"search\" \
         autocomplete=\"off\" spellcheck=\"false\" aria-required=\"true\" \
         aria-describedby=\"{id}-hint\">\
         </div>\
         <button type=\"submit\" class=\"button\">{submit}</button>\
         </form>\
         <div class=\"search-status\" role=\"status\" aria-live=\"polite\"></div>",
        heading = heading_html(texts.get("find_title")?),
        intro = texts.get("find_intro")?,
        label = texts.get("find_field_label")?,
        hint = texts.get("find_field_hint")?,
        submit = texts.get("find_submit")?,
    ))
}

/// Skip link, header with the menu, `<main>` holding `main`, footer: `Layout`'s markup.
fn frame(texts: &Texts, current: Option<&str>, main: &str) -> anyhow::Result<String> {
    let link = |path: &str, key: &str| -> anyhow::Result<String> {
        let current = if current == Some(path) {
            " aria-current=\"page\""
        } else {
            ""
        };
        Ok(format!(
            "<li><a href=\"{path}\"{current}>{}</a></li>",
            texts.get(key)?
        ))
    };
    let menu = MENU
        .iter()
        .map(|(path, key)| link(path, key))
        .collect::<anyhow::Result<String>>()?;
    let footer = FOOTER
        .iter()
        // The accessibility link is not marked current in the app's footer either.
        .map(|(path, key)| match *path {
            links::ACCESSIBILITY_PATH => Ok(format!(
                "<li><a href=\"{path}\">{}</a></li>",
                texts.get(key)?
            )),
            _ => link(path, key),
        })
        .collect::<anyhow::Result<String>>()?;
    Ok(format!(
        "<a class=\"skip-link\" href=\"#contenu\">{skip}</a>\
         <header class=\"site-header\"><div class=\"site-header__inner\">\
         <a href=\"/\" class=\"site-header__brand\">\
         <span class=\"site-header__name\">{name}</span>\
         <span class=\"site-header__tagline\">{tagline}</span></a>\
         <button type=\"button\" class=\"language-switch\" lang=\"en\">English</button>\
         </div>\
         <nav class=\"site-nav\" aria-label=\"{menu_label}\"><ul>{menu}</ul></nav></header>\
         <main id=\"contenu\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><nav aria-label=\"{footer_label}\"><ul>{footer}</ul></nav>\
         <p>{publisher}</p></footer>",
        skip = texts.get("skip_to_content")?,
        name = texts.get("site_name")?,
        tagline = texts.get("site_tagline")?,
        menu_label = texts.get("nav_main_label")?,
        footer_label = texts.get("nav_footer_label")?,
        publisher = texts.get("footer_publisher")?,
    ))
}

/// The French texts, escaped for HTML.
struct Texts<'a>(&'a BTreeMap<String, String>);

impl Texts<'_> {
    fn get(&self, key: &str) -> anyhow::Result<String> {
        let text = self
            .0
            .get(key)
            .with_context(|| format!("no French text {key}"))?;
        Ok(text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;"))
    }
}

/// The built `index.html`, cut around its title and the app's container.
struct Template<'a> {
    before_title: &'a str,
    between: &'a str,
    shell: &'a str,
    after: &'a str,
}

impl<'a> Template<'a> {
    fn of(index: &'a str) -> anyhow::Result<Template<'a>> {
        let (before_title, rest) = index
            .split_once("<title>")
            .context("index.html has a title")?;
        let (_, rest) = rest.split_once("</title>").context("the title is closed")?;
        let Some(open) = ["<div id=app>", "<div id=\"app\">"]
            .into_iter()
            .find_map(|tag| rest.find(tag).map(|at| at + tag.len()))
        else {
            bail!("index.html has no <div id=\"app\">");
        };
        let body_end = rest.rfind("</body>").context("index.html has a </body>")?;
        let close = rest[..body_end]
            .rfind("</div>")
            .context("the app's container is closed")?;
        Ok(Template {
            before_title,
            between: &rest[..open],
            shell: &rest[open..close],
            after: &rest[close..],
        })
    }

    /// The `<noscript>` of the source's shell, said on pages that need the app.
    fn noscript(&self) -> anyhow::Result<String> {
        let start = self
            .shell
            .find("<noscript>")
            .context("the shell has a <noscript>")?;
        let end = self
            .shell
            .find("</noscript>")
            .context("the <noscript> is closed")?;
        Ok(self.shell[start..end + "</noscript>".len()].to_owned())
    }

    fn fill(&self, title: &str, shell: &str) -> String {
        format!(
            "{}<title>{title}</title>{}{shell}{}",
            self.before_title, self.between, self.after
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str = "<!doctype html><html lang=fr><title>Pass+</title><script type=module>\
        init()</script></head><body><div id=app><a>x</a><main><h1>Pass+</h1><noscript><p>JS\
        </p></noscript></main></div></body></html>";

    #[test]
    fn a_page_keeps_the_built_head_and_script_and_replaces_title_and_shell() {
        let template = Template::of(BUILT).unwrap();
        let page = template.fill("Accueil – Pass+", "<main>content</main>");
        assert!(page.starts_with("<!doctype html><html lang=fr><title>Accueil – Pass+</title>"));
        assert!(page.contains("<script type=module>init()</script>"));
        assert!(page.ends_with("<div id=app><main>content</main></div></body></html>"));
        assert_eq!(
            template.noscript().unwrap(),
            "<noscript><p>JS</p></noscript>"
        );
    }

    #[test]
    fn the_frame_marks_the_current_page_in_the_menu_and_escapes_texts() {
        let table: BTreeMap<String, String> = [
            "skip_to_content",
            "site_name",
            "site_tagline",
            "nav_main_label",
            "nav_footer_label",
            "footer_publisher",
            "home_title",
            "find_title",
            "login_title",
            "signup_title",
            "footer_accessibility",
            "privacy_title",
            "legal_title",
        ]
        .into_iter()
        .map(|key| (key.to_owned(), format!("{key} <&>")))
        .collect();
        let html = frame(&Texts(&table), Some(links::LOGIN_PATH), "<h1>x</h1>").unwrap();
        assert!(html.contains(
            "<a href=\"/connexion\" aria-current=\"page\">login_title &lt;&amp;&gt;</a>"
        ));
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(html.contains("<main id=\"contenu\" tabindex=\"-1\"><h1>x</h1></main>"));
    }
}
