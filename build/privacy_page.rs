//! The privacy notice's body, rendered to HTML at build time (by the server's build script) from
//! the shared privacy registry and the translation tables, one fragment per language. The server
//! sends it to the app's privacy page on request. Rendering it in the browser cost ~16 KB of
//! compressed wasm on every first visit (the registry's deserialiser and the page's views), for a
//! page few visitors open and that never changes without a new release.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use passplus_validation::privacy::{
    escape_html, with_caterer, Controller, Recipient, Registry, Retention, RgsApproval, Right, Text,
};

struct Page<'a> {
    table: &'a BTreeMap<String, String>,
    lang: &'a str,
    html: String,
}

impl Page<'_> {
    fn t(&self, key: &str) -> String {
        let text = self
            .table
            .get(key)
            .unwrap_or_else(|| panic!("privacy page: no text {key}"));
        escape_html(text)
    }

    fn local(&self, text: &Text) -> String {
        escape_html(if self.lang == "fr" {
            &text.fr
        } else {
            &text.en
        })
    }

    fn push(&mut self, html: &str) {
        self.html.push_str(html);
    }

    fn list(&mut self, texts: &[Text]) {
        self.push("<ul>");
        for text in texts {
            let item = self.local(text);
            write!(self.html, "<li>{item}</li>").unwrap();
        }
        self.push("</ul>");
    }

    /// Each controller with what it answers for and where to write to it.
    fn controllers(&mut self, controllers: &[Controller]) {
        self.push("<ul>");
        for controller in controllers {
            let name = self.local(&controller.name);
            let role = controller
                .role
                .as_ref()
                .map(|role| format!(", {}", self.local(role)))
                .unwrap_or_default();
            let contact_label = self.t("privacy_controller_contact");
            let contact = self.local(&controller.contact);
            write!(
                self.html,
                "<li><strong>{name}</strong>{role}. {contact_label} {contact}</li>"
            )
            .unwrap();
        }
        self.push("</ul>");
    }

    /// Each recipient with what it receives.
    fn recipients(&mut self, recipients: &[Recipient]) {
        self.push("<ul>");
        for recipient in recipients {
            let name = format!("<strong>{}</strong>", self.local(&recipient.name));
            let item = self
                .t("privacy_recipient")
                .replace("{name}", &name)
                .replace("{receives}", &self.local(&recipient.receives));
            write!(self.html, "<li>{item}</li>").unwrap();
        }
        self.push("</ul>");
    }

    fn heading(&mut self, level: u8, key: &str) {
        let text = self.t(key);
        write!(self.html, "<h{level}>{text}</h{level}>").unwrap();
    }

    fn paragraph(&mut self, key: &str) {
        let text = self.t(key);
        write!(self.html, "<p>{text}</p>").unwrap();
    }

    fn retention(&self, retention: Retention) -> String {
        let (key, n) = match retention {
            Retention::SchoolYearsAfterLastEnrolment { school_years } => {
                ("retention_school_years", school_years)
            }
            Retention::YearsAfterBenefitEnds { years } => ("retention_benefit", years),
            Retention::YearsAfterLastContact { years } => ("retention_contact", years),
            Retention::SchoolYearsAfterSignup { school_years } => {
                ("retention_signup_school_years", school_years)
            }
            Retention::DaysAfterSignup { days } => ("retention_signup_days", days),
            Retention::DaysAfterEvent { days } => ("retention_event_days", days),
            Retention::DaysAfterLastUse { days } => ("retention_last_use_days", days),
            Retention::UntilSessionEnds { max_hours } => ("retention_session", max_hours),
            Retention::UntilLinkExpires { max_hours } => ("retention_link", max_hours),
            Retention::UntilSent => return self.t("retention_until_sent"),
        };
        let form = if n == 1 { "one" } else { "other" };
        self.t(&format!("{key}_{form}"))
            .replace("{n}", &n.to_string())
    }
}

fn right_key(right: Right) -> &'static str {
    match right {
        Right::Access => "right_access",
        Right::Rectification => "right_rectification",
        Right::Erasure => "right_erasure",
        Right::Restriction => "right_restriction",
        Right::Objection => "right_objection",
        Right::ComplaintToCnil => "right_complaint",
    }
}

