//! What a signup asked for (password and contact details), kept with the verification link it
//! sent, so that the link applies them: against pre-hijacking, where someone signs up first with
//! another person's address and waits for that person to verify it. Whoever signs up with an
//! address that has no verified account yet gets a link of their own, and only the signup
//! whose link is used sets the account's password and details.

use passplus_validation::contact_details::ContactDetails;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignupDetails {
    pub password_hash: String,
    pub given_name: String,
    pub family_name: String,
    /// E.164.
    pub phone: String,
    pub street: String,
    pub postal_code: String,
    pub commune: String,
}

impl SignupDetails {
    /// A valid signup's details, with its password already hashed.
    pub fn of(details: ContactDetails, password_hash: String) -> SignupDetails {
        let ContactDetails {
            given_name,
            family_name,
            phone,
            street,
            postal_code,
            commune,
        } = details;
        SignupDetails {
            password_hash,
            given_name,
            family_name,
            phone,
            street,
            postal_code,
            commune,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plain strings serialise")
    }

    pub fn from_json(text: &str) -> anyhow::Result<SignupDetails> {
        Ok(serde_json::from_str(text)?)
    }

    /// Creates the (unverified) account.
    pub async fn insert(
        &self,
        connection: &mut AnyConnection,
        account_id: &str,
        email: &str,
        now: i64,
    ) -> sqlx::Result<()> {
        let query = sqlx::query(
            "INSERT INTO accounts (id, email, password_hash, given_name, family_name, phone, \
             street, postal_code, commune, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(account_id)
        .bind(email);
        self.bind_details(query)
            .bind(now)
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Makes these the account's password and details (its address is being verified).
    pub async fn apply(
        &self,
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> sqlx::Result<()> {
        let query = sqlx::query(
            "UPDATE accounts SET password_hash = $1, given_name = $2, family_name = $3, \
             phone = $4, street = $5, postal_code = $6, commune = $7 WHERE id = $8",
        );
        self.bind_details(query)
            .bind(account_id)
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Binds the password hash and the six details, in this order, after `query`'s own.
    fn bind_details<'q>(
        &'q self,
        query: Query<'q, Any, AnyArguments<'q>>,
    ) -> Query<'q, Any, AnyArguments<'q>> {
        query
            .bind(&self.password_hash)
            .bind(&self.given_name)
            .bind(&self.family_name)
            .bind(&self.phone)
            .bind(&self.street)
            .bind(&self.postal_code)
            .bind(&self.commune)
    }
}
