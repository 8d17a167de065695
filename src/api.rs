//! The typed client of the server's JSON API. Bodies are the shared contract's types.

use gloo_net::http::{Request, Response};
use passplus_validation::{CollegeSearchResults, FieldErrors};
use serde::de::DeserializeOwned;

/// Why a call gave no result, in terms the page can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server refused the input, with the same codes the browser computes.
    Invalid(FieldErrors),
    /// No answer: the connection dropped or the server is unreachable.
    Network,
    /// The server answered with an error of its own.
    Server,
}

pub async fn search_colleges(text: &str) -> Result<CollegeSearchResults, ApiError> {
    let response = Request::get("/api/colleges")
        .query([("q", text)])
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    read(response).await
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    match response.status() {
        200..=299 => response.json().await.map_err(|_| ApiError::Server),
        422 => Err(ApiError::Invalid(
            response.json().await.map_err(|_| ApiError::Server)?,
        )),
        _ => Err(ApiError::Server),
    }
}
