//! The family's own account management: the request bodies for editing the contact details,
//! changing the e-mail address or the password, and resetting a forgotten password. Each reuses
//! the signup rules and codes (those that are new here are in `codes` with the others).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError, ValidationErrors};

use crate::account::{validate_token, PostalAddress};
use crate::codes;
use crate::email::validate_email;
use crate::names::{validate_family_name, validate_given_name};
use crate::password::{validate_login_password, validate_new_password};
use crate::phone::validate_phone;

/// Collects field results into `validator`'s shape, keyed by field name.
pub(crate) fn collect(
    results: Vec<(&'static str, Result<(), ValidationError>)>,
) -> ValidationErrors {
    let mut errors = ValidationErrors::new();
    for (name, result) in results {
        if let Err(error) = result {
            errors.add(name, error);
        }
    }
    errors
}

pub(crate) fn into_result(errors: ValidationErrors) -> Result<(), ValidationErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The contact details a family edits (everything of the signup but the e-mail and password).
/// The server answers the stored values in the same shape, ready to be edited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::given_name, required = true))]
    pub given_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::family_name, required = true))]
    pub family_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::phone, required = true))]
    pub phone: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub address: PostalAddress,
}

impl ContactForm {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] =
        &[codes::GIVEN_NAME_INVALID, codes::FAMILY_NAME_INVALID];
}

impl Validate for ContactForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = collect(vec![
            ("given_name", validate_given_name(&self.given_name)),
            ("family_name", validate_family_name(&self.family_name)),
            ("phone", validate_phone(&self.phone)),
        ]);
        errors.merge_self("address", self.address.validate());
        into_result(errors)
    }
}

/// Asking to use another e-mail address: the new address and the current password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailChangeForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::email, required = true))]
    pub new_email: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::typed_password, required = true))]
    pub current_password: String,
}

impl Validate for EmailChangeForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        into_result(collect(vec![
            ("new_email", validate_email(&self.new_email)),
            (
                "current_password",
                validate_login_password(&self.current_password),
            ),
        ]))
    }
}

/// Choosing a new password while signed in: the current one, then the new one.
///
/// The new password's "contains the address" check needs the account's address, which this
/// body does not carry: the server runs it again with the stored address (same code), as it
/// runs its longer common-password list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChangeForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::typed_password, required = true))]
    pub current_password: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::new_password, required = true))]
    pub new_password: String,
}

impl PasswordChangeForm {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::PASSWORD_COMMON,
        codes::PASSWORD_CONTAINS_EMAIL,
        codes::PASSWORD_GUESSABLE,
    ];
}

impl Validate for PasswordChangeForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        into_result(collect(vec![
            (
                "current_password",
                validate_login_password(&self.current_password),
            ),
            (
                "new_password",
                validate_new_password(&self.new_password, ""),
            ),
        ]))
    }
}

/// Setting a new password from the e-mailed reset link: the link's token and the new password
/// (checked against the account's address by the server, as for [`PasswordChangeForm`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::token, required = true))]
    pub token: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::new_password, required = true))]
    pub new_password: String,
}

impl PasswordResetForm {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::PASSWORD_COMMON,
        codes::PASSWORD_CONTAINS_EMAIL,
        codes::PASSWORD_GUESSABLE,
    ];
}

impl Validate for PasswordResetForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        into_result(collect(vec![
            ("token", validate_token(&self.token)),
            (
                "new_password",
                validate_new_password(&self.new_password, ""),
            ),
        ]))
    }
}

