//! Changing the account's e-mail address: the request (signed in, with the current password)
//! e-mails a link to the new address; the old address stays the account's, for login and
//! messages, until that link is used. The answer is the same whether or not the new address
//! already has an account: in that case its mailbox is told instead of receiving a link.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use passplus_validation::account::TokenForm;
use passplus_validation::account_changes::EmailChangeForm;
use passplus_validation::codes::refusal::EMAIL_TAKEN;
use passplus_validation::codes::EMAIL_UNCHANGED;
use passplus_validation::{email, links, FieldErrors};
use sqlx::Row;

use super::signup::verification_sent;
use crate::accounts::change_emails as emails;
use crate::accounts::email_links::{self, LinkProblem, CHANGE_EMAIL, RESET_PASSWORD};
use crate::accounts::passwords::current::{self as current_password, RequestOrigin};
use crate::accounts::sessions::{self, CurrentSession};
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::http::openapi::{CurrentPasswordRefusals, HashingBusy};
use crate::platform::db;
use crate::platform::outbox;
use crate::platform::quotas::{Allowance, Granted};
use crate::platform::secrets::token_hash;
use crate::startup::AppState;

/// Most change links one account is sent in an hour: beyond, the same answer and no message,
/// so the form cannot flood a mailbox.
const CHANGE_LINKS: Allowance = Allowance {
    kind: "email_change_links",
    limit: 5,
    window_seconds: 3600,
};

/// `POST /api/account/email-change`
#[utoipa::path(
    post,
    path = "/api/account/email-change",
    operation_id = "requestEmailChange",
    tag = "accounts",
    security(("session" = [])),
    request_body = EmailChangeForm,
    responses(
        (
            status = 202,
            description = "`verification_sent` to the new address (or, if it has an account, a \
                notice to its owner: same answer)",
            body = Answer,
        ),
        CurrentPasswordRefusals,
        HashingBusy,
    ),
)]
pub async fn request(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    session: CurrentSession,
    ValidatedJson(form): ValidatedJson<EmailChangeForm>,
) -> Result<(StatusCode, Json<Answer>), AppError> {
    let account = current_password::load(&state, &session.account_id).await?;
    let new_address = email::normalise(&form.new_email);
    if new_address == account.email {
        return Err(AppError::Invalid(FieldErrors::one(
            "new_email",
            EMAIL_UNCHANGED,
        )));
    }
    current_password::verify(
        &state,
        &account,
        form.current_password,
        &RequestOrigin {
            client: &client.limit_key,
            headers: &headers,
        },
        "email_change",
    )
    .await?;

    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    if CHANGE_LINKS
        .take(&mut transaction, &account.id, now)
        .await?
        != Granted::Yes
    {
        transaction.commit().await?;
        tracing::warn!(event = "email_change", outcome = "quota_reached", account = %account.id);
        return Ok(verification_sent());
    }
    // A link is made even for a taken address (and never sent), so both cases do the same work
    // and count toward the same quota.
    let valid_hours = state.config.verification_link_hours;
    let token = email_links::create(
        &mut transaction,
        &account.id,
        CHANGE_EMAIL,
        now,
        valid_hours * 3600,
    )
    .await?;
    sqlx::query("UPDATE email_links SET new_email = $1 WHERE token_hash = $2")
        .bind(&new_address)
        .bind(token_hash(&token))
        .execute(&mut *transaction)
        .await?;
    let taken = sqlx::query("SELECT id FROM accounts WHERE email = $1")
        .bind(&new_address)
        .fetch_optional(&mut *transaction)
        .await?
        .is_some();
    let to_new_address = if taken {
        emails::email_change_address_taken(&new_address, &state.link(links::LOGIN_PATH))
    } else {
        let link = state.token_link(links::NEW_EMAIL_PATH, &token);
        emails::email_change_link(&new_address, &link, valid_hours)
    };
    // Queued in the same transaction: the link and its messages are kept together or not at all.
    outbox::enqueue(&mut transaction, now, &to_new_address, "email_change").await?;
    let notice = emails::email_change_requested(&account.email, &new_address);
    outbox::enqueue(&mut transaction, now, &notice, "email_change").await?;
    transaction.commit().await?;
    state.outbox.wake();
    let outcome = if taken { "address_taken" } else { "link_sent" };
    tracing::info!(event = "email_change", outcome, account = %account.id);
    Ok(verification_sent())
}

