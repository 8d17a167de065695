//! Creating an account and verifying its address.
//!
//! Signing up with an address that already has an account gets the same answer as a new one:
//! the e-mail sent tells the address's owner, and nobody else learns who has an account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::account::{EmailForm, SignupForm, VerifyEmailForm};
use passplus_validation::{address, codes, email, phone, FieldErrors};
use serde_json::{json, Value};
use sqlx::Row;

use crate::account_emails::{self, VERIFICATION_LINK_HOURS};
use crate::email_links::{self, LinkProblem, VERIFY_EMAIL};
use crate::error::AppError;
use crate::extract::ValidatedJson;
use crate::startup::AppState;
use crate::{common_passwords, passwords, secrets};

fn accepted() -> (StatusCode, Json<Value>) {
    (
        StatusCode::ACCEPTED,
        Json(json!({ "status": "verification_sent" })),
    )
}

/// `POST /api/accounts`
pub async fn sign_up(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<SignupForm>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    // The server knows a longer list of common passwords than the browser: same code.
    if common_passwords::is_common(&form.password) {
        let mut errors = FieldErrors::default();
        errors
            .fields
            .insert("password".into(), vec![codes::PASSWORD_COMMON.into()]);
        return Err(AppError::Invalid(errors));
    }
    let address = email::normalise(&form.email);
    // Hashed whether or not the address is taken, so both answers take as long.
    let password_hash = passwords::hash(form.password).await?;
    let now = state.clock.now();

    let mut transaction = state.pool.begin().await?;
    let existing = sqlx::query("SELECT id FROM accounts WHERE email = $1")
        .bind(&address)
        .fetch_optional(&mut *transaction)
        .await?;
    if existing.is_some() {
        transaction.rollback().await?;
        state
            .mailer
            .send(account_emails::account_exists(
                &address,
                &state.link("/connexion"),
            ))
            .await?;
        tracing::info!(event = "signup", outcome = "address_taken");
        return Ok(accepted());
    }
    let account_id = secrets::random_token();
    let phone = phone::to_e164(&form.phone)
        .ok_or_else(|| anyhow::anyhow!("a phone number that passed the rule did not convert"))?;
    sqlx::query(
        "INSERT INTO accounts (id, email, password_hash, given_name, family_name, phone, \
         street, postal_code, commune, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&account_id)
    .bind(&address)
    .bind(&password_hash)
    .bind(form.given_name.trim())
    .bind(form.family_name.trim())
    .bind(&phone)
    .bind(form.address.street.trim())
    .bind(address::normalise_postal_code(&form.address.postal_code))
    .bind(form.address.commune.trim())
    .bind(now)
    .execute(&mut *transaction)
    .await?;
    let token = email_links::create(
        &mut transaction,
        &account_id,
        VERIFY_EMAIL,
        now,
        VERIFICATION_LINK_HOURS * 3600,
    )
    .await?;
    // Sent before the commit: if the message cannot go, nothing is kept and the person retries.
    state
        .mailer
        .send(account_emails::verification(
            &address,
            &state.verification_link(&token),
        ))
        .await?;
    transaction.commit().await?;
    tracing::info!(event = "signup", outcome = "created", account = %account_id);
    Ok(accepted())
}

/// `POST /api/accounts/verification`: the token from the e-mailed link.
pub async fn verify(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<VerifyEmailForm>,
) -> Result<Json<Value>, AppError> {
    let now = state.clock.now();
    let mut transaction = state.pool.begin().await?;
    let account_id =
        match email_links::consume(&mut transaction, &form.token, VERIFY_EMAIL, now).await? {
            Ok(account_id) => account_id,
            Err(problem) => {
                let (status, code) = match problem {
                    LinkProblem::Unknown => (StatusCode::NOT_FOUND, "link_invalid"),
                    LinkProblem::Used => (StatusCode::CONFLICT, "link_used"),
                    LinkProblem::Expired => (StatusCode::GONE, "link_expired"),
                };
                tracing::info!(event = "verification", outcome = code);
                return Err(AppError::Refused { status, code });
            }
        };
    sqlx::query("UPDATE accounts SET verified_at = $1 WHERE id = $2 AND verified_at IS NULL")
        .bind(now)
        .bind(&account_id)
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    tracing::info!(event = "verification", outcome = "verified", account = %account_id);
    Ok(Json(json!({ "status": "verified" })))
}

/// `POST /api/accounts/verification-email`: a new link. Same answer whatever the address.
pub async fn resend_verification(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<EmailForm>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let address = email::normalise(&form.email);
    let now = state.clock.now();
    let mut transaction = state.pool.begin().await?;
    let account = sqlx::query("SELECT id, verified_at FROM accounts WHERE email = $1")
        .bind(&address)
        .fetch_optional(&mut *transaction)
        .await?;
    if let Some(account) = account {
        let account_id: String = account.try_get("id")?;
        if account.try_get::<Option<i64>, _>("verified_at")?.is_some() {
            state
                .mailer
                .send(account_emails::already_verified(
                    &address,
                    &state.link("/connexion"),
                ))
                .await?;
        } else {
            let token = email_links::create(
                &mut transaction,
                &account_id,
                VERIFY_EMAIL,
                now,
                VERIFICATION_LINK_HOURS * 3600,
            )
            .await?;
            state
                .mailer
                .send(account_emails::verification(
                    &address,
                    &state.verification_link(&token),
                ))
                .await?;
        }
    }
    transaction.commit().await?;
    Ok(accepted())
}