/// The page below its `h1`, in one language, from `registry`, its caterer marks left for the
/// server to fill from its configuration (`with_default_caterer` fills them for a page that is
/// not served by it).
pub fn render(registry: &Registry, table: &BTreeMap<String, String>, lang: &str) -> String {
    let mut page = Page {
        table,
        lang,
        html: String::new(),
    };
    page.paragraph("privacy_intro");
    for processing in &registry.processings {
        let name = page.local(&processing.name);
        let id = escape_html(&processing.id);
        write!(
            page.html,
            "<section aria-labelledby=\"traitement-{id}\"><h2 id=\"traitement-{id}\">{name}</h2>"
        )
        .unwrap();
        page.heading(3, "privacy_controllers");
        page.controllers(&processing.controllers);
        page.heading(3, "privacy_purposes");
        page.list(&processing.purposes);
        page.heading(3, "privacy_legal_basis");
        let basis = page.local(&processing.legal_basis);
        write!(page.html, "<p>{basis}</p>").unwrap();
        page.heading(3, "privacy_data_and_retention");
        // Focusable so that a keyboard can scroll the table on a narrow screen.
        let region = format!("{} – {name}", page.t("privacy_data_and_retention"));
        write!(
            page.html,
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{region}\">\
             <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead><tbody>",
            page.t("privacy_column_data"),
            page.t("privacy_column_examples"),
            page.t("privacy_column_retention"),
        )
        .unwrap();
        for category in &processing.data_categories {
            let row = format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                page.local(&category.label),
                page.local(&category.examples),
                page.retention(category.retention),
            );
            page.push(&row);
        }
        page.push("</tbody></table></div>");
        page.heading(3, "privacy_recipients");
        page.recipients(&processing.recipients);
        page.heading(3, "privacy_transfers");
        page.paragraph(if processing.transfers_outside_eu {
            "privacy_transfers_yes"
        } else {
            "privacy_transfers_none"
        });
        page.heading(3, "privacy_rights");
        page.push("<ul>");
        for right in &processing.rights {
            let text = page.t(right_key(*right));
            write!(page.html, "<li>{text}</li>").unwrap();
        }
        page.push("</ul>");
        if !processing.notes.is_empty() {
            page.heading(3, "privacy_notes");
            page.list(&processing.notes);
        }
        page.push("</section>");
    }

    page.heading(2, "privacy_device_heading");
    page.paragraph("privacy_device_intro");
    page.push("<ul>");
    for item in &registry.device_storage {
        let kind = page.t(if item.kind == "cookie" {
            "storage_cookie"
        } else {
            "storage_local"
        });
        let consent = page.t(if item.needs_consent {
            "storage_needs_consent"
        } else {
            "storage_no_consent"
        });
        let in_use = page.t(if item.in_use {
            "storage_in_use"
        } else {
            "storage_not_yet"
        });
        let item_html = format!(
            "<li><strong>{kind} <code>{}</code></strong><ul><li>{}</li><li>{} {}</li>\
             <li>{consent}</li><li>{in_use}</li></ul></li>",
            escape_html(&item.name),
            page.local(&item.purpose),
            page.t("storage_lifetime"),
            page.local(&item.lifetime),
        );
        page.push(&item_html);
    }
    page.push("</ul>");
    // What the page says of a banner follows the registry: once anything needs consent, the page
    // says the site asks for it (the consent banner's test keeps the site doing so).
    page.paragraph(if registry.needs_consent() {
        "privacy_consent_asked"
    } else {
        "privacy_no_banner"
    });

    page.heading(2, "privacy_security_heading");
    match &registry.security.rgs_approval {
        RgsApproval::InProgress => page.paragraph("privacy_rgs_in_progress"),
        RgsApproval::Granted { on } => {
            let text = page
                .t("privacy_rgs_granted")
                .replace("{date}", &escape_html(on));
            write!(page.html, "<p>{text}</p>").unwrap();
        }
    }

    page.heading(2, "privacy_rights_heading");
    page.paragraph("privacy_rights_intro");
    let dpo = &registry.dpo;
    let email = escape_html(&dpo.email);
    let dpo_email = page.t("privacy_dpo_email");
    write!(
        page.html,
        "<p>{dpo_email} <a href=\"mailto:{email}\">{email}</a></p>"
    )
    .unwrap();
    page.paragraph("privacy_dpo_post");
    page.push("<address>");
    for line in &dpo.postal_address {
        write!(page.html, "{}<br>", escape_html(line)).unwrap();
    }
    page.push("</address>");
    let mention = page.local(&dpo.request_must_mention);
    write!(page.html, "<p>{mention}</p>").unwrap();
    let cnil = page.t("privacy_cnil");
    write!(
        page.html,
        "<p>{cnil} <a href=\"https://www.cnil.fr/fr/plaintes\">cnil.fr</a></p>"
    )
    .unwrap();
    page.html
}

/// `html` with the registry's default caterer in place of the marks.
#[allow(dead_code)] // The server's build script leaves the marks to the server.
pub fn with_default_caterer(registry: &Registry, html: &str, lang: &str) -> String {
    let caterer = &registry.caterer_default;
    let contact = if lang == "fr" {
        &caterer.contact.fr
    } else {
        &caterer.contact.en
    };
    with_caterer(html, &escape_html(&caterer.name), &escape_html(contact))
}
