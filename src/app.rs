//! The app shell: language, router, the page frame and the routes.

use leptos::prelude::*;

use crate::components::layout::{Layout, MAIN_ID};
use crate::i18n::{provide_i18n, Lang};
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::account::AccountPage;
use crate::pages::add_pupil::AddPupilPage;
use crate::pages::change_email::ChangeEmailPage;
use crate::pages::change_password::ChangePasswordPage;
use crate::pages::confirm_new_email::ConfirmNewEmailPage;
use crate::pages::contact_details::ContactDetailsPage;
use crate::pages::edit_pupil::EditPupilPage;
use crate::pages::find_college::FindCollegePage;
use crate::pages::forgot_password::ForgotPasswordPage;
use crate::pages::home::HomePage;
use crate::pages::legal_notice::LegalNoticePage;
use crate::pages::login::LogInPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::privacy::PrivacyPage;
use crate::pages::reset_password::ResetPasswordPage;
use crate::pages::sessions::SessionsPage;
use crate::pages::signup::SignUpPage;
use crate::pages::verify_email::VerifyEmailPage;
use crate::router::{provide_location, use_location};
use crate::routes::AppRoute;
use crate::session::provide_session;

/// The app, in `lang` if its texts are there (French otherwise).
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    provide_i18n(lang);
    provide_session();
    let location = provide_location();
    let route = Memo::new(move |_| AppRoute::at(&location.path()));
    keep_submit_clicks();
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

/// After a navigation inside the app, moves focus to the new page's heading, as a full page
/// load would start reading there; the first load leaves focus where the browser puts it.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let current = location.path();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(|| {
                let heading = document()
                    .query_selector(&format!("#{MAIN_ID} h1"))
                    .ok()
                    .flatten();
                if let Some(heading) = heading
                    .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
                {
                    let _ = heading.focus();
                }
            });
        }
        current
    });
}

/// A field shows its error when the person leaves it, which moves the content below it down. A
/// mouse press on a submit button would make the field lose focus, the button move away from
/// under the pointer, and the click be lost. Pressing a submit button therefore does not take
/// focus from the field: the click lands, and the submit checks every field anyway.
fn keep_submit_clicks() {
    let _ = window_event_listener(leptos::ev::mousedown, |event| {
        let on_submit_button = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .and_then(|element| element.closest("button[type=submit]").ok().flatten())
            .is_some();
        if on_submit_button {
            event.prevent_default();
        }
    });
}
