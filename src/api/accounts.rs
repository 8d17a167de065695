//! Accounts: signup and verification, login and logout, the account's own changes, reset.

use passplus_validation::account::{AccountSummary, EmailForm, LoginForm, SignupForm, TokenForm};
use passplus_validation::account_changes::{
    ContactForm, EmailChangeForm, PasswordChangeForm, PasswordResetForm,
};
use passplus_validation::active_sessions::{ActiveSession, EndOtherSessionsForm};

use super::http_client::{self, Body};
use super::{get, post, submit, ApiError};

pub async fn sign_up(form: &SignupForm) -> Result<(), ApiError> {
    post("/api/accounts", form).await
}

pub async fn verify_email(token: &str) -> Result<(), ApiError> {
    post(
        "/api/accounts/verification",
        &TokenForm {
            token: token.to_owned(),
        },
    )
    .await
}

pub async fn resend_verification(email: &str) -> Result<(), ApiError> {
    post(
        "/api/accounts/verification-email",
        &EmailForm {
            email: email.to_owned(),
        },
    )
    .await
}

pub async fn log_in(form: &LoginForm) -> Result<(), ApiError> {
    post("/api/sessions", form).await
}

pub async fn log_out() -> Result<(), ApiError> {
    let answer = http_client::send("DELETE", "/api/sessions/current", Body::Empty, None)
        .await
        .map_err(|_| ApiError::Network)?;
    match answer.status {
        204 | 401 => Ok(()),
        _ => Err(ApiError::Server),
    }
}

/// The signed-in account, or `None` when nobody is signed in.
pub async fn current_account() -> Result<Option<AccountSummary>, ApiError> {
    get("/api/session").await
}

/// The signed-in family's contact details, to edit.
pub async fn contact_details() -> Result<ContactForm, ApiError> {
    get("/api/account/contact").await
}

pub async fn save_contact_details(form: &ContactForm) -> Result<(), ApiError> {
    submit("PUT", "/api/account/contact", form).await
}

pub async fn request_email_change(form: &EmailChangeForm) -> Result<(), ApiError> {
    post("/api/account/email-change", form).await
}

pub async fn confirm_email_change(token: &str) -> Result<(), ApiError> {
    let body = TokenForm {
        token: token.to_owned(),
    };
    post("/api/account/email-change/verification", &body).await
}

pub async fn change_password(form: &PasswordChangeForm) -> Result<(), ApiError> {
    submit("PUT", "/api/account/password", form).await
}

/// The account's sessions, most recently used first.
pub async fn active_sessions() -> Result<Vec<ActiveSession>, ApiError> {
    get("/api/account/sessions").await
}

pub async fn end_other_sessions(form: &EndOtherSessionsForm) -> Result<(), ApiError> {
    post("/api/account/sessions/end-others", form).await
}

pub async fn ask_password_reset(email: &str) -> Result<(), ApiError> {
    let body = EmailForm {
        email: email.to_owned(),
    };
    post("/api/password-reset", &body).await
}

/// Whether a reset link can still be used (before the person types a new password).
pub async fn check_reset_link(token: &str) -> Result<(), ApiError> {
    let body = TokenForm {
        token: token.to_owned(),
    };
    post("/api/password-reset/check", &body).await
}

pub async fn reset_password(form: &PasswordResetForm) -> Result<(), ApiError> {
    post("/api/password-reset/new-password", form).await
}
