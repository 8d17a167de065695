//! What the pages about one school year (`?annee=2026`: enrolling, the price) share: the year
//! read from the family's overview, the message for a year that is not open, the way back.

use leptos::prelude::*;
use passplus_validation::canteen::answers::CanteenYear;

use crate::api::canteen;
use crate::i18n::{use_i18n, Key};
use crate::nav::canteen_routes::{CanteenRoute, YEAR_PARAMETER};
use crate::nav::location::use_location;

/// The year the page names, once read: `Ok(None)` when it is not open (or not a year), `Err`
/// when the server could not say.
pub type YearOfPage = RwSignal<Option<Result<Option<CanteenYear>, ()>>>;

/// Reads the year the page's address names.
pub fn load_year_of_page() -> YearOfPage {
    let wanted = use_location()
        .query(YEAR_PARAMETER)
        .and_then(|year| year.parse::<i32>().ok());
    let year = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let found = canteen::overview().await.map_err(|_| ()).map(|overview| {
            overview
                .years
                .into_iter()
                .find(|year| Some(year.school_year) == wanted)
        });
        year.try_set(Some(found));
    });
    year
}

/// The page's content for `year`: loading, not open, the server's failure, or `content`.
pub fn year_page_content(
    year: YearOfPage,
    content: impl Fn(CanteenYear) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match year.get() {
        None => view! { <p>{i18n.t(Key::canteen_loading)}</p> }.into_any(),
        Some(Err(())) => view! { <p>{i18n.t(Key::form_server_error)}</p> }.into_any(),
        Some(Ok(None)) => view! {
            <p>{i18n.t(Key::canteen_year_not_open)}</p>
            <BackToCanteen />
        }
        .into_any(),
        Some(Ok(Some(year))) => content(year),
    }
}

#[component]
pub fn BackToCanteen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p><a href=CanteenRoute::Overview.path()>{move || i18n.t(Key::canteen_enrol_back)}</a></p>
    }
}
