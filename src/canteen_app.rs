//! The canteen's app shell: the same frame as the family app (language, session, layout), its
//! own routes.

use leptos::prelude::*;
use passplus_validation::links;

use crate::accounts::session::provide_session;
use crate::form::presses::track_presses;
use crate::i18n::{provide_i18n, Lang};
use crate::nav::canteen_routes::CanteenRoute;
use crate::nav::focus::FocusOnNavigation;
use crate::nav::location::provide_location;
use crate::pages::canteen::card_access::CardAccessPage;
use crate::pages::canteen::enrol::EnrolPage;
use crate::pages::canteen::meals::MealsPage;
use crate::pages::canteen::overview::OverviewPage;
use crate::pages::canteen::price::PricePage;
use crate::pages::canteen::statement::StatementPage;
use crate::pages::info::not_found::NotFoundPage;
use crate::shell::layout::Layout;

#[component]
pub fn CanteenApp(lang: Lang) -> impl IntoView {
    provide_i18n(lang);
    provide_session();
    let location = provide_location(links::CANTEEN_PATH);
    let route = Memo::new(move |_| CanteenRoute::at(&location.path()));
    track_presses();
    view! {
        <FocusOnNavigation />
        <Layout>
            {move || match route.get() {
                Some(CanteenRoute::Overview) => OverviewPage().into_any(),
                Some(CanteenRoute::Enrol) => EnrolPage().into_any(),
                Some(CanteenRoute::Meals) => MealsPage().into_any(),
                Some(CanteenRoute::Statement) => StatementPage().into_any(),
                Some(CanteenRoute::Price) => PricePage().into_any(),
                Some(CanteenRoute::Card) => CardAccessPage().into_any(),
                None => NotFoundPage().into_any(),
            }}
        </Layout>
    }
}
