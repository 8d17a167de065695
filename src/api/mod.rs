//! The typed client of the server's JSON API, one module per area. Bodies are the shared
//! contract's types; this module turns answers into results.

pub mod accounts;
pub mod canteen;
pub mod card;
pub mod colleges;
pub mod http_client;
mod json_value;
pub mod pupils;

use passplus_validation::codes::refusal;
use passplus_validation::{ErrorBody, FieldErrors};
use serde::de::DeserializeOwned;
use serde::Serialize;

use http_client::{Answer, Body, NoAnswer};

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
    json_value::from_value(value)
}

/// JSON text of `body`, built by the browser (`None` is `null`, maps are objects).
pub(crate) fn to_json<T: Serialize>(body: &T) -> Option<String> {
    let value = body
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// A POST whose answer body does not matter beyond its status.
pub(crate) async fn post<T: Serialize>(path: &str, body: &T) -> Result<(), ApiError> {
    submit("POST", path, body).await
}

/// Sends a JSON body (POST, PUT); the answer body does not matter beyond its status.
pub(crate) async fn submit<T: Serialize>(
    method: &str,
    path: &str,
    body: &T,
) -> Result<(), ApiError> {
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
            Some(body) if body.error == refusal::UNAUTHORIZED => ApiError::Unauthorized,
            Some(body) if !body.error.is_empty() => ApiError::Refused(body.error),
            _ => ApiError::Server,
        },
        503 => match body() {
            Some(body) if body.error == refusal::BUSY => ApiError::Busy,
            _ => ApiError::Server,
        },
        _ => ApiError::Server,
    }
}
