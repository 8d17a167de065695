//! The body of a request that succeeded without anything else to return: what happened, as a
//! stable code. One enum, so that the OpenAPI document lists every code a client may meet.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A verification link was sent, if the address can receive one.
    VerificationSent,
    Verified,
    LoggedIn,
    /// A reset link was sent, if the address has an account.
    ResetSent,
    /// The link can still be used.
    Valid,
    PasswordReset,
    Saved,
    EmailChanged,
    PasswordChanged,
    OtherSessionsEnded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Answer {
    pub status: Outcome,
}

pub fn answer(status: Outcome) -> Json<Answer> {
    Json(Answer { status })
}
