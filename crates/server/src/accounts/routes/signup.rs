//! Creating an account and verifying its address.
//!
//! Signing up with an address that already has an account gets the same answer as a new one:
//! the e-mail sent tells the address's owner, and nobody else learns who has an account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::account::{EmailForm, SignupForm, TokenForm};
use passplus_validation::links;
use passplus_validation::{codes, email, FieldErrors};
use sqlx::Row;

use crate::accounts::anonymous_limits;
use crate::accounts::email_links::{self, VERIFY_EMAIL};
use crate::accounts::emails;
use crate::accounts::passwords::{common as common_passwords, hashing};
use crate::accounts::signup_details::SignupDetails;
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::AppError;
use crate::http::extract::{ParsedJson, ValidatedJson};
use crate::http::openapi::{ClientAllowanceRefusal, HashingBusy, LinkRefusals};
use crate::platform::db;
use crate::platform::outbox;
use crate::platform::quotas::{Allowance, Granted};
use crate::platform::secrets;
use crate::platform::secrets::token_hash;
use crate::startup::AppState;

/// The one answer to a request that may send a verification link, whether or not it did.
pub(super) fn verification_sent() -> (StatusCode, Json<Answer>) {
    (StatusCode::ACCEPTED, answer(Outcome::VerificationSent))
}

/// `POST /api/accounts`
#[utoipa::path(
    post,
    path = "/api/accounts",
    operation_id = "signUp",
    tag = "accounts",
    request_body = SignupForm,
    responses(
        (
            status = 202,
            description = "`verification_sent`, whether or not the address already has an account \
                (its owner is told by e-mail)",
            body = Answer,
        ),
        ClientAllowanceRefusal,
        HashingBusy,
    ),
)]
pub async fn sign_up(
    State(state): State<AppState>,
    client: Client,
    ParsedJson(signup): ParsedJson<SignupForm>,
) -> Result<(StatusCode, Json<Answer>), AppError> {
    // The server knows a longer list of common passwords than the browser: same code.
    if common_passwords::is_common(&signup.password) {
        return Err(AppError::Invalid(FieldErrors::one(
            "password",
            codes::PASSWORD_COMMON,
        )));
    }
    anonymous_limits::take(&state, &client, "/api/accounts").await?;
    let address = signup.email;
    // Hashed whether or not the address is taken, so both answers take as long.
    let password_hash = hashing::hash(signup.password).await?;
    let details = SignupDetails::of(signup.details, password_hash);
    let now = state.clock.now();

    let mut transaction = db::begin(&state.pool).await?;
    let existing = sqlx::query("SELECT id, verified_at FROM accounts WHERE email = $1")
        .bind(&address)
        .fetch_optional(&mut *transaction)
        .await?;
    if let Some(existing) = existing {
        // Nothing about the existing account changes; only its owner's mailbox learns of this.
        if existing.try_get::<Option<i64>, _>("verified_at")?.is_some() {
            let login = state.link(links::LOGIN_PATH);
            let message = emails::account_exists(&address, &login);
            outbox::enqueue(&mut transaction, now, &message, "signup").await?;
        } else {
            // The same person who lost the first message, or someone who signed up first with
            // their address: either way this signup gets a link of its own, which applies what
            // it asked for when used.
            let account_id: String = existing.try_get("id")?;
            send_verification_link(&state, &mut transaction, &account_id, &address, &details)
                .await?;
        }
        transaction.commit().await?;
        state.outbox.wake();
        tracing::info!(event = "signup", outcome = "address_taken");
        return Ok(verification_sent());
    }
    let account_id = secrets::random_token();
    let inserted = details
        .insert(&mut transaction, &account_id, &address, now)
        .await;
    if let Err(error) = inserted {
        // Another request created the same address a moment ago: same answer as for any taken
        // address.
        if error
            .as_database_error()
            .is_some_and(|e| e.is_unique_violation())
        {
            return Ok(verification_sent());
        }
        return Err(error.into());
    }
    // Queued in the same transaction: the account and its message are kept together or not at all.
    send_verification_link(&state, &mut transaction, &account_id, &address, &details).await?;
    transaction.commit().await?;
    state.outbox.wake();
    tracing::info!(event = "signup", outcome = "created", account = %account_id);
    Ok(verification_sent())
}

/// `POST /api/accounts/verification`: the token from the e-mailed link.
#[utoipa::path(
    post,
    path = "/api/accounts/verification",
    operation_id = "verifyAccount",
    tag = "accounts",
    request_body = TokenForm,
    responses(
        (status = 200, description = "`verified`: the account can log in", body = Answer),
        LinkRefusals,
    ),
)]
pub async fn verify(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<TokenForm>,
) -> Result<Json<Answer>, AppError> {
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    let account_id =
        match email_links::consume(&mut transaction, &form.token, VERIFY_EMAIL, now).await? {
            Ok(account_id) => account_id,
            Err(problem) => return Err(problem.logged_refusal("verification")),
        };
    // The signup that sent this link decides the password and details; the other signups' links
    // (perhaps someone else's, made with this address) die.
    let signup: Option<String> =
        sqlx::query_scalar("SELECT signup FROM email_links WHERE token_hash = $1")
            .bind(token_hash(&form.token))
            .fetch_one(&mut *transaction)
            .await?;
    let verified =
        sqlx::query("UPDATE accounts SET verified_at = $1 WHERE id = $2 AND verified_at IS NULL")
            .bind(now)
            .bind(&account_id)
            .execute(&mut *transaction)
            .await?;
    if verified.rows_affected() == 1 {
        if let Some(signup) = signup {
            SignupDetails::from_json(&signup)?
                .apply(&mut transaction, &account_id)
                .await?;
        }
        email_links::void_unused(&mut transaction, &account_id, VERIFY_EMAIL, now).await?;
    }
    transaction.commit().await?;
    tracing::info!(event = "verification", outcome = "verified", account = %account_id);
    Ok(answer(Outcome::Verified))
}

