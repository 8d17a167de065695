//! "Ajouter un enfant": one child after another, without typing again what siblings share
//! (family name, collège). Each saved child is confirmed with its Pass+ number.

use leptos::prelude::*;
use passplus_validation::PupilSummary;

use crate::accounts::signed_in::SignedIn;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::pupils::pupil_form::{grouped_pass_number, PupilFormView};
use crate::shell::document_title::use_document_title;

#[component]
pub fn AddPupilPage() -> impl IntoView {
    let i18n = use_i18n();
    let has_errors = RwSignal::new(false);
    use_document_title(Key::add_pupil_title, has_errors.into());
    let added = RwSignal::new(None::<PupilSummary>);
    let confirmation = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if added.get().is_some() {
            if let Some(panel) = confirmation.get() {
                let _ = panel.focus();
            }
        }
    });
    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::add_pupil_title)}</h1>
        <SignedIn>
            {move || added.get().map(|pupil| {
                let number = grouped_pass_number(&pupil.pass_number);
                view! {
                    <div class="panel panel--success" role="status" tabindex="-1" node_ref=confirmation>
                        <h2>{i18n.format(Key::add_pupil_done, &[("name", &pupil.given_name)])}</h2>
                        <p>{i18n.format(Key::add_pupil_done_number, &[("number", &number)])}</p>
                        <p>
                            {i18n.t(Key::add_pupil_next)}" "
                            <a href=AppRoute::Account.path()>{i18n.t(Key::add_pupil_see_all)}</a>
                        </p>
                    </div>
                }
            })}
            <PupilFormView existing=None submit_label=Key::add_pupil_submit has_errors
                on_saved=Callback::new(move |pupil| added.set(Some(pupil))) />
        </SignedIn>
    }
}
