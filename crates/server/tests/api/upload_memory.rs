//! Upload bodies go to disk as they arrive, not into memory: sixteen 9 MB photos being sent at
//! once (the server's most) leave its resident memory almost unchanged, and sixteen spooled
//! files are open in its temporary folder. Held in memory, they would add 144 MB.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use crate::binary::{new_family, Server};
use crate::held_upload::HeldUpload;
use crate::helpers::fresh_database_url;
use tempfile::TempDir;

const FAMILIES: usize = 8;
const UPLOADS_PER_FAMILY: usize = 2;
const PHOTO_BYTES: usize = 9 * 1024 * 1024;
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
        .map(|cookie| HeldUpload::start(&server.address, cookie, PHOTO_BYTES));
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
