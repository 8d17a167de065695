//! A file part of a request, written to an anonymous temporary file as it arrives: a 10 MB
//! photo (or sixteen of them being sent at once) never sits whole in memory. The file has no
//! name on disk (it is unlinked as it is created), so whatever happens to the process, nothing
//! is left behind. Only what the checks need stays in memory: the declared type, the size, and
//! the first bytes for the signature.
//!
//! A part must keep coming: a client that trickles a byte now and then would otherwise hold one
//! of the few upload turns for the whole upload timeout. After a grace period, a part that falls
//! below a rate a 2G connection still exceeds is cut off (`NotReceived::TooSlow`).

use std::fs::File;
use std::io::{BufReader, Seek, SeekFrom};
use std::time::Duration;

use axum::extract::multipart::{Field, MultipartError};
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::time::Instant;

/// Enough for every signature `FileType::sniff` knows.
const HEAD_BYTES: usize = 16;
/// Disk writes are gathered into blocks of this size (each write is a trip to the blocking
/// pool; the network delivers a few kilobytes at a time).
const WRITE_BLOCK_BYTES: usize = 256 * 1024;

/// The slowest a part may come: after `grace`, `bytes_per_second` on average.
pub struct RateFloor {
    pub grace: Duration,
    pub bytes_per_second: f64,
}

/// 20 s of grace (a phone waking its radio), then 4 KiB/s on average (32 kbit/s, slower than
/// 2G's EDGE), at which a 10 MiB photo would take 43 minutes, past the upload timeout anyway.
pub const UPLOAD_RATE_FLOOR: RateFloor = RateFloor {
    grace: Duration::from_secs(20),
    bytes_per_second: 4.0 * 1024.0,
};

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
    /// The part came slower than the floor allows.
    TooSlow,
}

/// Streams `field` to a temporary file, keeping at most `max_bytes` of it, as long as it comes
/// no slower than `floor`.
pub async fn receive(
    mut field: Field<'_>,
    max_bytes: u64,
    floor: &RateFloor,
) -> Result<ReceivedFile, NotReceived> {
    let media_type = field.content_type().unwrap_or_default().to_owned();
    let file = tempfile::tempfile().map_err(NotReceived::Disk)?;
    let mut writer = BufWriter::with_capacity(WRITE_BLOCK_BYTES, tokio::fs::File::from_std(file));
    let (mut size, mut head) = (0u64, Vec::with_capacity(HEAD_BYTES));
    let started = Instant::now();
    loop {
        // The next chunk is due by the time the bytes so far allow at the floor's rate.
        let due =
            started + floor.grace + Duration::from_secs_f64(size as f64 / floor.bytes_per_second);
        let next = tokio::time::timeout_at(due, field.chunk())
            .await
            .map_err(|_| NotReceived::TooSlow)?;
        let Some(chunk) = next.map_err(NotReceived::Body)? else {
            break;
        };
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
        let received = receive(field, 10 * 1024 * 1024, &UPLOAD_RATE_FLOOR)
            .await
            .ok()
            .unwrap();
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
    async fn a_part_that_trickles_is_cut_off_once_the_grace_is_over() {
        let (sender, chunks) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
        let body = futures_util::stream::unfold(chunks, |mut chunks| async move {
            let chunk = chunks.recv().await?;
            Some((Ok::<_, std::io::Error>(chunk), chunks))
        });
        let request = Request::builder()
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from_stream(body))
            .unwrap();
        let mut multipart = Multipart::from_request(request, &()).await.ok().unwrap();
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; \
             filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        );
        sender.send(head.into_bytes()).await.unwrap();
        let field = multipart.next_field().await.unwrap().unwrap();
        // A byte every 50 ms, against a floor of 100 bytes a second after 200 ms.
        let trickle = tokio::spawn(async move {
            while sender.send(vec![0xFF]).await.is_ok() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        let floor = RateFloor {
            grace: Duration::from_millis(200),
            bytes_per_second: 100.0,
        };
        let started = std::time::Instant::now();
        let received = receive(field, 10 * 1024 * 1024, &floor).await;
        assert!(matches!(received, Err(NotReceived::TooSlow)));
        assert!(started.elapsed() < Duration::from_secs(2));
        trickle.abort();
    }

    #[tokio::test]
    async fn a_part_over_the_limit_is_counted_to_its_end_but_not_kept() {
        let sent = content(1000);
        let mut multipart = multipart_with(&sent).await;
        let field = multipart.next_field().await.unwrap().unwrap();
        let received = receive(field, 999, &UPLOAD_RATE_FLOOR).await.ok().unwrap();
        assert_eq!(received.size, 1000);
        assert_eq!(received.head, sent[..HEAD_BYTES]);
        assert!(received.into_reader().is_err());
    }
}
