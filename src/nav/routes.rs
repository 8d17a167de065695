//! Every route of the app, named once. Paths are French and the same in both languages.

use crate::i18n::Key;
use passplus_validation::links;

/// The query key naming the pupil on the page that edits one (`?eleve=…`).
pub const PUPIL_PARAMETER: &str = "eleve";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    FindCollege,
    Accessibility,
    Privacy,
    LegalNotice,
    SignUp,
    VerifyEmail,
    LogIn,
    Account,
    AddPupil,
    EditPupil,
    ContactDetails,
    ChangeEmail,
    ConfirmNewEmail,
    ChangePassword,
    Sessions,
    ForgotPassword,
    ResetPassword,
}

impl AppRoute {
    pub const ALL: [AppRoute; 18] = [
        AppRoute::Home,
        AppRoute::FindCollege,
        AppRoute::Accessibility,
        AppRoute::Privacy,
        AppRoute::LegalNotice,
        AppRoute::SignUp,
        AppRoute::VerifyEmail,
        AppRoute::LogIn,
        AppRoute::Account,
        AppRoute::AddPupil,
        AppRoute::EditPupil,
        AppRoute::ContactDetails,
        AppRoute::ChangeEmail,
        AppRoute::ConfirmNewEmail,
        AppRoute::ChangePassword,
        AppRoute::Sessions,
        AppRoute::ForgotPassword,
        AppRoute::ResetPassword,
    ];

    /// The route at `path` (with its leading slash, no trailing one), if any.
    pub fn at(path: &str) -> Option<AppRoute> {
        let segment = path.strip_prefix('/')?;
        AppRoute::ALL
            .into_iter()
            .find(|route| route.segment() == segment)
    }

    /// The path without its leading slash, as the router matches it.
    pub fn segment(self) -> &'static str {
        match self {
            AppRoute::Home => without_slash(links::HOME_PATH),
            AppRoute::FindCollege => without_slash(links::FIND_COLLEGE_PATH),
            AppRoute::Accessibility => without_slash(links::ACCESSIBILITY_PATH),
            AppRoute::Privacy => without_slash(links::PRIVACY_PATH),
            AppRoute::LegalNotice => without_slash(links::LEGAL_NOTICE_PATH),
            AppRoute::SignUp => without_slash(links::SIGNUP_PATH),
            AppRoute::VerifyEmail => without_slash(links::VERIFY_EMAIL_PATH),
            AppRoute::LogIn => without_slash(links::LOGIN_PATH),
            AppRoute::Account => "mon-compte",
            AppRoute::AddPupil => "mon-compte/ajouter-un-enfant",
            AppRoute::EditPupil => "mon-compte/modifier-un-enfant",
            AppRoute::ContactDetails => "mon-compte/coordonnees",
            AppRoute::ChangeEmail => "mon-compte/adresse-e-mail",
            AppRoute::ConfirmNewEmail => without_slash(links::NEW_EMAIL_PATH),
            AppRoute::ChangePassword => "mon-compte/mot-de-passe",
            AppRoute::Sessions => "mon-compte/connexions",
            AppRoute::ForgotPassword => without_slash(links::FORGOT_PASSWORD_PATH),
            AppRoute::ResetPassword => without_slash(links::NEW_PASSWORD_PATH),
        }
    }

    pub fn path(self) -> String {
        format!("/{}", self.segment())
    }

    /// The page's name in links and in the document title.
    pub fn title(self) -> Key {
        match self {
            AppRoute::Home => Key::home_title,
            AppRoute::FindCollege => Key::find_title,
            AppRoute::Accessibility => Key::accessibility_title,
            AppRoute::Privacy => Key::privacy_title,
            AppRoute::LegalNotice => Key::legal_title,
            AppRoute::SignUp => Key::signup_title,
            AppRoute::VerifyEmail => Key::verify_title,
            AppRoute::LogIn => Key::login_title,
            AppRoute::Account => Key::account_title,
            AppRoute::AddPupil => Key::add_pupil_title,
            AppRoute::EditPupil => Key::edit_pupil_title,
            AppRoute::ContactDetails => Key::contact_title,
            AppRoute::ChangeEmail => Key::email_change_title,
            AppRoute::ConfirmNewEmail => Key::email_confirm_title,
            AppRoute::ChangePassword => Key::password_change_title,
            AppRoute::Sessions => Key::sessions_title,
            AppRoute::ForgotPassword => Key::forgot_title,
            AppRoute::ResetPassword => Key::reset_title,
        }
    }
}

/// A path of the shared contract (the pages e-mails link to) as the router matches it.
fn without_slash(path: &'static str) -> &'static str {
    path.strip_prefix('/').unwrap_or(path)
}
