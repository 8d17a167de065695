//! Parse once: a signup or a contact-details form that passes its rules turns here into the
//! typed value the server stores as it is — names and address trimmed, the phone in E.164, the
//! postal code in its five digits, the address lower-cased — so that no second normalisation
//! happens on the server and no "passed the rule but did not convert" can.

use validator::Validate;

use crate::account::{PostalAddress, SignupForm};
use crate::account_changes::ContactForm;
use crate::{address, codes, email, phone, FieldErrors};

/// A form whose valid value has a typed form of its own.
pub trait Parse {
    type Parsed;

    /// The typed value, or the same field errors as `validate` (and `check`) give.
    fn parse(&self) -> Result<Self::Parsed, FieldErrors>;
}

/// A family's contact details as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub given_name: String,
    pub family_name: String,
    /// E.164, e.g. `+33612345678`.
    pub phone: String,
    pub street: String,
    /// Five digits.
    pub postal_code: String,
    pub commune: String,
}

/// A signup as the server uses it: the address normalised (the account's key), the password
/// as typed (to be hashed), and the contact details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignup {
    pub email: String,
    pub password: String,
    pub details: ContactDetails,
}

impl Parse for SignupForm {
    type Parsed = ValidSignup;

    fn parse(&self) -> Result<ValidSignup, FieldErrors> {
        self.validate()
            .map_err(|errors| FieldErrors::from(&errors))?;
        Ok(ValidSignup {
            email: email::normalise(&self.email),
            password: self.password.clone(),
            details: details(
                &self.given_name,
                &self.family_name,
                &self.phone,
                &self.address,
            )?,
        })
    }
}

impl Parse for ContactForm {
    type Parsed = ContactDetails;

    fn parse(&self) -> Result<ContactDetails, FieldErrors> {
        self.validate()
            .map_err(|errors| FieldErrors::from(&errors))?;
        details(
            &self.given_name,
            &self.family_name,
            &self.phone,
            &self.address,
        )
    }
}

/// The stored form of details that passed their rules.
fn details(
    given_name: &str,
    family_name: &str,
    typed_phone: &str,
    postal_address: &PostalAddress,
) -> Result<ContactDetails, FieldErrors> {
    // The phone rule accepts exactly what converts; should they ever part, the person is told
    // as the rule would, not with a server error.
    let phone = phone::to_e164(typed_phone)
        .ok_or_else(|| FieldErrors::one("phone", codes::PHONE_NOT_FRENCH))?;
    Ok(ContactDetails {
        given_name: given_name.trim().to_owned(),
        family_name: family_name.trim().to_owned(),
        phone,
        street: postal_address.street.trim().to_owned(),
        postal_code: address::normalise_postal_code(&postal_address.postal_code),
        commune: postal_address.commune.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    fn signup() -> SignupForm {
        SignupForm {
            email: "  Camille.Martin@Example.FR ".into(),
            password: "une phrase de passe solide".into(),
            given_name: "  Camille ".into(),
            family_name: " Martin".into(),
            phone: "06 12 34 56 78".into(),
            address: PostalAddress {
                street: " 2 boulevard Soufflot ".into(),
                postal_code: " 92000 ".into(),
                commune: "Nanterre ".into(),
            },
        }
    }

    #[test]
    fn a_valid_signup_parses_into_what_is_stored() {
        let parsed = signup().parse().unwrap();
        assert_eq!(parsed.email, "camille.martin@example.fr");
        assert_eq!(parsed.password, "une phrase de passe solide");
        assert_eq!(
            parsed.details,
            ContactDetails {
                given_name: "Camille".into(),
                family_name: "Martin".into(),
                phone: "+33612345678".into(),
                street: "2 boulevard Soufflot".into(),
                postal_code: "92000".into(),
                commune: "Nanterre".into(),
            }
        );
    }

    #[test]
    fn an_invalid_form_gives_the_same_errors_as_its_rules() {
        let mut form = signup();
        form.phone = "01 23".into();
        form.address.postal_code = "9200".into();
        assert_eq!(form.parse().unwrap_err(), check(&form));
        let contact = ContactForm {
            given_name: String::new(),
            family_name: "Martin".into(),
            phone: "06 12 34 56 78".into(),
            address: signup().address,
        };
        assert_eq!(contact.parse().unwrap_err(), check(&contact));
        assert!(!check(&contact).is_empty());
    }

    #[test]
    fn contact_details_parse_like_a_signup_s() {
        let form = signup();
        let contact = ContactForm {
            given_name: form.given_name.clone(),
            family_name: form.family_name.clone(),
            phone: "+33 6 12 34 56 78".into(),
            address: form.address.clone(),
        };
        assert_eq!(contact.parse().unwrap(), form.parse().unwrap().details);
    }
}
