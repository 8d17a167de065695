//! Pupils and their files in the database. Every query takes the family's account id and matches
//! on it, so a pupil of another family is simply not found (404), never readable or changeable.

use passplus_validation::grant::{grant, CertificateStatus};
use passplus_validation::upload::UploadKind;
use passplus_validation::{Date, PupilSummary, SchoolYear};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::submission::{CheckedFile, CheckedPupil};
use crate::http::error::AppError;
use crate::http::not_found;
use crate::platform::secrets::random_token;

pub const PHOTO: &str = "photo";
pub const BOURSE_CERTIFICATE: &str = "bourse_certificate";

/// A pupil's file is stored under the name of its part in a request ([`PHOTO`],
/// [`BOURSE_CERTIFICATE`]).
pub fn kind_name(kind: UploadKind) -> &'static str {
    kind.field()
}

/// A stored file of a pupil.
pub struct StoredFile {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

const SUMMARY_QUERY: &str = "SELECT p.id, p.given_name, p.family_name, p.birth_date, \
     p.college_uai, c.name AS college_name, c.commune AS college_commune, p.class, \
     p.bourse_holder, p.pass_number, p.school_year, \
     (SELECT COUNT(*) FROM pupil_files f WHERE f.pupil_id = p.id AND f.kind = 'photo') AS photos, \
     (SELECT MIN(f.status) FROM pupil_files f \
        WHERE f.pupil_id = p.id AND f.kind = 'bourse_certificate') AS certificate_status \
     FROM pupils p LEFT JOIN colleges c ON c.uai = p.college_uai \
     WHERE p.account_id = $1";

/// The family's pupils, oldest entry first.
pub async fn list(pool: &AnyPool, account_id: &str) -> anyhow::Result<Vec<PupilSummary>> {
    let rows = sqlx::query(&format!("{SUMMARY_QUERY} ORDER BY p.created_at, p.id"))
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    rows.iter().map(summary).collect()
}

/// One pupil of the family, if it is theirs.
pub async fn find(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: &str,
) -> anyhow::Result<Option<PupilSummary>> {
    let row = sqlx::query(&format!("{SUMMARY_QUERY} AND p.id = $2"))
        .bind(account_id)
        .bind(pupil_id)
        .fetch_optional(connection)
        .await?;
    row.as_ref().map(summary).transpose()
}

fn summary(row: &AnyRow) -> anyhow::Result<PupilSummary> {
    let bourse_holder = row.try_get::<i64, _>("bourse_holder")? == 1;
    let certificate = match row.try_get::<Option<String>, _>("certificate_status")? {
        Some(status) => CertificateStatus::from_code(&status)
            .ok_or_else(|| anyhow::anyhow!("unknown certificate status {status}"))?,
        None => CertificateStatus::Missing,
    };
    Ok(PupilSummary {
        id: row.try_get("id")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        birth_date: row.try_get("birth_date")?,
        college_uai: row.try_get("college_uai")?,
        college_name: row.try_get("college_name")?,
        college_commune: row.try_get("college_commune")?,
        class: row.try_get("class")?,
        bourse_holder,
        pass_number: row.try_get("pass_number")?,
        school_year: row.try_get::<i64, _>("school_year")? as i32,
        grant: grant(bourse_holder, certificate),
        certificate,
        has_photo: row.try_get::<i64, _>("photos")? > 0,
    })
}

/// Adds a pupil with a new Pass+ number; returns its id.
pub async fn insert(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil: &CheckedPupil,
    pass_number: &str,
    school_year: SchoolYear,
    now: i64,
) -> anyhow::Result<String> {
    let id = random_token();
    sqlx::query(
        "INSERT INTO pupils (id, account_id, given_name, family_name, birth_date, college_uai, \
         class, bourse_holder, pass_number, school_year, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&id)
    .bind(account_id)
    .bind(pupil.form.given_name.trim())
    .bind(pupil.form.family_name.trim())
    .bind(pupil.birth_date.to_string())
    .bind(&pupil.college_uai)
    .bind(&pupil.form.class)
    .bind(i64::from(pupil.form.bourse_holder))
    .bind(pass_number)
    .bind(i64::from(school_year.start_year))
    .bind(now)
    .execute(connection)
    .await?;
    Ok(id)
}

/// Changes a pupil's details (not its number or school year). False if it is not the family's.
pub async fn update(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: &str,
    pupil: &CheckedPupil,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE pupils SET given_name = $1, family_name = $2, birth_date = $3, college_uai = $4, \
         class = $5, bourse_holder = $6, updated_at = $7 WHERE id = $8 AND account_id = $9",
    )
    .bind(pupil.form.given_name.trim())
    .bind(pupil.form.family_name.trim())
    .bind(pupil.birth_date.to_string())
    .bind(&pupil.college_uai)
    .bind(&pupil.form.class)
    .bind(i64::from(pupil.form.bourse_holder))
    .bind(now)
    .bind(pupil_id)
    .bind(account_id)
    .execute(connection)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a pupil of the family, its files with it (by cascade: foreign keys are on for SQLite
/// too, see `db`); false if it is not the family's.
pub async fn delete(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: &str,
) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM pupils WHERE id = $1 AND account_id = $2")
        .bind(pupil_id)
        .bind(account_id)
        .execute(connection)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a new file of a kind for a pupil, its bytes with it, in place of the previous one.
/// In the caller's transaction: the pupil's row and its files are kept together or not at all,
/// and every server instance reads them.
pub async fn replace_file(
    connection: &mut AnyConnection,
    pupil_id: &str,
    kind: &str,
    file: &CheckedFile,
    now: i64,
) -> anyhow::Result<()> {
    remove_file(connection, pupil_id, kind).await?;
    sqlx::query(
        "INSERT INTO pupil_files \
         (id, pupil_id, kind, media_type, size_bytes, status, uploaded_at, content) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(random_token())
    .bind(pupil_id)
    .bind(kind)
    .bind(file.media_type)
    .bind(file.bytes.len() as i64)
    .bind(CertificateStatus::Pending.code())
    .bind(now)
    .bind(file.bytes.as_slice())
    .execute(connection)
    .await?;
    Ok(())
}

/// Forgets a pupil's file of a kind, bytes and all.
pub async fn remove_file(
    connection: &mut AnyConnection,
    pupil_id: &str,
    kind: &str,
) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM pupil_files WHERE pupil_id = $1 AND kind = $2")
        .bind(pupil_id)
        .bind(kind)
        .execute(connection)
        .await?;
    Ok(())
}

/// A file of one of the family's pupils, if there is one.
pub async fn find_file(
    pool: &AnyPool,
    account_id: &str,
    pupil_id: &str,
    kind: &str,
) -> anyhow::Result<Option<StoredFile>> {
    let row = sqlx::query(
        "SELECT f.media_type, f.content FROM pupil_files f JOIN pupils p ON p.id = f.pupil_id \
         WHERE p.id = $1 AND p.account_id = $2 AND f.kind = $3 AND f.content IS NOT NULL",
    )
    .bind(pupil_id)
    .bind(account_id)
    .bind(kind)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(StoredFile {
            media_type: row.try_get("media_type")?,
            bytes: row.try_get("content")?,
        })
    })
    .transpose()
}

/// The family a pupil belongs to, if the pupil exists (the card finds its pupil by a key, not
/// through a session).
pub async fn family_of(
    connection: &mut AnyConnection,
    pupil_id: &str,
) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT account_id FROM pupils WHERE id = $1")
            .bind(pupil_id)
            .fetch_optional(connection)
            .await?,
    )
}

/// The pupil with this Pass+ number (normalised: twelve digits) and date of birth, if there is
/// one: both must match, and a miss does not say which did not.
pub async fn by_pass_number(
    connection: &mut AnyConnection,
    pass_number: &str,
    birth_date: Date,
) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM pupils WHERE pass_number = $1 AND birth_date = $2")
            .bind(pass_number)
            .bind(birth_date.to_string())
            .fetch_optional(connection)
            .await?,
    )
}

/// The answer to a pupil id this family has no pupil under: 404 always, logged when it is
/// another family's pupil (`http::not_found`).
pub async fn not_found_for(pool: &AnyPool, account_id: &str, pupil_id: &str) -> AppError {
    not_found::not_found_for(pool, not_found::PUPIL, account_id, pupil_id).await
}
