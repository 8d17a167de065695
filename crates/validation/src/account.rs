//! The family account's request bodies (signup, login, resending the verification link,
//! verifying the address) and the account summary the server answers. Field rules live in their
//! own modules; this one ties them to fields.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError, ValidationErrors};

use crate::address::{validate_commune, validate_postal_code, validate_street};
use crate::codes;
use crate::email::{validate_email, validate_login_email};
use crate::names::{validate_family_name, validate_given_name};
use crate::password::{validate_login_password, validate_new_password_of};
use crate::phone::validate_phone;

/// The signup request body. Its address's errors are keyed `address.street` and so on.
///
/// `Validate` is written by hand because the password rule needs the e-mail and must report
/// under `password` (validator's derive would put a cross-field error under `__all__`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupForm {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::email, required = true))]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::new_password, required = true))]
    pub password: String,
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

impl SignupForm {
    /// The codes a body valid for its OpenAPI schema can still get: the rules a schema cannot
    /// express (see [`crate::field_schemas`]).
    pub const BEYOND_SCHEMA: &'static [&'static str] = &[
        codes::PASSWORD_COMMON,
        codes::PASSWORD_CONTAINS_EMAIL,
        codes::PASSWORD_GUESSABLE,
        codes::GIVEN_NAME_INVALID,
        codes::FAMILY_NAME_INVALID,
    ];
}

impl Validate for SignupForm {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut field = |name: &'static str, result: Result<(), ValidationError>| {
            if let Err(error) = result {
                errors.add(name, error);
            }
        };
        field("email", validate_email(&self.email));
        field(
            "password",
            validate_new_password_of(
                &self.password,
                &self.email,
                &[&self.given_name, &self.family_name],
            ),
        );
        field("given_name", validate_given_name(&self.given_name));
        field("family_name", validate_family_name(&self.family_name));
        field("phone", validate_phone(&self.phone));
        errors.merge_self("address", self.address.validate());
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A postal address in France, nested in forms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    /// Number and street, e.g. "2 boulevard Soufflot".
    #[serde(default)]
    #[validate(custom(function = "validate_street"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::street, required = true))]
    pub street: String,
    #[serde(default)]
    #[validate(custom(function = "validate_postal_code"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::postal_code, required = true))]
    pub postal_code: String,
    #[serde(default)]
    #[validate(custom(function = "validate_commune"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::commune, required = true))]
    pub commune: String,
}

/// The login request body. Its rules only check that a valid-looking address and a password
/// were typed: the length and list rules of new passwords do not apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginForm {
    #[serde(default)]
    #[validate(custom(function = "validate_login_email"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::email, required = true))]
    pub email: String,
    #[serde(default)]
    #[validate(custom(function = "validate_login_password"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::typed_password, required = true))]
    pub password: String,
}

/// The body asking to send the verification link again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailForm {
    #[serde(default)]
    #[validate(custom(function = "validate_email"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::email, required = true))]
    pub email: String,
}

/// The body of every e-mailed link's page (verification, new address, password reset): the
/// link's token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenForm {
    #[serde(default)]
    #[validate(custom(function = "validate_token"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::field_schemas::openapi::token, required = true))]
    pub token: String,
}

/// The token rule: not blank (`token_invalid`); whether it is known is the server's business.
pub fn validate_token(token: &str) -> Result<(), ValidationError> {
    if token.trim().is_empty() {
        return Err(ValidationError::new(codes::TOKEN_INVALID));
    }
    Ok(())
}

/// The signed-in family's own account, as the account page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountSummary {
    /// The stored (lower-cased) address.
    pub email: String,
    pub given_name: String,
    /// When this session started, in seconds since the Unix epoch (UTC).
    pub logged_in_since: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    fn valid_signup() -> SignupForm {
        SignupForm {
            email: "camille.martin@example.fr".into(),
            password: "un cheval bleu dans le pré".into(),
            given_name: "Camille".into(),
            family_name: "N’Diaye".into(),
            phone: "06 12 34 56 78".into(),
            address: PostalAddress {
                street: "2 boulevard Soufflot".into(),
                postal_code: "92 160".into(),
                commune: "Antony".into(),
            },
        }
    }

    #[test]
    fn a_valid_signup_has_no_errors() {
        assert!(check(&valid_signup()).is_empty());
    }

    #[test]
    fn an_empty_signup_reports_each_field_once_with_dotted_address_keys() {
        let errors = check(&SignupForm::default());
        let firsts: Vec<(&str, &str)> = errors
            .fields
            .iter()
            .map(|(field, list)| {
                assert_eq!(list.len(), 1, "{field}");
                (field.as_str(), list[0].as_str())
            })
            .collect();
        assert_eq!(
            firsts,
            [
                ("address.commune", codes::COMMUNE_EMPTY),
                ("address.postal_code", codes::POSTAL_CODE_EMPTY),
                ("address.street", codes::STREET_EMPTY),
                ("email", codes::EMAIL_EMPTY),
                ("family_name", codes::FAMILY_NAME_EMPTY),
                ("given_name", codes::GIVEN_NAME_EMPTY),
                ("password", codes::PASSWORD_EMPTY),
                ("phone", codes::PHONE_EMPTY),
            ]
        );
    }

    #[test]
    fn the_password_rule_sees_the_email_and_reports_under_password() {
        let form = SignupForm {
            password: "camille.martin 2025 !".into(),
            ..valid_signup()
        };
        let errors = check(&form);
        assert_eq!(errors.fields.len(), 1);
        assert_eq!(
            errors.first_code("password"),
            Some(codes::PASSWORD_CONTAINS_EMAIL)
        );
    }

    #[test]
    fn login_checks_presence_and_syntax_only() {
        let form = LoginForm {
            email: "camille.martin@example.fr".into(),
            password: "short".into(),
        };
        assert!(check(&form).is_empty());
        let errors = check(&LoginForm {
            email: "camille".into(),
            password: String::new(),
        });
        assert_eq!(errors.first_code("email"), Some(codes::EMAIL_INVALID));
        assert_eq!(errors.first_code("password"), Some(codes::PASSWORD_EMPTY));
    }

    #[test]
    fn missing_fields_deserialise_as_empty() {
        let form: SignupForm = serde_json::from_str(r#"{"email":"a@b"}"#).unwrap();
        assert_eq!(form.address, PostalAddress::default());
        let form: TokenForm = serde_json::from_str("{}").unwrap();
        assert_eq!(check(&form).first_code("token"), Some(codes::TOKEN_INVALID));
        let form: EmailForm = serde_json::from_str(r#"{"email":" "}"#).unwrap();
        assert_eq!(check(&form).first_code("email"), Some(codes::EMAIL_EMPTY));
    }
}
