//! "Modifier mes coordonnées": the family's name, phone and postal address, with the signup's
//! rules. The e-mail address has its own page (it must be confirmed).

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::account::PostalAddress;
use passplus_validation::account_changes::ContactForm;
use passplus_validation::check;

use crate::accounts::address_fields::{self, AddressFields};
use crate::accounts::session::use_session;
use crate::accounts::signed_in::SignedIn;
use crate::api::{self, ApiError};
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::submit_button::SubmitButton;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};
use crate::nav::routes::AppRoute;
use crate::shell::document_title::use_document_title;

const FIELDS: &[FormField] = &[
    FormField {
        name: "given_name",
        id: "prenom",
    },
    FormField {
        name: "family_name",
        id: "nom",
    },
    FormField {
        name: "phone",
        id: "telephone",
    },
    FormField {
        name: "address.street",
        id: address_fields::STREET_ID,
    },
    FormField {
        name: "address.postal_code",
        id: address_fields::POSTAL_CODE_ID,
    },
    FormField {
        name: "address.commune",
        id: address_fields::COMMUNE_ID,
    },
];

/// Where the stored details are: being read, on the page, or not readable.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Loading {
    Pending,
    Done,
    Failed,
}

#[component]
pub fn ContactDetailsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let given_name = RwSignal::new(String::new());
    let family_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let street = RwSignal::new(String::new());
    let postal_code = RwSignal::new(String::new());
    let commune = RwSignal::new(String::new());
    let form = move || ContactForm {
        given_name: given_name.get_untracked(),
        family_name: family_name.get_untracked(),
        phone: phone.get_untracked(),
        address: PostalAddress {
            street: street.get_untracked(),
            postal_code: postal_code.get_untracked(),
            commune: commune.get_untracked(),
        },
    };
    let errors = move || check(&form());
    let form_check = FormCheck::new(FIELDS);
    let loading = RwSignal::new(Loading::Pending);
    let saved = RwSignal::new(false);
    use_document_title(Key::contact_title, form_check.has_summary());

    // Read once someone is signed in (asking without a session would only be refused).
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) || session.account().is_none() {
            return asked.unwrap_or(false);
        }
        spawn_local(async move {
            match api::accounts::contact_details().await {
                Ok(details) => {
                    // `try_`: the person may have left the page while the request was out.
                    given_name.try_set(details.given_name);
                    family_name.try_set(details.family_name);
                    phone.try_set(details.phone);
                    street.try_set(details.address.street);
                    postal_code.try_set(details.address.postal_code);
                    commune.try_set(details.address.commune);
                    loading.try_set(Loading::Done);
                }
                // The session ended meanwhile: the frame offers to log in once it knows.
                Err(ApiError::Unauthorized) => session.signed_out(),
                Err(_) => {
                    loading.try_set(Loading::Failed);
                }
            }
        });
        true
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        form_check.send(
            async move { api::accounts::save_contact_details(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    saved.try_set(true);
                    // The greeting shows the given name.
                    session.refresh();
                }
                Err(error) => form_check.refused_by_server(error),
            },
        );
    };

    let field = move |name: &'static str, value: RwSignal<String>| {
        (
            form_check.error(name),
            form_check.on_input(name, errors),
            form_check.on_blur(name, value, errors),
        )
    };
    let (given_name_error, given_name_input, given_name_blur) = field("given_name", given_name);
    let (family_name_error, family_name_input, family_name_blur) =
        field("family_name", family_name);
    let (phone_error, phone_input, phone_blur) = field("phone", phone);

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::contact_title)}</h1>
        <SignedIn>
            <p>{move || i18n.t(Key::contact_intro)}</p>
            {move || match loading.get() {
                Loading::Pending => view! { <p>{i18n.t(Key::account_loading)}</p> }.into_any(),
                Loading::Failed => view! {
                    <p class="form-alert" role="alert">{i18n.t(Key::contact_load_failed)}</p>
                }.into_any(),
                Loading::Done => ().into_any(),
            }}
            <Show when=move || loading.get() == Loading::Done>
                <p>{move || i18n.t(Key::form_all_required)}</p>
                <ErrorSummary errors=form_check.summary() />
                <form novalidate on:submit=on_submit>
                    <TextField id="prenom" label=Key::field_given_name_label value=given_name
                        error=given_name_error autocomplete="given-name"
                        on_input=given_name_input on_blur=given_name_blur />
                    <TextField id="nom" label=Key::field_family_name_label value=family_name
                        error=family_name_error autocomplete="family-name"
                        on_input=family_name_input on_blur=family_name_blur />
                    <TextField id="telephone" label=Key::field_phone_label
                        hint=Key::field_phone_hint value=phone error=phone_error input_type="tel"
                        autocomplete="tel" on_input=phone_input on_blur=phone_blur />
                    <AddressFields street postal_code commune form_check
                        errors=Callback::new(move |()| errors()) />
                    <p class="panel" role="status" class:visually-hidden=move || !saved.get()>
                        {move || saved.get().then(|| i18n.t(Key::contact_saved))}
                    </p>
                    <SubmitButton form_check label=Key::contact_submit />
                </form>
            </Show>
            <p><a href=AppRoute::Account.path()>{move || i18n.t(Key::manage_back)}</a></p>
        </SignedIn>
    }
}