/// A stored E.164 French number (`+33612345678`) as people write it (`06 12 34 56 78`), so the
/// edit form shows what they typed at signup; anything else is shown as it is.
pub fn phone_for_display(e164: &str) -> String {
    match e164.strip_prefix("+33") {
        Some(national) if national.len() == 9 && national.bytes().all(|c| c.is_ascii_digit()) => {
            let digits = format!("0{national}");
            digits
                .as_bytes()
                .chunks(2)
                .map(|pair| std::str::from_utf8(pair).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => e164.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, codes, phone};

    fn valid_contact() -> ContactForm {
        ContactForm {
            given_name: "Camille".into(),
            family_name: "N’Diaye".into(),
            phone: "+33 6 12 34 56 78".into(),
            address: PostalAddress {
                street: "2 boulevard Soufflot".into(),
                postal_code: "92 160".into(),
                commune: "Antony".into(),
            },
        }
    }

    #[test]
    fn valid_contact_details_have_no_errors() {
        assert!(check(&valid_contact()).is_empty());
    }

    #[test]
    fn empty_contact_details_report_each_field_with_the_signup_codes() {
        let errors = check(&ContactForm::default());
        let firsts: Vec<(&str, &str)> = errors
            .fields
            .keys()
            .map(|field| (field.as_str(), errors.first_code(field).unwrap()))
            .collect();
        assert_eq!(
            firsts,
            [
                ("address.commune", codes::COMMUNE_EMPTY),
                ("address.postal_code", codes::POSTAL_CODE_EMPTY),
                ("address.street", codes::STREET_EMPTY),
                ("family_name", codes::FAMILY_NAME_EMPTY),
                ("given_name", codes::GIVEN_NAME_EMPTY),
                ("phone", codes::PHONE_EMPTY),
            ]
        );
        let form = ContactForm {
            phone: "08 12 34 56 78".into(),
            given_name: "Camille2".into(),
            ..valid_contact()
        };
        let errors = check(&form);
        assert_eq!(errors.first_code("phone"), Some(codes::PHONE_NOT_FRENCH));
        assert_eq!(
            errors.first_code("given_name"),
            Some(codes::GIVEN_NAME_INVALID)
        );
    }

    #[test]
    fn an_email_change_needs_a_valid_address_and_the_current_password() {
        let errors = check(&EmailChangeForm::default());
        assert_eq!(errors.first_code("new_email"), Some(codes::EMAIL_EMPTY));
        assert_eq!(
            errors.first_code("current_password"),
            Some(codes::PASSWORD_EMPTY)
        );
        let form = EmailChangeForm {
            new_email: "camille@exemple".into(),
            current_password: "court".into(),
        };
        assert!(check(&form).is_empty(), "any current password may be typed");
        let form = EmailChangeForm {
            new_email: "camille@@exemple.fr".into(),
            ..form
        };
        assert_eq!(
            check(&form).first_code("new_email"),
            Some(codes::EMAIL_INVALID)
        );
    }

    #[test]
    fn a_new_password_follows_the_signup_rule() {
        let change = |new_password: &str| PasswordChangeForm {
            current_password: "l’ancien mot de passe".into(),
            new_password: new_password.into(),
        };
        assert!(check(&change("un cheval bleu dans le pré")).is_empty());
        assert_eq!(
            check(&change("trop court")).first_code("new_password"),
            Some(codes::PASSWORD_TOO_SHORT)
        );
        assert_eq!(
            check(&change("Qwerty123456")).first_code("new_password"),
            Some(codes::PASSWORD_COMMON)
        );
        let errors = check(&PasswordChangeForm::default());
        assert_eq!(
            errors.first_code("current_password"),
            Some(codes::PASSWORD_EMPTY)
        );
        assert_eq!(
            errors.first_code("new_password"),
            Some(codes::PASSWORD_EMPTY)
        );
    }

    #[test]
    fn a_reset_needs_the_token_and_a_valid_new_password() {
        let errors = check(&PasswordResetForm::default());
        assert_eq!(errors.first_code("token"), Some(codes::TOKEN_INVALID));
        assert_eq!(
            errors.first_code("new_password"),
            Some(codes::PASSWORD_EMPTY)
        );
        let form = PasswordResetForm {
            token: "AAAAAAAAAAAAAAAAAAAAAA".into(),
            new_password: "un cheval bleu dans le pré".into(),
        };
        assert!(check(&form).is_empty());
        let form: PasswordResetForm = serde_json::from_str(r#"{"token":" "}"#).unwrap();
        assert_eq!(check(&form).first_code("token"), Some(codes::TOKEN_INVALID));
    }

    #[test]
    fn stored_phones_are_shown_as_people_write_them_and_pass_the_rule_again() {
        assert_eq!(phone_for_display("+33612345678"), "06 12 34 56 78");
        assert_eq!(phone_for_display("+33912345678"), "09 12 34 56 78");
        assert_eq!(phone_for_display("+4412345"), "+4412345");
        for stored in ["+33612345678", "+33123456789"] {
            let shown = phone_for_display(stored);
            assert_eq!(phone::to_e164(&shown).as_deref(), Some(stored));
        }
    }
}
