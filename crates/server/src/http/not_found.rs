//! The 404 of an id a family has nothing under: the same answer whether the id exists or not,
//! so that nobody learns of another family's data; and when it is another family's, an
//! authorization miss in the log for whoever watches it.

use sqlx::AnyPool;

use crate::http::error::AppError;

/// What an id names, and the query that finds the account it belongs to.
pub struct Owned {
    pub kind: &'static str,
    pub owner_query: &'static str,
}

pub const PUPIL: Owned = Owned {
    kind: "pupil",
    owner_query: "SELECT account_id FROM pupils WHERE id = $1",
};

pub const ENROLMENT: Owned = Owned {
    kind: "canteen_enrolment",
    owner_query: "SELECT p.account_id FROM canteen_enrolments e \
                  JOIN pupils p ON p.id = e.pupil_id WHERE e.id = $1",
};

/// The answer to `id` for the family `account_id`, which has nothing under it: 404, logged
/// when `id` is another family's.
pub async fn not_found_for(pool: &AnyPool, owned: Owned, account_id: &str, id: &str) -> AppError {
    let owner: Result<Option<String>, _> = sqlx::query_scalar(owned.owner_query)
        .bind(id)
        .fetch_optional(pool)
        .await;
    if matches!(owner, Ok(Some(ref owner)) if owner != account_id) {
        tracing::warn!(
            event = "authorization_miss",
            account = %account_id,
            kind = owned.kind,
            id = %id,
            "another family's data was asked for"
        );
    }
    AppError::NotFound
}
