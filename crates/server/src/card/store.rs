//! The accesses to pupils' cards in the database: made with a fresh key (only its hash is
//! stored), found by the key a device presents (and marked used), listed and revoked through
//! the pupil's family only.

use passplus_validation::card::{CardAccess, CardAccessKind};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::platform::secrets::{random_token, token_hash};

/// Personal links a pupil may have at once: enough for a phone, a tablet and a printed copy.
pub const MAX_LINKS_PER_PUPIL: i64 = 5;
/// Devices opened with the number that are remembered: past it, the oldest is forgotten (its
/// card asks for the number again).
pub const MAX_NUMBER_ACCESSES_PER_PUPIL: i64 = 5;

/// Makes an access of `kind` to the pupil's card: the access and the key its device keeps.
pub async fn create(
    connection: &mut AnyConnection,
    pupil_id: &str,
    kind: CardAccessKind,
    now: i64,
) -> anyhow::Result<(CardAccess, String)> {
    let token = random_token();
    let access = CardAccess {
        id: random_token(),
        kind,
        created_at: now,
        last_used_at: None,
    };
    sqlx::query(
        "INSERT INTO card_accesses (id, pupil_id, kind, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&access.id)
    .bind(pupil_id)
    .bind(kind.code())
    .bind(token_hash(&token))
    .bind(now)
    .execute(&mut *connection)
    .await?;
    if kind == CardAccessKind::Number {
        forget_oldest_numbers(connection, pupil_id).await?;
    }
    Ok((access, token))
}

/// Keeps the newest `MAX_NUMBER_ACCESSES_PER_PUPIL` devices opened with the number.
async fn forget_oldest_numbers(
    connection: &mut AnyConnection,
    pupil_id: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "DELETE FROM card_accesses WHERE pupil_id = $1 AND kind = $2 AND id NOT IN \
         (SELECT id FROM card_accesses WHERE pupil_id = $1 AND kind = $2 \
          ORDER BY created_at DESC, id DESC LIMIT $3)",
    )
    .bind(pupil_id)
    .bind(CardAccessKind::Number.code())
    .bind(MAX_NUMBER_ACCESSES_PER_PUPIL)
    .execute(connection)
    .await?;
    Ok(())
}

/// How many personal links the pupil has.
pub async fn links_of(connection: &mut AnyConnection, pupil_id: &str) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM card_accesses WHERE pupil_id = $1 AND kind = $2")
            .bind(pupil_id)
            .bind(CardAccessKind::Link.code())
            .fetch_one(connection)
            .await?,
    )
}

/// The pupil whose card `token` opens, if it still does; the access is marked used now.
pub async fn pupil_of_token(
    connection: &mut AnyConnection,
    token: &str,
    now: i64,
) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "UPDATE card_accesses SET last_used_at = $1 WHERE token_hash = $2 RETURNING pupil_id",
    )
    .bind(now)
    .bind(token_hash(token))
    .fetch_optional(connection)
    .await?)
}

/// The pupil's accesses, newest first.
pub async fn list(
    connection: &mut AnyConnection,
    pupil_id: &str,
) -> anyhow::Result<Vec<CardAccess>> {
    let rows = sqlx::query(
        "SELECT id, kind, created_at, last_used_at FROM card_accesses WHERE pupil_id = $1 \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(pupil_id)
    .fetch_all(connection)
    .await?;
    rows.iter().map(access).collect()
}

fn access(row: &AnyRow) -> anyhow::Result<CardAccess> {
    let kind: String = row.try_get("kind")?;
    Ok(CardAccess {
        id: row.try_get("id")?,
        kind: CardAccessKind::from_code(&kind)
            .ok_or_else(|| anyhow::anyhow!("unknown card access kind {kind}"))?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

/// Revokes one of the pupil's accesses; false when the pupil has none of that id.
pub async fn revoke(
    connection: &mut AnyConnection,
    pupil_id: &str,
    access_id: &str,
) -> anyhow::Result<bool> {
    let removed = sqlx::query("DELETE FROM card_accesses WHERE pupil_id = $1 AND id = $2")
        .bind(pupil_id)
        .bind(access_id)
        .execute(connection)
        .await?
        .rows_affected();
    Ok(removed > 0)
}