/// `POST /api/accounts/verification-email`: a new link. Same answer whatever the address.
#[utoipa::path(
    post,
    path = "/api/accounts/verification-email",
    operation_id = "resendVerification",
    tag = "accounts",
    request_body = EmailForm,
    responses(
        (
            status = 202,
            description = "`verification_sent`, whatever the address (at most five links an hour \
                reach one account)",
            body = Answer,
        ),
        ClientAllowanceRefusal,
    ),
)]
pub async fn resend_verification(
    State(state): State<AppState>,
    client: Client,
    ValidatedJson(form): ValidatedJson<EmailForm>,
) -> Result<(StatusCode, Json<Answer>), AppError> {
    anonymous_limits::take(&state, &client, "/api/accounts/verification-email").await?;
    let address = email::normalise(&form.email);
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    // Taken for every address, known or not, so that both cases write and commit alike and take
    // as long.
    let granted = VERIFICATION_LINKS
        .take(&mut transaction, &address, now)
        .await?;
    let account = sqlx::query("SELECT id, verified_at FROM accounts WHERE email = $1")
        .bind(&address)
        .fetch_optional(&mut *transaction)
        .await?;
    match (account, granted) {
        (None, _) => {}
        (Some(account), Granted::No { .. }) => {
            let account_id: String = account.try_get("id")?;
            tracing::warn!(event = "verification_link", outcome = "quota_reached", account = %account_id);
        }
        (Some(account), Granted::Yes) => {
            let account_id: String = account.try_get("id")?;
            if account.try_get::<Option<i64>, _>("verified_at")?.is_some() {
                let login = state.link(links::LOGIN_PATH);
                let message = emails::already_verified(&address, &login);
                outbox::enqueue(&mut transaction, now, &message, "verification_link").await?;
            } else {
                // The new link applies what the latest signup asked for, as that one would.
                let latest: Option<String> = sqlx::query_scalar(
                    "SELECT signup FROM email_links WHERE account_id = $1 AND purpose = $2 \
                     AND signup IS NOT NULL ORDER BY created_at DESC LIMIT 1",
                )
                .bind(&account_id)
                .bind(VERIFY_EMAIL)
                .fetch_optional(&mut *transaction)
                .await?;
                let details = latest
                    .map(|json| SignupDetails::from_json(&json))
                    .transpose()?;
                queue_verification_link(&state, &mut transaction, &account_id, &address, details)
                    .await?;
            }
        }
    }
    transaction.commit().await?;
    state.outbox.wake();
    Ok(verification_sent())
}

/// Most verification messages sent to one address in an hour: beyond, requests get the same
/// answer but no message, so the form cannot be used to flood someone's mailbox.
const VERIFICATION_LINKS: Allowance = Allowance {
    kind: "verification_links",
    limit: 5,
    window_seconds: 3600,
};

/// Creates a verification link for a signup and queues it, unless the hour's quota is spent.
async fn send_verification_link(
    state: &AppState,
    connection: &mut sqlx::AnyConnection,
    account_id: &str,
    address: &str,
    details: &SignupDetails,
) -> anyhow::Result<()> {
    let now = state.clock.now();
    if VERIFICATION_LINKS.take(connection, address, now).await? != Granted::Yes {
        tracing::warn!(event = "verification_link", outcome = "quota_reached", account = %account_id);
        return Ok(());
    }
    queue_verification_link(
        state,
        connection,
        account_id,
        address,
        Some(details.clone()),
    )
    .await
}

/// Creates a verification link carrying `details` (applied when it is used) and queues it.
async fn queue_verification_link(
    state: &AppState,
    connection: &mut sqlx::AnyConnection,
    account_id: &str,
    address: &str,
    details: Option<SignupDetails>,
) -> anyhow::Result<()> {
    let now = state.clock.now();
    let valid_seconds = state.config.verification_link_hours * 3600;
    let token =
        email_links::create(connection, account_id, VERIFY_EMAIL, now, valid_seconds).await?;
    if let Some(details) = details {
        sqlx::query("UPDATE email_links SET signup = $1 WHERE token_hash = $2")
            .bind(details.to_json())
            .bind(token_hash(&token))
            .execute(&mut *connection)
            .await?;
    }
    let link = state.token_link(links::VERIFY_EMAIL_PATH, &token);
    let hours = state.config.verification_link_hours;
    let message = emails::verification(address, &link, hours);
    outbox::enqueue(connection, now, &message, "verification_link").await?;
    Ok(())
}
