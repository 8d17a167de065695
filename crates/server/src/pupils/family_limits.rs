//! What one family may keep and send: at most `MAX_PUPILS` pupils and `MAX_STORED_BYTES` of
//! files, checked in the transaction that adds them (the account row is locked first, so two
//! submissions of one family at the same moment are counted one after the other); and at most
//! `UPLOADS_PER_FAMILY` submissions with files in flight per family, `UPLOADS_AT_ONCE` in all,
//! checked when a submission's first file begins (a change without files takes no turn), so
//! that one family (or a crowd) cannot take every upload's disk, memory and time. A file that
//! trickles loses its turn (`received_file`'s rate floor).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use axum::http::StatusCode;
use sqlx::AnyConnection;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::store::kind_name;
use super::submission::CheckedPupil;
use passplus_validation::codes::refusal::{
    FILES_QUOTA_REACHED, PUPIL_ALREADY_ADDED, TOO_MANY_PUPILS, UPLOADS_IN_PROGRESS,
};

use crate::http::error::AppError;
use crate::platform::search_key::fold;
use passplus_validation::upload::UploadKind;

pub const MAX_PUPILS: i64 = 10;
pub const MAX_STORED_BYTES: i64 = 60 * 1024 * 1024;
const UPLOADS_PER_FAMILY: usize = 2;
const UPLOADS_AT_ONCE: usize = 16;

/// Seconds a family or a crowd is asked to wait for an upload's turn.
const UPLOAD_RETRY_AFTER_SECONDS: i64 = 5;

static UPLOADS: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(UPLOADS_AT_ONCE)));
static FAMILY_UPLOADS: LazyLock<Mutex<HashMap<String, usize>>> = LazyLock::new(Default::default);

/// A submission's turn to send its body; given back when dropped.
pub struct UploadTurn {
    account_id: String,
    _turn: OwnedSemaphorePermit,
}

/// Takes a turn for a family's submission, or refuses it: 429 `uploads_in_progress` when the
/// family already sends two, 503 `busy` when the server receives its most.
pub fn take_turn(account_id: &str) -> Result<UploadTurn, AppError> {
    let turn = UPLOADS
        .clone()
        .try_acquire_owned()
        .map_err(|_| AppError::Busy {
            retry_after_seconds: UPLOAD_RETRY_AFTER_SECONDS,
        })?;
    let mut families = FAMILY_UPLOADS
        .lock()
        .map_err(|_| anyhow::anyhow!("the upload counts are poisoned"))?;
    let sending = families.entry(account_id.to_owned()).or_default();
    if *sending >= UPLOADS_PER_FAMILY {
        tracing::warn!(event = "pupil", outcome = "uploads_in_progress", account = %account_id);
        return Err(AppError::Refused {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: UPLOADS_IN_PROGRESS,
        });
    }
    *sending += 1;
    Ok(UploadTurn {
        account_id: account_id.to_owned(),
        _turn: turn,
    })
}

impl Drop for UploadTurn {
    fn drop(&mut self) {
        if let Ok(mut families) = FAMILY_UPLOADS.lock() {
            if let Some(sending) = families.get_mut(&self.account_id) {
                *sending -= 1;
                if *sending == 0 {
                    families.remove(&self.account_id);
                }
            }
        }
    }
}

/// Locks the family's account row until the transaction ends, then checks there is room for
/// `pupil` (a new one when `pupil_id` is `None`): 409 `too_many_pupils` or
/// `files_quota_reached` otherwise.
pub async fn check_room(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: Option<&str>,
    pupil: &CheckedPupil,
) -> Result<(), AppError> {
    sqlx::query("UPDATE accounts SET created_at = created_at WHERE id = $1")
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    if pupil_id.is_none() {
        let pupils: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pupils WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(&mut *connection)
            .await?;
        if pupils >= MAX_PUPILS {
            return Err(refusal(TOO_MANY_PUPILS));
        }
    }
    if is_already_there(connection, account_id, pupil_id, pupil).await? {
        return Err(refusal(PUPIL_ALREADY_ADDED));
    }
    let mut adding = 0;
    let mut replaced_kinds = Vec::new();
    for (kind, file) in [
        (UploadKind::Photo, &pupil.photo),
        (UploadKind::BourseCertificate, &pupil.certificate),
    ] {
        if let Some(file) = file {
            adding += file.bytes.len() as i64;
            replaced_kinds.push(kind_name(kind));
        }
    }
    if adding == 0 {
        return Ok(());
    }
    let rows = sqlx::query_as::<_, (String, String, i64)>(
        "SELECT f.pupil_id, f.kind, f.size_bytes FROM pupil_files f \
         JOIN pupils p ON p.id = f.pupil_id WHERE p.account_id = $1",
    )
    .bind(account_id)
    .fetch_all(&mut *connection)
    .await?;
    // The files this submission replaces no longer count.
    let kept: i64 = rows
        .iter()
        .filter(|(file_pupil, kind, _)| {
            Some(file_pupil.as_str()) != pupil_id || !replaced_kinds.contains(&kind.as_str())
        })
        .map(|(_, _, size)| size)
        .sum();
    if kept + adding > MAX_STORED_BYTES {
        return Err(refusal(FILES_QUOTA_REACHED));
    }
    Ok(())
}

/// Whether another pupil of the family has the same names (whatever their case, accents and
/// punctuation) and date of birth: the same child twice, such as a form sent again after its
/// first sending went on unseen, would get two Pass+ numbers.
async fn is_already_there(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: Option<&str>,
    pupil: &CheckedPupil,
) -> anyhow::Result<bool> {
    let others = sqlx::query_as::<_, (String, String, String)>(
        "SELECT id, given_name, family_name FROM pupils WHERE account_id = $1 AND birth_date = $2",
    )
    .bind(account_id)
    .bind(pupil.birth_date.to_string())
    .fetch_all(&mut *connection)
    .await?;
    let names = (fold(&pupil.form.given_name), fold(&pupil.form.family_name));
    Ok(others.iter().any(|(id, given_name, family_name)| {
        Some(id.as_str()) != pupil_id && (fold(given_name), fold(family_name)) == names
    }))
}

fn refusal(code: &'static str) -> AppError {
    tracing::warn!(event = "pupil", outcome = code);
    AppError::Refused {
        status: StatusCode::CONFLICT,
        code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_sends_two_submissions_at_once_at_most_and_gets_its_turns_back() {
        let first = take_turn("famille-a").unwrap();
        let second = take_turn("famille-a").unwrap();
        assert!(matches!(
            take_turn("famille-a"),
            Err(AppError::Refused {
                code: UPLOADS_IN_PROGRESS,
                ..
            })
        ));
        // Another family is not held up.
        let other = take_turn("famille-b").unwrap();
        drop(first);
        let third = take_turn("famille-a").unwrap();
        drop((second, third, other));
        assert!(!FAMILY_UPLOADS.lock().unwrap().contains_key("famille-a"));
    }
}
