//! Uploaded files on disk, under the configured files folder, each named by its random id (never
//! by anything a person typed), readable by the server's user only. Written to a temporary name,
//! flushed to disk, then renamed, so that a crash never leaves half a file under a real name;
//! removed after the database row that pointed at them is gone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use crate::secrets::random_token;

pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    pub fn new(dir: &Path) -> FileStore {
        FileStore {
            dir: dir.to_owned(),
        }
    }

    /// Stores bytes under a new id and returns the id.
    pub async fn put(&self, bytes: &[u8]) -> anyhow::Result<String> {
        let mut folder = tokio::fs::DirBuilder::new();
        folder.recursive(true);
        #[cfg(unix)]
        folder.mode(0o700);
        folder.create(&self.dir).await?;
        let id = random_token();
        let partial = self.dir.join(format!("{id}.partial"));
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut file = options.open(&partial).await?;
        file.write_all(bytes).await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&partial, self.path(&id)).await?;
        Ok(id)
    }

    pub async fn get(&self, id: &str) -> anyhow::Result<Vec<u8>> {
        Ok(tokio::fs::read(self.path(id)).await?)
    }

    /// Removes files whose rows are gone. A failure is logged, not raised: the row is what
    /// counts, and without it nobody can reach the file.
    pub async fn remove_all(&self, ids: &[String]) {
        for id in ids {
            if let Err(error) = tokio::fs::remove_file(self.path(id)).await {
                if error.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(error = %error, "could not remove an uploaded file");
                }
            }
        }
    }

    /// Removes files no row points at any more — left by a crash between writing a file and
    /// committing its row, or after a row was deleted and the removal failed — once they are
    /// older than `grace` (a file being written now has no row yet). Returns how many.
    pub async fn sweep_orphans(
        &self,
        known_ids: &HashSet<String>,
        grace: Duration,
    ) -> anyhow::Result<usize> {
        let mut entries = match tokio::fs::read_dir(&self.dir).await {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(error) => return Err(error.into()),
        };
        let mut removed = 0;
        while let Some(entry) = entries.next_entry().await? {
            let name = entry.file_name().to_string_lossy().into_owned();
            let age = entry
                .metadata()
                .await?
                .modified()?
                .elapsed()
                .unwrap_or_default();
            if !known_ids.contains(&name) && age > grace {
                tokio::fs::remove_file(entry.path()).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    fn path(&self, id: &str) -> PathBuf {
        // Ids are URL-safe base64 made here; refuse anything else rather than join a path.
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "file ids are made by random_token"
        );
        self.dir.join(id)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[tokio::test]
    async fn stored_files_are_readable_by_the_server_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(&dir.path().join("files"));
        let id = store.put(b"photo").await.unwrap();
        assert_eq!(store.get(&id).await.unwrap(), b"photo");
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("files")), 0o700);
        assert_eq!(mode(&dir.path().join("files").join(&id)), 0o600);
        store.remove_all(std::slice::from_ref(&id)).await;
        assert!(store.get(&id).await.is_err());
    }

    #[tokio::test]
    async fn files_without_a_row_are_swept_once_old_enough() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path());
        let kept = store.put(b"a photo with its row").await.unwrap();
        let orphan = store
            .put(b"a photo whose row was never written")
            .await
            .unwrap();
        let fresh = store.put(b"a photo being added right now").await.unwrap();
        let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
        for id in [&kept, &orphan] {
            let file = std::fs::File::options()
                .write(true)
                .open(dir.path().join(id))
                .unwrap();
            file.set_modified(two_hours_ago).unwrap();
        }
        let known: HashSet<String> = [kept.clone()].into();
        let removed = store
            .sweep_orphans(&known, Duration::from_secs(3600))
            .await
            .unwrap();
        assert_eq!(removed, 1);
        assert!(store.get(&kept).await.is_ok());
        assert!(store.get(&orphan).await.is_err());
        assert!(
            store.get(&fresh).await.is_ok(),
            "a file younger than the grace stays"
        );
    }
}