/// `POST /api/account/email-change/verification`: the token from the link sent to the new
/// address. No session needed: the link proves the new mailbox is the person's.
#[utoipa::path(
    post,
    path = "/api/account/email-change/verification",
    operation_id = "confirmEmailChange",
    tag = "accounts",
    request_body = TokenForm,
    responses(
        (
            status = 200,
            description = "`email_changed`: the new address is the account's; every other session \
                of the account has ended",
            body = Answer,
        ),
        (status = 404, description = "No such link (`link_invalid`)", body = ErrorBody),
        (
            status = 409,
            description = "The link was already used (`link_used`), or the address got an account \
                since it was sent (`email_taken`)",
            body = ErrorBody,
        ),
        (status = 410, description = "The link has expired (`link_expired`)", body = ErrorBody),
    ),
)]
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    ValidatedJson(form): ValidatedJson<TokenForm>,
) -> Result<Json<Answer>, AppError> {
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    let account_id =
        match email_links::consume(&mut transaction, &form.token, CHANGE_EMAIL, now).await? {
            Ok(account_id) => account_id,
            Err(problem) => return Err(problem.logged_refusal("email_change_confirm")),
        };
    let new_address: String =
        sqlx::query_scalar("SELECT new_email FROM email_links WHERE token_hash = $1")
            .bind(token_hash(&form.token))
            .fetch_one(&mut *transaction)
            .await?;
    let old_address: String = sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
        .bind(&account_id)
        .fetch_one(&mut *transaction)
        .await?;
    let taken = sqlx::query("SELECT id FROM accounts WHERE email = $1")
        .bind(&new_address)
        .fetch_optional(&mut *transaction)
        .await?;
    // The address found an account after the link was sent; the link's holder owns the address,
    // so telling them reveals nothing. The link stays unused: nothing changed.
    let email_taken = AppError::Refused {
        status: StatusCode::CONFLICT,
        code: EMAIL_TAKEN,
    };
    if let Some(row) = taken {
        transaction.rollback().await?;
        let same_account = row.try_get::<String, _>("id")? == account_id;
        tracing::info!(event = "email_change_confirm", outcome = "address_taken", account = %account_id);
        // Already this account's address: the change was made by another link.
        return Err(if same_account {
            LinkProblem::Used.refusal()
        } else {
            email_taken
        });
    }
    let updated = sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2")
        .bind(&new_address)
        .bind(&account_id)
        .execute(&mut *transaction)
        .await;
    if let Err(error) = updated {
        // Taken by a signup at this very moment: same answer as above.
        if error
            .as_database_error()
            .is_some_and(|e| e.is_unique_violation())
        {
            return Err(email_taken);
        }
        return Err(error.into());
    }
    // Older links to other addresses must not undo this one later, and reset links went to the
    // old address, which no longer speaks for the account.
    for purpose in [CHANGE_EMAIL, RESET_PASSWORD] {
        email_links::void_unused(&mut transaction, &account_id, purpose, now).await?;
    }
    // The account now answers to another mailbox: every session but the one of the browser
    // confirming (if it is signed in to this account) ends.
    let keep = sessions::cookie_value(&headers, sessions::COOKIE_NAME)
        .map(|token| token_hash(&token))
        .unwrap_or_default();
    sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2")
        .bind(&account_id)
        .bind(&keep)
        .execute(&mut *transaction)
        .await?;
    let notice = emails::email_changed(
        &old_address,
        &new_address,
        &state.link(links::LEGAL_NOTICE_PATH),
    );
    outbox::enqueue(&mut transaction, now, &notice, "email_change_confirm").await?;
    transaction.commit().await?;
    state.outbox.wake();
    tracing::info!(event = "email_change_confirm", outcome = "changed", account = %account_id);
    Ok(answer(Outcome::EmailChanged))
}
