//! "Mot de passe oublié": a single-use link, valid for `password_reset_link_minutes`, e-mailed to
//! an address that has an account; the same answer, at the same speed, for any address.
//! Using the link sets a new password and ends every session of the account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use passplus_validation::account::{EmailForm, TokenForm};
use passplus_validation::account_changes::PasswordResetForm;
use passplus_validation::{email, links};
use sqlx::Row;

use crate::accounts::anonymous_limits;
use crate::accounts::change_emails as emails;
use crate::accounts::email_links::{self, CHANGE_EMAIL, RESET_PASSWORD, VERIFY_EMAIL};
use crate::accounts::passwords::{hashing, new as new_password};
use crate::accounts::sessions;
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::AppError;
use crate::http::extract::ValidatedJson;
use crate::http::openapi::{ClientAllowanceRefusal, HashingBusy, LinkRefusals};
use crate::platform::db;
use crate::platform::outbox;
use crate::platform::quotas::{Allowance, Granted};
use crate::startup::AppState;

/// Most reset links one address is sent in an hour: beyond, the same answer and no message.
const RESET_LINKS: Allowance = Allowance {
    kind: "reset_links",
    limit: 3,
    window_seconds: 3600,
};

/// `POST /api/password-reset`: asks for a link. The answer is the same for every valid address,
/// and takes as long: both cases write and commit, and the message is only queued.
#[utoipa::path(
    post,
    path = "/api/password-reset",
    operation_id = "requestPasswordReset",
    tag = "accounts",
    request_body = EmailForm,
    responses(
        (
            status = 202,
            description = "`reset_sent`, whatever the address (at most three links an hour reach \
                one account)",
            body = Answer,
        ),
        ClientAllowanceRefusal,
    ),
)]
pub async fn request(
    State(state): State<AppState>,
    client: Client,
    ValidatedJson(form): ValidatedJson<EmailForm>,
) -> Result<(StatusCode, Json<Answer>), AppError> {
    anonymous_limits::take(&state, &client, "/api/password-reset").await?;
    let address = email::normalise(&form.email);
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    // Taken for every address, known or not, so that both cases write and commit alike and
    // take as long; the quota's upsert also makes two requests at once count apart, on any
    // database and in any number of server instances.
    let granted = RESET_LINKS.take(&mut transaction, &address, now).await?;
    let account_id: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(&address)
        .fetch_optional(&mut *transaction)
        .await?;
    let outcome = match (account_id, granted) {
        (None, _) => "unknown_address",
        (Some(account_id), Granted::No { .. }) => {
            tracing::warn!(event = "password_reset_link", outcome = "quota_reached", account = %account_id);
            "quota_reached"
        }
        (Some(account_id), Granted::Yes) => {
            let minutes = state.config.password_reset_link_minutes;
            let token = email_links::create(
                &mut transaction,
                &account_id,
                RESET_PASSWORD,
                now,
                minutes * 60,
            )
            .await?;
            let link = state.token_link(links::NEW_PASSWORD_PATH, &token);
            let message = emails::password_reset_link(&address, &link, minutes);
            outbox::enqueue(&mut transaction, now, &message, "password_reset_link").await?;
            tracing::info!(event = "password_reset_link", outcome = "queued", account = %account_id);
            "queued"
        }
    };
    transaction.commit().await?;
    state.outbox.wake();
    if outcome == "unknown_address" {
        tracing::info!(event = "password_reset_link", outcome);
    }
    Ok((StatusCode::ACCEPTED, answer(Outcome::ResetSent)))
}

/// `POST /api/password-reset/check`: whether a link can still be used, before the person types
/// a new password; changes nothing.
#[utoipa::path(
    post,
    path = "/api/password-reset/check",
    operation_id = "checkPasswordResetLink",
    tag = "accounts",
    request_body = TokenForm,
    responses(
        (
            status = 200,
            description = "`valid`: the link can be used (it is not used up by this check)",
            body = Answer,
        ),
        LinkRefusals,
    ),
)]
pub async fn check(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<TokenForm>,
) -> Result<Json<Answer>, AppError> {
    let mut connection = state.pool.acquire().await?;
    let now = state.clock.now();
    match email_links::check(&mut connection, &form.token, RESET_PASSWORD, now).await? {
        Ok(_) => Ok(answer(Outcome::Valid)),
        Err(problem) => Err(problem.refusal()),
    }
}

/// `POST /api/password-reset/new-password`: the link's token and the new password.
#[utoipa::path(
    post,
    path = "/api/password-reset/new-password",
    operation_id = "resetPassword",
    tag = "accounts",
    request_body = PasswordResetForm,
    responses(
        (
            status = 200,
            description = "`password_reset`: every session of the account ended",
            body = Answer,
        ),
        LinkRefusals,
        HashingBusy,
    ),
)]
pub async fn reset(
    State(state): State<AppState>,
    ValidatedJson(form): ValidatedJson<PasswordResetForm>,
) -> Result<impl IntoResponse, AppError> {
    let now = state.clock.now();
    // Checked first without using the link, so that an invalid password leaves it usable.
    let account_id = {
        let mut connection = state.pool.acquire().await?;
        match email_links::check(&mut connection, &form.token, RESET_PASSWORD, now).await? {
            Ok(account_id) => account_id,
            Err(problem) => return Err(problem.logged_refusal("password_reset")),
        }
    };
    let row = sqlx::query("SELECT email, given_name, family_name FROM accounts WHERE id = $1")
        .bind(&account_id)
        .fetch_one(&state.pool)
        .await?;
    let address: String = row.try_get("email")?;
    let names: [String; 2] = [row.try_get("given_name")?, row.try_get("family_name")?];
    let names = names.each_ref().map(String::as_str);
    new_password::check(&form.new_password, &address, &names, "new_password")?;
    let password_hash = hashing::hash(form.new_password).await?;

    let mut transaction = db::begin(&state.pool).await?;
    // Used in this transaction: of two uses at once, one wins and the other changes nothing.
    if let Err(problem) =
        email_links::consume(&mut transaction, &form.token, RESET_PASSWORD, now).await?
    {
        return Err(problem.logged_refusal("password_reset"));
    }
    // The link proves the mailbox is the person's: an unverified address is verified too.
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, verified_at = COALESCE(verified_at, $2) \
         WHERE id = $3",
    )
    .bind(&password_hash)
    .bind(now)
    .bind(&account_id)
    .execute(&mut *transaction)
    .await?;
    // Other reset links, and address changes asked for with the old password (perhaps by whoever
    // took it), die with it.
    // Verification links too: one made by someone who signed up with this address before its
    // owner would otherwise set its own password once used.
    for purpose in [RESET_PASSWORD, CHANGE_EMAIL, VERIFY_EMAIL] {
        email_links::void_unused(&mut transaction, &account_id, purpose, now).await?;
    }
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(&account_id)
        .execute(&mut *transaction)
        .await?;
    // A locked-out owner who proved their mailbox may log in at once.
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(&address)
        .execute(&mut *transaction)
        .await?;
    let notice = emails::password_changed(&address, &state.link(links::FORGOT_PASSWORD_PATH));
    outbox::enqueue(&mut transaction, now, &notice, "password_reset").await?;
    transaction.commit().await?;
    state.outbox.wake();
    tracing::info!(event = "password_reset", outcome = "changed", account = %account_id);
    Ok((
        sessions::set_cookie_header(sessions::removal_cookie()),
        answer(Outcome::PasswordReset),
    ))
}
