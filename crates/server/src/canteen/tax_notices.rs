//! The family's tax notice for a school year in the database: one at most per year, kept as it
//! was checked (an image re-encoded, a PDF disarmed), replaced whole. Every query matches on the
//! family's account id: another family's notice is never found.

use passplus_validation::canteen::answers::TaxNoticeStatus;
use passplus_validation::SchoolYear;
use sqlx::{AnyConnection, AnyPool, Row};

use crate::pupils::submission::CheckedFile;

/// A stored notice.
pub struct StoredNotice {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// What removing the notice did.
#[derive(Debug, PartialEq, Eq)]
pub enum Removal {
    /// Removed, or there was none.
    Done,
    /// A validated notice is the record of the family's reduced price: it stays.
    Validated,
}

/// Stores `file` as the family's notice for the year, replacing any other: it waits for an
/// agent again, whatever the one it replaces had become.
pub async fn save(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
    file: &CheckedFile,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO canteen_tax_notices \
         (account_id, school_year, media_type, size_bytes, status, uploaded_at, content) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, school_year) DO UPDATE SET \
         media_type = $3, size_bytes = $4, status = $5, uploaded_at = $6, content = $7",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .bind(file.media_type)
    .bind(file.bytes.len() as i64)
    .bind(TaxNoticeStatus::Pending.code())
    .bind(now)
    .bind(file.bytes.as_slice())
    .execute(connection)
    .await?;
    Ok(())
}

/// The family's notice for the year, if there is one.
pub async fn find(
    pool: &AnyPool,
    account_id: &str,
    school_year: SchoolYear,
) -> anyhow::Result<Option<StoredNotice>> {
    let row = sqlx::query(
        "SELECT media_type, content FROM canteen_tax_notices \
         WHERE account_id = $1 AND school_year = $2",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(StoredNotice {
            media_type: row.try_get("media_type")?,
            bytes: row.try_get("content")?,
        })
    })
    .transpose()
}

/// Forgets the family's notice for the year, bytes and all, unless it is validated. One
/// statement decides, so a validation landing at the same moment is never undone.
pub async fn remove(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
) -> anyhow::Result<Removal> {
    let removed = sqlx::query(
        "DELETE FROM canteen_tax_notices \
         WHERE account_id = $1 AND school_year = $2 AND status <> $3",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .bind(TaxNoticeStatus::Validated.code())
    .execute(&mut *connection)
    .await?
    .rows_affected();
    if removed > 0 {
        return Ok(Removal::Done);
    }
    let validated = super::store::tax_notice_status(connection, account_id, school_year).await?
        == TaxNoticeStatus::Validated;
    Ok(if validated {
        Removal::Validated
    } else {
        Removal::Done
    })
}
