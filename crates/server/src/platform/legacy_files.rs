//! Uploaded files that an earlier version kept on disk, under the files folder, named by their
//! row's id: at start, their bytes move into their rows (`pupil_files.content`), where every
//! instance reads them, and the folder is emptied of them. Files without a row (left by a crash
//! of that version between file and row) are removed too, once an hour old.

use std::path::Path;

use sqlx::AnyPool;

/// Moves the files still on disk into the database; returns how many.
pub async fn import(pool: &AnyPool, dir: &Path) -> anyhow::Result<usize> {
    let waiting: Vec<String> =
        sqlx::query_scalar("SELECT id FROM pupil_files WHERE content IS NULL")
            .fetch_all(pool)
            .await?;
    let mut imported = 0;
    for id in &waiting {
        // Ids were made by `random_token`: refuse anything else rather than join a path.
        if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            continue;
        }
        let path = dir.join(id);
        match tokio::fs::read(&path).await {
            Ok(bytes) => {
                sqlx::query("UPDATE pupil_files SET content = $1 WHERE id = $2")
                    .bind(bytes)
                    .bind(id)
                    .execute(pool)
                    .await?;
                tokio::fs::remove_file(&path).await?;
                imported += 1;
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                tracing::error!(file = %id, "an uploaded file has no bytes on disk to import");
            }
            Err(error) => return Err(error.into()),
        }
    }
    remove_orphans(dir).await?;
    Ok(imported)
}

async fn remove_orphans(dir: &Path) -> anyhow::Result<()> {
    let mut entries = match tokio::fs::read_dir(dir).await {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error.into()),
    };
    while let Some(entry) = entries.next_entry().await? {
        let age = entry
            .metadata()
            .await?
            .modified()?
            .elapsed()
            .unwrap_or_default();
        if entry.file_type().await?.is_file() && age > std::time::Duration::from_secs(3600) {
            tokio::fs::remove_file(entry.path()).await?;
        }
    }
    Ok(())
}
