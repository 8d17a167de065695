//! The typed client of the server's JSON API. Bodies are the shared contract's types.

use gloo_net::http::{Request, RequestBuilder, Response};
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

async fn read_json<T: DeserializeOwned>(response: &Response) -> Option<T> {
    from_json(&response.text().await.ok()?)
}

pub async fn search_colleges(text: &str) -> Result<CollegeSearchResults, ApiError> {
    send(Request::get("/api/colleges").query([("q", text)])).await
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
    let response = Request::delete("/api/sessions/current")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    match response.status() {
        204 | 401 => Ok(()),
        _ => Err(ApiError::Server),
    }
}

/// The signed-in account, or `None` when nobody is signed in.
pub async fn current_account() -> Result<Option<AccountSummary>, ApiError> {
    send(Request::get("/api/session")).await
}

/// The signed-in family's contact details, to edit.
pub async fn contact_details() -> Result<ContactForm, ApiError> {
    send(Request::get("/api/account/contact")).await
}

pub async fn save_contact_details(form: &ContactForm) -> Result<(), ApiError> {
    submit(Request::put("/api/account/contact"), form).await
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
    submit(Request::put("/api/account/password"), form).await
}

/// The account's sessions, most recently used first.
pub async fn active_sessions() -> Result<Vec<ActiveSession>, ApiError> {
    send(Request::get("/api/account/sessions")).await
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
    submit(Request::post(path), body).await
}

/// Sends a JSON body (POST, PUT); the answer body does not matter beyond its status.
async fn submit<T: Serialize>(request: RequestBuilder, body: &T) -> Result<(), ApiError> {
    let body = to_json(body).ok_or(ApiError::Server)?;
    let request = request
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| ApiError::Server)?;
    status_answer(request.send().await).await
}

pub(crate) async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    json_answer(request.send().await).await
}

/// The answer to a sent request whose body does not matter beyond its status.
pub(crate) async fn status_answer(sent: Result<Response, gloo_net::Error>) -> Result<(), ApiError> {
    let response = sent.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(());
    }
    Err(error_of(response).await)
}

/// The JSON body of the answer to a sent request, or why there is none.
pub(crate) async fn json_answer<T: DeserializeOwned>(
    sent: Result<Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = sent.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return read_json(&response).await.ok_or(ApiError::Server);
    }
    Err(error_of(response).await)
}

async fn error_of(response: Response) -> ApiError {
    match response.status() {
        422 => read_json(&response)
            .await
            .map(ApiError::Invalid)
            .unwrap_or(ApiError::Server),
        429 => match read_json::<ErrorBody>(&response).await {
            Some(body) => ApiError::TooManyAttempts(body.retry_after_seconds.unwrap_or(0).max(1)),
            None => ApiError::Server,
        },
        400..=499 => match read_json::<ErrorBody>(&response).await {
            Some(body) if body.error == "unauthorized" => ApiError::Unauthorized,
            Some(body) if !body.error.is_empty() => ApiError::Refused(body.error),
            _ => ApiError::Server,
        },
        503 => match read_json::<ErrorBody>(&response).await {
            Some(body) if body.error == "busy" => ApiError::Busy,
            _ => ApiError::Server,
        },
        _ => ApiError::Server,
    }
}
