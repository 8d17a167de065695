//! The app shell: language, router, the page frame and the routes.

use leptos::prelude::*;

use crate::accounts::session::provide_session;
use crate::form::presses::track_presses;
use crate::i18n::{provide_i18n, Lang};
use crate::nav::focus::FocusOnNavigation;
use crate::nav::location::provide_location;
use crate::nav::routes::AppRoute;
use crate::pages::accounts::account::AccountPage;
use crate::pages::accounts::change_email::ChangeEmailPage;
use crate::pages::accounts::change_password::ChangePasswordPage;
use crate::pages::accounts::confirm_new_email::ConfirmNewEmailPage;
use crate::pages::accounts::contact_details::ContactDetailsPage;
use crate::pages::accounts::forgot_password::ForgotPasswordPage;
use crate::pages::accounts::login::LogInPage;
use crate::pages::accounts::reset_password::ResetPasswordPage;
use crate::pages::accounts::sessions::SessionsPage;
use crate::pages::accounts::signup::SignUpPage;
use crate::pages::accounts::verify_email::VerifyEmailPage;
use crate::pages::colleges::find_college::FindCollegePage;
use crate::pages::info::accessibility::AccessibilityPage;
use crate::pages::info::home::HomePage;
use crate::pages::info::legal_notice::LegalNoticePage;
use crate::pages::info::not_found::NotFoundPage;
use crate::pages::info::privacy::PrivacyPage;
use crate::pages::pupils::add_pupil::AddPupilPage;
use crate::pages::pupils::edit_pupil::EditPupilPage;
use crate::shell::layout::Layout;

/// The app, in `lang` if its texts are there (French otherwise).
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    provide_i18n(lang);
    provide_session();
    let location = provide_location(passplus_validation::links::HOME_PATH);
    let route = Memo::new(move |_| AppRoute::at(&location.path()));
    track_presses();
    view! {
        <FocusOnNavigation />
        <Layout>{move || page(route.get())}</Layout>
    }
}

/// The page of a route, or the not-found page.
fn page(route: Option<AppRoute>) -> AnyView {
    match route {
        Some(AppRoute::Home) => HomePage().into_any(),
        Some(AppRoute::FindCollege) => FindCollegePage().into_any(),
        Some(AppRoute::Accessibility) => AccessibilityPage().into_any(),
        Some(AppRoute::Privacy) => PrivacyPage().into_any(),
        Some(AppRoute::LegalNotice) => LegalNoticePage().into_any(),
        Some(AppRoute::SignUp) => SignUpPage().into_any(),
        Some(AppRoute::VerifyEmail) => VerifyEmailPage().into_any(),
        Some(AppRoute::LogIn) => LogInPage().into_any(),
        Some(AppRoute::Account) => AccountPage().into_any(),
        Some(AppRoute::AddPupil) => AddPupilPage().into_any(),
        Some(AppRoute::EditPupil) => EditPupilPage().into_any(),
        Some(AppRoute::ContactDetails) => ContactDetailsPage().into_any(),
        Some(AppRoute::ChangeEmail) => ChangeEmailPage().into_any(),
        Some(AppRoute::ConfirmNewEmail) => ConfirmNewEmailPage().into_any(),
        Some(AppRoute::ChangePassword) => ChangePasswordPage().into_any(),
        Some(AppRoute::Sessions) => SessionsPage().into_any(),
        Some(AppRoute::ForgotPassword) => ForgotPasswordPage().into_any(),
        Some(AppRoute::ResetPassword) => ResetPasswordPage().into_any(),
        None => NotFoundPage().into_any(),
    }
}
