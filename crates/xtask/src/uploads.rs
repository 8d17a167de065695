//! The upload bench: a large phone photo (just under the 10 MiB limit, 24 megapixels) added with
//! a pupil, five times, against the release server; the time of each request (upload, checks,
//! decoding, re-encoding without metadata, storing) and the server's peak memory (VmHWM).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context};

use crate::{cmd, http, logins, server};

const UPLOADS: usize = 5;
/// Their first names (the family, Essai, is the bench account's).
const CHILDREN: [&str; UPLOADS] = ["Inès", "Noé", "Léa", "Zoé", "Yanis"];

/// "photo size | time per upload (median, max) | server peak memory before → after".
pub fn measure(
    root: &Path,
    base_url: &str,
    server_pid: u32,
    work_dir: &Path,
) -> anyhow::Result<String> {
    let example = server::build_example(root, "big_photo")?;
    let photo_path = work_dir.join("big-photo.jpg");
    cmd::output_of(&example.to_string_lossy(), &[&photo_path.to_string_lossy()])
        .context("the big_photo example failed")?;
    let photo = std::fs::read(&photo_path)?;

    let cookie = logins::session_cookie(base_url)?;
    let boundary = "passplus-bench-boundary";
    // A child of its own each time: a family cannot have the same child twice.
    let body_for = |given_name: &str| -> anyhow::Result<Vec<u8>> {
        let pupil = format!(
            r#"{{"given_name":"{given_name}","family_name":"Essai","birth_date":{{"day":"14","month":"3","year":"2014"}},"college_uai":"0921243B","class":"5e","bourse_holder":false}}"#
        );
        let mut body = Vec::new();
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"pupil\"\r\n\r\n{pupil}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.jpg\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )?;
        body.extend_from_slice(&photo);
        write!(body, "\r\n--{boundary}--\r\n")?;
        Ok(body)
    };

    let before = server::peak_memory_kib(server_pid)?;
    let mut times = Vec::new();
    for given_name in CHILDREN {
        let body = body_for(given_name)?;
        let started = Instant::now();
        let status = http::send(
            base_url,
            "POST",
            "/api/pupils",
            &[("Cookie", &cookie)],
            &format!("multipart/form-data; boundary={boundary}"),
            &body,
        )?
        .status;
        times.push(started.elapsed().as_secs_f64());
        if status != 201 {
            bail!("the bench upload answered {status}");
        }
    }
    let after = server::peak_memory_kib(server_pid)?;
    times.sort_by(f64::total_cmp);
    Ok(format!(
        "{:.1} MB | {:.2} s | {:.2} s | {} MiB → {} MiB",
        photo.len() as f64 / 1_000_000.0,
        times[times.len() / 2],
        times[times.len() - 1],
        before / 1024,
        after / 1024
    ))
}
