//! The typed client of the server's JSON API. Bodies are the shared contract's types.

use passplus_validation::account::{
    AccountSummary, EmailForm, LoginForm, SignupForm, VerifyEmailForm,
};
use passplus_validation::account_changes::{
    ContactForm, EmailChangeForm, PasswordChangeForm, PasswordResetForm,
};
use passplus_validation::active_sessions::{ActiveSession, EndOtherSessionsForm};
use passplus_validation::{CollegeSearchResults, ErrorBody, FieldErrors};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::http_client::{self, Answer, Body, NoAnswer};

/// Why a call gave no result, in terms the page can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server refused the input, with the same codes the browser computes.
    Invalid(FieldErrors),
    /// Refused for a reason named by a code (`invalid_credentials`, `link_expired`…).
    Refused(String),
    /// Too many attempts: try again after this many seconds.
    TooManyAttempts(i64),
    /// The server is too busy to do it now (503 `busy`): try again in a few seconds.
    Busy,
    /// No session, or it ended.
    Unauthorized,
    /// No answer: the connection dropped or the server is unreachable.
    Network,
    /// The server answered with an error of its own.
    Server,
}

/// Parses JSON text with the browser's parser, then maps the value onto `T`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// JSON text of `body`, built by the browser (`None` is `null`, maps are objects).
pub(crate) fn to_json<T: Serialize>(body: &T) -> Option<String> {
    let value = body
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

pub async fn search_colleges(text: &str) -> Result<CollegeSearchResults, ApiError> {
    let query = String::from(js_sys::encode_uri_component(text));
    get(&format!("/api/colleges?q={query}")).await
}

pub async fn sign_up(form: &SignupForm) -> Result<(), ApiError> {
    post("/api/accounts", form).await
}

pub async fn verify_email(token: &str) -> Result<(), ApiError> {
    post(
        "/api/accounts/verification",
        &VerifyEmailForm {
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
    let body = VerifyEmailForm {
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
    let body = VerifyEmailForm {
        token: token.to_owned(),
    };
    post("/api/password-reset/check", &body).await
}

pub async fn reset_password(form: &PasswordResetForm) -> Result<(), ApiError> {
    post("/api/password-reset/new-password", form).await
}

/// A POST whose answer body does not matter beyond its status.
async fn post<T: Serialize>(path: &str, body: &T) -> Result<(), ApiError> {
    submit("POST", path, body).await
}

/// Sends a JSON body (POST, PUT); the answer body does not matter beyond its status.
async fn submit<T: Serialize>(method: &str, path: &str, body: &T) -> Result<(), ApiError> {
    let json = to_json(body).ok_or(ApiError::Server)?;
    status_answer(http_client::send(method, path, Body::Json(&json), None).await)
}

/// A GET whose answer is JSON.
pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json_answer(http_client::send("GET", path, Body::Empty, None).await)
}

/// The answer to a sent request whose body does not matter beyond its status.
pub(crate) fn status_answer(sent: Result<Answer, NoAnswer>) -> Result<(), ApiError> {
    let answer = sent.map_err(|_| ApiError::Network)?;
    if answer.ok() {
        return Ok(());
    }
    Err(error_of(&answer))
}

/// The JSON body of the answer to a sent request, or why there is none.
pub(crate) fn json_answer<T: DeserializeOwned>(
    sent: Result<Answer, NoAnswer>,
) -> Result<T, ApiError> {
    let answer = sent.map_err(|_| ApiError::Network)?;
    if answer.ok() {
        return from_json(&answer.text).ok_or(ApiError::Server);
    }
    Err(error_of(&answer))
}

fn error_of(answer: &Answer) -> ApiError {
    let body = || from_json::<ErrorBody>(&answer.text);
    match answer.status {
        422 => from_json(&answer.text)
            .map(ApiError::Invalid)
            .unwrap_or(ApiError::Server),
        429 => match body() {
            Some(body) => ApiError::TooManyAttempts(body.retry_after_seconds.unwrap_or(0).max(1)),
            None => ApiError::Server,
        },
        400..=499 => match body() {
            Some(body) if body.error == "unauthorized" => ApiError::Unauthorized,
            Some(body) if !body.error.is_empty() => ApiError::Refused(body.error),
            _ => ApiError::Server,
        },
        503 => match body() {
            Some(body) if body.error == "busy" => ApiError::Busy,
            _ => ApiError::Server,
        },
        _ => ApiError::Server,
    }
}
