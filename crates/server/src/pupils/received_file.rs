//! A file part of a request, written to an anonymous temporary file as it arrives: a 10 MB
//! photo (or sixteen of them being sent at once) never sits whole in memory. The file has no
//! name on disk (it is unlinked as it is created), so whatever happens to the process, nothing
//! is left behind. Only what the checks need stays in memory: the declared type, the size, and
//! the first bytes for the signature.

use std::fs::File;
use std::io::{BufReader, Seek, SeekFrom};

use axum::extract::multipart::{Field, MultipartError};
use tokio::io::{AsyncWriteExt, BufWriter};

/// Enough for every signature `FileType::sniff` knows.
const HEAD_BYTES: usize = 16;
/// Disk writes are gathered into blocks of this size (each write is a trip to the blocking
/// pool; the network delivers a few kilobytes at a time).
const WRITE_BLOCK_BYTES: usize = 256 * 1024;

/// A file as received.
pub struct ReceivedFile {
    pub media_type: String,
    /// What the client sent for this part, counted to the end even past the limit.
    pub size: u64,
    /// The first bytes, for the signature check.
    pub head: Vec<u8>,
    /// The content, when it was within the limit (nothing is written past it).
    file: Option<File>,
}

/// Why a part could not be received.
pub enum NotReceived {
    /// The body itself is unreadable or over the route's limit.
    Body(MultipartError),
    /// The temporary file could not be written (disk full, for instance).
    Disk(std::io::Error),
}

/// Streams `field` to a temporary file, keeping at most `max_bytes` of it.
pub async fn receive(mut field: Field<'_>, max_bytes: u64) -> Result<ReceivedFile, NotReceived> {
    let media_type = field.content_type().unwrap_or_default().to_owned();
    let file = tempfile::tempfile().map_err(NotReceived::Disk)?;
    let mut writer = BufWriter::with_capacity(WRITE_BLOCK_BYTES, tokio::fs::File::from_std(file));
    let (mut size, mut head) = (0u64, Vec::with_capacity(HEAD_BYTES));
    while let Some(chunk) = field.chunk().await.map_err(NotReceived::Body)? {
        let missing_head = HEAD_BYTES.saturating_sub(head.len()).min(chunk.len());
        head.extend_from_slice(&chunk[..missing_head]);
        size += chunk.len() as u64;
        // Past the limit the part is only counted: it will be refused by its size.
        if size <= max_bytes {
            writer.write_all(&chunk).await.map_err(NotReceived::Disk)?;
        }
    }
    writer.flush().await.map_err(NotReceived::Disk)?;
    let file = (size <= max_bytes).then(|| writer.into_inner());
    let file = match file {
        Some(file) => Some(file.into_std().await),
        None => None,
    };
    Ok(ReceivedFile {
        media_type,
        size,
        head,
        file,
    })
}

impl ReceivedFile {
    /// The content from its start, buffered (blocking reads: for a blocking thread).
    pub fn into_reader(self) -> std::io::Result<BufReader<File>> {
        let mut file = self
            .file
            .ok_or_else(|| std::io::Error::other("a file over the limit is not kept"))?;
        file.seek(SeekFrom::Start(0))?;
        Ok(BufReader::new(file))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use axum::body::Body;
    use axum::extract::{FromRequest, Multipart, Request};

    use super::*;

    const BOUNDARY: &str = "limite";

    /// A multipart body with one file part holding `content`.
    async fn multipart_with(content: &[u8]) -> Multipart {
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; \
             filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let request = Request::builder()
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(body))
            .unwrap();
        Multipart::from_request(request, &()).await.ok().unwrap()
    }

    fn content(size: usize) -> Vec<u8> {
        (0..size).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[tokio::test]
    async fn a_part_is_kept_on_disk_whole_and_only_its_head_in_memory() {
        let sent = content(3 * WRITE_BLOCK_BYTES + 5);
        let mut multipart = multipart_with(&sent).await;
        let field = multipart.next_field().await.unwrap().unwrap();
        let received = receive(field, 10 * 1024 * 1024).await.ok().unwrap();
        assert_eq!(received.media_type, "image/jpeg");
        assert_eq!(received.size, sent.len() as u64);
        assert_eq!(received.head, sent[..HEAD_BYTES]);
        let mut kept = Vec::new();
        received
            .into_reader()
            .unwrap()
            .read_to_end(&mut kept)
            .unwrap();
        assert!(
            kept == sent,
            "the file read back differs from what was sent"
        );
    }

    #[tokio::test]
    async fn a_part_over_the_limit_is_counted_to_its_end_but_not_kept() {
        let sent = content(1000);
        let mut multipart = multipart_with(&sent).await;
        let field = multipart.next_field().await.unwrap().unwrap();
        let received = receive(field, 999).await.ok().unwrap();
        assert_eq!(received.size, 1000);
        assert_eq!(received.head, sent[..HEAD_BYTES]);
        assert!(received.into_reader().is_err());
    }
}
