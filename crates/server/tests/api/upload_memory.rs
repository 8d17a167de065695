//! Upload bodies go to disk as they arrive, not into memory: sixteen 9 MB photos being sent at
//! once (the server's most) leave its resident memory almost unchanged, and sixteen spooled
//! files are open in its temporary folder. Held in memory, they would add 144 MB.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::binary::{new_family, Server};
use crate::helpers::fresh_database_url;

const FAMILIES: usize = 8;
const UPLOADS_PER_FAMILY: usize = 2;
const PHOTO_BYTES: usize = 9 * 1024 * 1024;
const BOUNDARY: &str = "limite-de-partie";
/// What the server may take beyond its resting memory for all the uploads together.
const MAX_GROWTH_BYTES: u64 = 48 * 1024 * 1024;

/// A kilobyte field of `/proc/<pid>/status` (`VmRSS`, `VmHWM`), in bytes.
fn memory(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .unwrap_or_else(|| panic!("no {field} in {status}"));
    let kilobytes: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|value| value.parse().ok())
        .unwrap();
    kilobytes * 1024
}

/// Files the server holds open in `folder`, already unlinked (anonymous spool files).
fn spooled_files(pid: u32, folder: &Path) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .filter_map(|entry| std::fs::read_link(entry.path()).ok())
        .filter(|target| {
            target.starts_with(folder) && target.to_string_lossy().ends_with("(deleted)")
        })
        .count()
}

/// An upload of a pupil with a 9 MB "photo", sent by hand so that its end can be held back.
struct HeldUpload {
    stream: TcpStream,
    end: String,
}

impl HeldUpload {
    /// Sends everything but the closing boundary.
    async fn start(address: &str, cookie: &str) -> HeldUpload {
        let pupil = serde_json::json!({
            "given_name": "Léa",
            "family_name": "Martin",
            "birth_date": { "day": "14", "month": "3", "year": "2014" },
            "college_uai": "0921243B",
            "class": "5e",
            "bourse_holder": false,
        });
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"pupil\"\r\n\r\n{pupil}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; \
             filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        );
        let end = format!("\r\n--{BOUNDARY}--\r\n");
        // A JPEG signature, then bytes no decoder accepts: the answer will be a 422.
        let mut photo = vec![0x5Au8; PHOTO_BYTES];
        photo[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
        let host = address.trim_start_matches("http://");
        let request = format!(
            "POST /api/pupils HTTP/1.1\r\nHost: {host}\r\nOrigin: {address}\r\nCookie: {cookie}\r\n\
             Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\r\n",
            head.len() + photo.len() + end.len()
        );
        let mut stream = TcpStream::connect(host).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&photo).await.unwrap();
        HeldUpload { stream, end }
    }

    /// Sends the end and reads the status of the answer.
    async fn finish(mut self) -> String {
        self.stream.write_all(self.end.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 64];
        let read = self.stream.read(&mut answer).await.unwrap();
        String::from_utf8_lossy(&answer[..read])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

#[tokio::test]
async fn upload_bodies_are_spooled_to_disk_not_held_in_memory() {
    let dir = TempDir::new().unwrap();
    let database_url = fresh_database_url(dir.path()).await;
    let server = Server::start(dir.path(), &database_url, Stdio::null(), "warn");
    let outbox = dir.path().join("outbox");
    let mut cookies = Vec::new();
    for family in 0..FAMILIES {
        let email = format!("famille.{family}@example.fr");
        cookies.push(new_family(&server.address, &outbox, &email).await.unwrap());
    }
    let resting = memory(server.pid(), "VmRSS");

    let uploads = cookies
        .iter()
        .flat_map(|cookie| std::iter::repeat_n(cookie, UPLOADS_PER_FAMILY))
        .map(|cookie| HeldUpload::start(&server.address, cookie));
    let held = futures_util::future::join_all(uploads).await;
    // Every byte sent is read by the server within moments (loopback).
    let temporary = dir.path().join("tmp");
    let mut spooled = 0;
    for _ in 0..100 {
        spooled = spooled_files(server.pid(), &temporary);
        if spooled == held.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let growth = memory(server.pid(), "VmRSS").saturating_sub(resting);
    assert_eq!(
        spooled,
        held.len(),
        "each upload being received is a spool file"
    );
    assert!(
        growth < MAX_GROWTH_BYTES,
        "{} MB more memory while {} uploads of 9 MB arrive",
        growth / 1024 / 1024,
        held.len()
    );

    let answers = futures_util::future::join_all(held.into_iter().map(HeldUpload::finish)).await;
    for answer in answers {
        assert!(answer.contains(" 422 "), "{answer}");
    }
    assert_eq!(
        spooled_files(server.pid(), &temporary),
        0,
        "spool files closed"
    );
    server.kill();
}
