//! A minimal HTTP/1.1 client for the bench's set-up requests to the local server (no client
//! crate needed for a handful of loopback requests). Every request carries the site's own
//! `Origin`, as the server's cross-site check requires of state-changing requests.

use std::io::{Read, Write};
use std::net::TcpStream;

use anyhow::Context;

/// What the server answered: the status, the head (status line and headers) and the body, as
/// text.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    /// The first value of a header (names as the server writes them: lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let prefix = format!("{name}: ");
        self.head
            .lines()
            .find_map(|line| line.strip_prefix(prefix.as_str()))
    }
}

/// Sends one request with `body` of `content_type` (and extra headers) and reads the answer.
pub fn send(
    base_url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    content_type: &str,
    body: &[u8],
) -> anyhow::Result<Answer> {
    let authority = base_url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(authority)?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nOrigin: {base_url}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    let text = String::from_utf8_lossy(&answer);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let (head, body) = (head.to_owned(), body.to_owned());
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .context("no HTTP status in the answer")?;
    Ok(Answer { status, head, body })
}

/// A JSON POST; returns the answer.
pub fn post_json(base_url: &str, path: &str, body: &str) -> anyhow::Result<Answer> {
    send(
        base_url,
        "POST",
        path,
        &[],
        "application/json",
        body.as_bytes(),
    )
}
