//! "Créer un compte": the family's account, then a verification e-mail.

use leptos::prelude::*;
use passplus_validation::account::{PostalAddress, SignupForm};
use passplus_validation::check;

use crate::accounts::address_fields::{self, AddressFields};
use crate::accounts::resend_link::ResendLink;
use crate::api;
use crate::form::error_summary::ErrorSummary;
use crate::form::form_check::{FormCheck, FormField};
use crate::form::password_field::PasswordField;
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
        name: "email",
        id: "courriel",
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
    FormField {
        name: "password",
        id: "mot-de-passe",
    },
];

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let given_name = RwSignal::new(String::new());
    let family_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let street = RwSignal::new(String::new());
    let postal_code = RwSignal::new(String::new());
    let commune = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = move || SignupForm {
        email: email.get_untracked(),
        password: password.get_untracked(),
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
    let sent_to = RwSignal::new(None::<String>);
    use_document_title(Key::signup_title, form_check.has_summary());

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !form_check.submit(&errors()) {
            return;
        }
        let body = form();
        let address = body.email.trim().to_owned();
        form_check.send(
            async move { api::accounts::sign_up(&body).await },
            move |outcome| match outcome {
                Ok(()) => {
                    sent_to.try_set(Some(address));
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
    let (email_error, email_input, email_blur) = field("email", email);
    let (phone_error, phone_input, phone_blur) = field("phone", phone);
    let (password_error, password_input, password_blur) = field("password", password);

    view! {
        <h1 tabindex="-1">{move || i18n.t(Key::signup_title)}</h1>
        <Show
            when=move || sent_to.get().is_none()
            fallback=move || view! { <VerificationSent email=sent_to.get().unwrap_or_default() /> }
        >
            <p>{move || i18n.t(Key::signup_intro)}</p>
            <p>
                {move || i18n.t(Key::signup_privacy)}" "
                <a href=AppRoute::Privacy.path()>{move || i18n.t(Key::signup_privacy_link)}</a>
            </p>
            <p>{move || i18n.t(Key::form_all_required)}</p>
            <ErrorSummary errors=form_check.summary() />
            <form novalidate on:submit=on_submit>
                <TextField id="prenom" label=Key::field_given_name_label value=given_name
                    error=given_name_error autocomplete="given-name"
                    on_input=given_name_input on_blur=given_name_blur />
                <TextField id="nom" label=Key::field_family_name_label value=family_name
                    error=family_name_error autocomplete="family-name"
                    on_input=family_name_input on_blur=family_name_blur />
                <TextField id="courriel" label=Key::field_email_label hint=Key::field_email_hint
                    value=email error=email_error input_type="email" autocomplete="email"
                    on_input=email_input on_blur=email_blur />
                <TextField id="telephone" label=Key::field_phone_label hint=Key::field_phone_hint
                    value=phone error=phone_error input_type="tel" autocomplete="tel"
                    on_input=phone_input on_blur=phone_blur />
                <AddressFields street postal_code commune form_check
                    errors=Callback::new(move |()| errors()) />
                <PasswordField id="mot-de-passe" label=Key::field_password_label
                    hint=Key::field_password_hint value=password error=password_error
                    autocomplete="new-password" on_input=password_input on_blur=password_blur />
                <SubmitButton form_check label=Key::signup_submit />
            </form>
        </Show>
    }
}

/// What the page says once the account is created: check your mailbox, or ask again.
#[component]
fn VerificationSent(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let shown_email = email.clone();
    view! {
        <div class="panel" role="status">
            <h2 tabindex="-1" node_ref=heading>{move || i18n.t(Key::signup_sent_title)}</h2>
            <p>{move || i18n.format(Key::signup_sent_text, &[("email", &shown_email)])}</p>
        </div>
        <ResendLink email />
    }
}
