//! `PUT /api/account/password`: a new password for the signed-in account, with the current one.
//! Every session of the account ends (a thief's too), and this browser gets a fresh one so the
//! person stays signed in.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use passplus_validation::account_changes::PasswordChangeForm;
use passplus_validation::links;

use crate::accounts::change_emails as emails;
use crate::accounts::email_links::{self, CHANGE_EMAIL, RESET_PASSWORD};
use crate::accounts::passwords::current::{self as current_password, RequestOrigin};
use crate::accounts::passwords::{hashing, new as new_password};
use crate::accounts::sessions::{self, CurrentSession};
use crate::http::answers::{answer, Answer, Outcome};
use crate::http::client_ip::Client;
use crate::http::error::AppError;
use crate::http::extract::ValidatedJson;
use crate::http::openapi::{CurrentPasswordRefusals, HashingBusy};
use crate::platform::db;
use crate::platform::outbox;
use crate::startup::AppState;

#[utoipa::path(
    put,
    path = "/api/account/password",
    operation_id = "changePassword",
    tag = "accounts",
    security(("session" = [])),
    request_body = PasswordChangeForm,
    responses(
        (
            status = 200,
            description = "`password_changed`: every other session ended, this browser gets a new \
                session cookie",
            body = Answer,
        ),
        CurrentPasswordRefusals,
        HashingBusy,
    ),
)]
pub async fn change(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    session: CurrentSession,
    ValidatedJson(form): ValidatedJson<PasswordChangeForm>,
) -> Result<impl IntoResponse, AppError> {
    let account = current_password::load(&state, &session.account_id).await?;
    // Before the current password is tried: an invalid new one costs no attempt.
    let names = account.names.each_ref().map(String::as_str);
    new_password::check(&form.new_password, &account.email, &names, "new_password")?;
    current_password::verify(
        &state,
        &account,
        form.current_password,
        &RequestOrigin {
            client: &client.limit_key,
            headers: &headers,
        },
        "password_change",
    )
    .await?;
    let password_hash = hashing::hash(form.new_password).await?;

    let mut transaction = db::begin(&state.pool).await?;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(&password_hash)
        .bind(&account.id)
        .execute(&mut *transaction)
        .await?;
    // In the same transaction: the new password never coexists with the old sessions, nor with
    // links asked for with the old one (an address change, a reset) by whoever else knew it.
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(&account.id)
        .execute(&mut *transaction)
        .await?;
    let now = state.clock.now();
    for purpose in [CHANGE_EMAIL, RESET_PASSWORD] {
        email_links::void_unused(&mut transaction, &account.id, purpose, now).await?;
    }
    let notice = emails::password_changed(&account.email, &state.link(links::FORGOT_PASSWORD_PATH));
    outbox::enqueue(&mut transaction, now, &notice, "password_change").await?;
    transaction.commit().await?;
    state.outbox.wake();
    let token = sessions::create(&state.pool, state.clock.now(), &account.id, &headers).await?;
    tracing::info!(event = "password_change", outcome = "changed", account = %account.id);
    Ok((
        sessions::set_cookie_header(sessions::cookie(&token)),
        answer(Outcome::PasswordChanged),
    ))
}
