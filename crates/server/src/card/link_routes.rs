//! A parent's view of a pupil's card, with the family's session: `GET
//! /api/pupils/{id}/card-accesses` lists the devices and links that reach the card and when each
//! was last used, `POST /api/pupils/{id}/card-links` makes a personal link (shown once, as an
//! address and a QR code), `DELETE /api/pupils/{id}/card-accesses/{access_id}` revokes one at
//! once. Another family's pupil is not found (404).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use passplus_validation::card::{CardAccessKind, CardAccessList, CardLinkCreated};
use passplus_validation::codes::refusal;
use passplus_validation::links::{CARD_KEY_PARAMETER, CARD_PATH};
use sqlx::AnyConnection;

use super::{qr, store};
use crate::accounts::sessions::CurrentSession;
use crate::http::error::{AppError, ErrorBody};
use crate::platform::db;
use crate::pupils::store as pupils_store;
use crate::startup::AppState;

/// The pupil, if it is the family's; otherwise the 404 (logged when another family's).
async fn family_pupil(
    state: &AppState,
    connection: &mut AnyConnection,
    session: &CurrentSession,
    pupil_id: &str,
) -> Result<(), AppError> {
    match pupils_store::find(connection, &session.account_id, pupil_id).await? {
        Some(_) => Ok(()),
        None => Err(pupils_store::not_found_for(&state.pool, &session.account_id, pupil_id).await),
    }
}

#[utoipa::path(
    get,
    path = "/api/pupils/{id}/card-accesses",
    operation_id = "cardAccesses",
    tag = "card",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (status = 200, description = "The pupil's card accesses, newest first", body = CardAccessList),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
) -> Result<Json<CardAccessList>, AppError> {
    let mut connection = state.pool.acquire().await?;
    family_pupil(&state, &mut connection, &session, &pupil_id).await?;
    let accesses = store::list(&mut connection, &pupil_id).await?;
    Ok(Json(CardAccessList { accesses }))
}

#[utoipa::path(
    post,
    path = "/api/pupils/{id}/card-links",
    operation_id = "createCardLink",
    tag = "card",
    security(("session" = [])),
    params(("id" = String, Path, description = "The pupil's id")),
    responses(
        (
            status = 201,
            description = "The link, shown this once: its address (the key in the fragment) \
                and its QR code; only the key's hash is kept",
            body = CardLinkCreated,
        ),
        (
            status = 404,
            description = "No such pupil in this family's account (`not_found`)",
            body = ErrorBody,
        ),
        (
            status = 409,
            description = "The pupil has 5 links already (`too_many_card_links`): revoke one",
            body = ErrorBody,
        ),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(pupil_id): Path<String>,
) -> Result<(StatusCode, Json<CardLinkCreated>), AppError> {
    let now = state.clock.now();
    let mut transaction = db::begin(&state.pool).await?;
    family_pupil(&state, &mut transaction, &session, &pupil_id).await?;
    // Locks the pupil's row first (PostgreSQL): two links made at once are counted in turn.
    sqlx::query("UPDATE pupils SET updated_at = updated_at WHERE id = $1")
        .bind(&pupil_id)
        .execute(&mut *transaction)
        .await?;
    if store::links_of(&mut transaction, &pupil_id).await? >= store::MAX_LINKS_PER_PUPIL {
        return Err(AppError::Refused {
            status: StatusCode::CONFLICT,
            code: refusal::TOO_MANY_CARD_LINKS,
        });
    }
    let (access, key) =
        store::create(&mut transaction, &pupil_id, CardAccessKind::Link, now).await?;
    let url = format!(
        "{}{CARD_PATH}#{CARD_KEY_PARAMETER}={key}",
        state.config.public_base_url.trim_end_matches('/')
    );
    let qr_svg = qr::svg_of(&url)?;
    transaction.commit().await?;
    tracing::info!(event = "card", action = "link_created", pupil = %pupil_id);
    Ok((
        StatusCode::CREATED,
        Json(CardLinkCreated {
            access,
            url,
            qr_svg,
        }),
    ))
}

#[utoipa::path(
    delete,
    path = "/api/pupils/{id}/card-accesses/{access_id}",
    operation_id = "revokeCardAccess",
    tag = "card",
    security(("session" = [])),
    params(
        ("id" = String, Path, description = "The pupil's id"),
        ("access_id" = String, Path, description = "The access's id"),
    ),
    responses(
        (status = 204, description = "Revoked: the card it opened stops at its next connection"),
        (
            status = 404,
            description = "No such pupil in this family's account, or no such access to its \
                card (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn revoke(
    State(state): State<AppState>,
    session: CurrentSession,
    Path((pupil_id, access_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let mut transaction = db::begin(&state.pool).await?;
    family_pupil(&state, &mut transaction, &session, &pupil_id).await?;
    if !store::revoke(&mut transaction, &pupil_id, &access_id).await? {
        return Err(AppError::NotFound);
    }
    transaction.commit().await?;
    tracing::info!(event = "card", action = "access_revoked", pupil = %pupil_id);
    Ok(StatusCode::NO_CONTENT)
}
