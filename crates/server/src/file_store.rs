//! Uploaded files on disk, under the configured files folder, each named by its random id (never
//! by anything a person typed). Written to a temporary name and renamed, so a crash never leaves
//! half a file under a real name; removed after the database row that pointed at them is gone.

use std::path::{Path, PathBuf};

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
        tokio::fs::create_dir_all(&self.dir).await?;
        let id = random_token();
        let partial = self.dir.join(format!("{id}.partial"));
        tokio::fs::write(&partial, bytes).await?;
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
