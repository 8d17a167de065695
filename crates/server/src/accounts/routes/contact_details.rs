//! `GET` and `PUT /api/account/contact`: the signed-in family's name, phone and postal address,
//! read to fill the edit form and replaced with the signup's rules. The e-mail address is changed
//! elsewhere (it needs verifying).

use axum::extract::State;
use axum::Json;
use passplus_validation::account::PostalAddress;
use passplus_validation::account_changes::{phone_for_display, ContactForm};
use sqlx::Row;

use crate::accounts::sessions::CurrentSession;
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::error::AppError;
use crate::http::extract::ParsedJson;
use crate::startup::AppState;

#[utoipa::path(
    get,
    path = "/api/account/contact",
    operation_id = "contactDetails",
    tag = "accounts",
    security(("session" = [])),
    responses(
        (
            status = 200,
            description = "The family's name, phone and postal address",
            body = ContactForm,
        ),
    ),
)]
pub async fn read(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<ContactForm>, AppError> {
    let row = sqlx::query(
        "SELECT given_name, family_name, phone, street, postal_code, commune \
         FROM accounts WHERE id = $1",
    )
    .bind(&session.account_id)
    .fetch_optional(&state.pool)
    .await?
    .ok_or(AppError::Unauthorized)?;
    Ok(Json(ContactForm {
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        phone: phone_for_display(&row.try_get::<String, _>("phone")?),
        address: PostalAddress {
            street: row.try_get("street")?,
            postal_code: row.try_get("postal_code")?,
            commune: row.try_get("commune")?,
        },
    }))
}

#[utoipa::path(
    put,
    path = "/api/account/contact",
    operation_id = "changeContactDetails",
    tag = "accounts",
    security(("session" = [])),
    request_body = ContactForm,
    responses(
        (status = 200, description = "`saved`", body = Answer),
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    session: CurrentSession,
    ParsedJson(details): ParsedJson<ContactForm>,
) -> Result<Json<Answer>, AppError> {
    // One statement: the details change together or not at all.
    let updated = sqlx::query(
        "UPDATE accounts SET given_name = $1, family_name = $2, phone = $3, street = $4, \
         postal_code = $5, commune = $6 WHERE id = $7",
    )
    .bind(&details.given_name)
    .bind(&details.family_name)
    .bind(&details.phone)
    .bind(&details.street)
    .bind(&details.postal_code)
    .bind(&details.commune)
    .bind(&session.account_id)
    .execute(&state.pool)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::Unauthorized);
    }
    tracing::info!(event = "contact_details", outcome = "saved", account = %session.account_id);
    Ok(answer(Outcome::Saved))
}
