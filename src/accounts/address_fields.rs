//! A postal address: street, postal code and commune in a fieldset, each field checked by the
//! form's rules (`address.street`, `address.postal_code`, `address.commune`).

use leptos::prelude::*;
use passplus_validation::FieldErrors;

use crate::form::form_check::FormCheck;
use crate::form::text_field::TextField;
use crate::i18n::{use_i18n, Key};

/// The ids of the three inputs, for the form's summary.
pub const STREET_ID: &str = "adresse-voie";
pub const POSTAL_CODE_ID: &str = "adresse-code-postal";
pub const COMMUNE_ID: &str = "adresse-commune";

#[component]
pub fn AddressFields(
    street: RwSignal<String>,
    postal_code: RwSignal<String>,
    commune: RwSignal<String>,
    form_check: FormCheck,
    /// The whole form's errors now.
    errors: Callback<(), FieldErrors>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = move || errors.run(());
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{move || i18n.t(Key::field_address_legend)}</legend>
            <TextField id=STREET_ID label=Key::field_street_label value=street
                error=form_check.error("address.street") autocomplete="street-address"
                on_input=form_check.on_input("address.street", errors)
                on_blur=form_check.on_blur("address.street", street, errors) />
            <TextField id=POSTAL_CODE_ID label=Key::field_postal_code_label
                hint=Key::field_postal_code_hint value=postal_code
                error=form_check.error("address.postal_code")
                autocomplete="postal-code" inputmode="numeric"
                on_input=form_check.on_input("address.postal_code", errors)
                on_blur=form_check.on_blur("address.postal_code", postal_code, errors) />
            <TextField id=COMMUNE_ID label=Key::field_commune_label value=commune
                error=form_check.error("address.commune") autocomplete="address-level2"
                on_input=form_check.on_input("address.commune", errors)
                on_blur=form_check.on_blur("address.commune", commune, errors) />
        </fieldset>
    }
}
