//! The card's own routes, without a session: `POST /api/card/accesses` opens the card on a
//! device with the Pass+ number and date of birth (counted per client and per number, one
//! answer for a wrong number or a wrong date), `GET /api/card` reads it with the key a device
//! keeps (a personal link's, or the one an opening gave), as long as no parent revoked it.

use axum::extract::{FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::card::{CardAccessKind, CardOpened, CardOpeningForm, CardStatus};
use passplus_validation::codes::refusal;
use passplus_validation::pass_number;

use super::{status, store};
use crate::accounts::anonymous_limits;
use crate::http::client_ip::Client;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ValidatedJson;
use crate::platform::db;
use crate::platform::quotas::{Allowance, Granted};
use crate::pupils::store as pupils_store;
use crate::startup::AppState;

/// Openings of one Pass+ number: a pupil mistyping its date of birth a few times gets there,
/// someone trying dates for a number they know does not (a year of dates is 365 tries).
const OPENINGS_PER_NUMBER: Allowance = Allowance {
    kind: "card_openings_per_number",
    limit: 10,
    window_seconds: 60 * 60,
};

#[utoipa::path(
    post,
    path = "/api/card/accesses",
    operation_id = "openCard",
    tag = "card",
    request_body = CardOpeningForm,
    responses(
        (
            status = 201,
            description = "The card, and the key this device keeps to read it again (the \
                pupil's parents see the device and can revoke it)",
            body = CardOpened,
        ),
        (
            status = 404,
            description = "No pupil has that number with that date of birth; which is wrong \
                is not said (`card_not_found`)",
            body = ErrorBody,
        ),
        (
            status = 429,
            description = "Too many openings from this client, or of this number \
                (`too_many_attempts`, with `Retry-After`)",
            body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait before trying again")),
        ),
    ),
)]
pub async fn open(
    State(state): State<AppState>,
    client: Client,
    ValidatedJson(form): ValidatedJson<CardOpeningForm>,
) -> Result<(StatusCode, Json<CardOpened>), AppError> {
    anonymous_limits::take(&state, &client, "/api/card/accesses").await?;
    let number = pass_number::normalise(&form.pass_number);
    let now = state.clock.now();
    // Counted apart from the opening's transaction: a miss, rolled back, still counts.
    let mut connection = state.pool.acquire().await?;
    if let Granted::No {
        retry_after_seconds,
    } = OPENINGS_PER_NUMBER
        .take(&mut connection, &number, now)
        .await?
    {
        tracing::warn!(event = "card", outcome = "number_rate_limited", client = %client.ip);
        return Err(AppError::TooManyAttempts {
            retry_after_seconds,
        });
    }
    drop(connection);
    let birth_date = form
        .birth_date
        .to_date()
        .map_err(|_| AppError::BadRequest)?;
    let mut transaction = db::begin(&state.pool).await?;
    let pupil = pupils_store::by_pass_number(&mut transaction, &number, birth_date).await?;
    let Some(pupil) = pupil else {
        tracing::warn!(event = "card", outcome = "not_found", client = %client.ip);
        return Err(AppError::Refused {
            status: StatusCode::NOT_FOUND,
            code: refusal::CARD_NOT_FOUND,
        });
    };
    let (_, token) = store::create(&mut transaction, &pupil, CardAccessKind::Number, now).await?;
    let card = status::card_of(&mut transaction, &pupil, now)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the pupil just found is gone"))?;
    transaction.commit().await?;
    tracing::info!(event = "card", action = "opened_with_number");
    Ok((StatusCode::CREATED, Json(CardOpened { token, card })))
}

/// The key a device presents: `Authorization: Bearer <key>`.
pub struct CardKey(String);

impl<S: Send + Sync> FromRequestParts<S> for CardKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(|key| CardKey(key.trim().to_owned()))
            .filter(|key| !key.0.is_empty())
            .ok_or(AppError::Unauthorized)
    }
}

#[utoipa::path(
    get,
    path = "/api/card",
    operation_id = "card",
    tag = "card",
    security(("card_key" = [])),
    responses(
        (status = 200, description = "The card as it is now", body = CardStatus),
        (
            status = 401,
            description = "No key (`unauthorized`), or a key no longer valid: revoked by a \
                parent, or the pupil removed (`card_access_ended`); the app forgets the card",
            body = ErrorBody,
        ),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    CardKey(key): CardKey,
) -> Result<Json<CardStatus>, AppError> {
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    let ended = AppError::Refused {
        status: StatusCode::UNAUTHORIZED,
        code: refusal::CARD_ACCESS_ENDED,
    };
    let Some(pupil) = store::pupil_of_token(&mut transaction, &key, now).await? else {
        return Err(ended);
    };
    let Some(card) = status::card_of(&mut transaction, &pupil, now).await? else {
        return Err(ended);
    };
    transaction.commit().await?;
    Ok(Json(card))
}
