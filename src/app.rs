//! The app shell: language, router, the page frame and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::StaticSegment;

use crate::components::layout::{Layout, MAIN_ID};
use crate::i18n::{provide_i18n, remembered_lang};
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::account::AccountPage;
use crate::pages::find_college::FindCollegePage;
use crate::pages::home::HomePage;
use crate::pages::legal_notice::LegalNoticePage;
use crate::pages::login::LogInPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::privacy::PrivacyPage;
use crate::pages::signup::SignUpPage;
use crate::pages::verify_email::VerifyEmailPage;
use crate::routes::AppRoute;
use crate::session::provide_session;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n(remembered_lang());
    provide_session();
    view! {
        <Router>
            <FocusOnNavigation />
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment(AppRoute::Home.segment()) view=HomePage />
                    <Route path=StaticSegment(AppRoute::FindCollege.segment()) view=FindCollegePage />
                    <Route path=StaticSegment(AppRoute::Accessibility.segment()) view=AccessibilityPage />
                    <Route path=StaticSegment(AppRoute::Privacy.segment()) view=PrivacyPage />
                    <Route path=StaticSegment(AppRoute::LegalNotice.segment()) view=LegalNoticePage />
                    <Route path=StaticSegment(AppRoute::SignUp.segment()) view=SignUpPage />
                    <Route path=StaticSegment(AppRoute::VerifyEmail.segment()) view=VerifyEmailPage />
                    <Route path=StaticSegment(AppRoute::LogIn.segment()) view=LogInPage />
                    <Route path=StaticSegment(AppRoute::Account.segment()) view=AccountPage />
                </Routes>
            </Layout>
        </Router>
    }
}

/// After a navigation inside the app, moves focus to the new page's heading, as a full page
/// load would start reading there; the first load leaves focus where the browser puts it.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
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
