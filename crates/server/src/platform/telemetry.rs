//! Logs through `tracing` to standard error, filtered by `RUST_LOG` (info by default); standard
//! output carries only the line that says the server is ready.
//!
//! Every line goes through one redaction before it is written, whatever wrote it (our events,
//! a database driver's error, a mail library's): e-mail addresses become `[e-mail]`, and the
//! value after `jeton=`, `token=` or `password=` becomes `[redacted]`. Our own events already
//! log account ids rather than addresses, and only the code of a mail server's refusal; this is
//! the net under them (a unique-key error of PostgreSQL quotes the address, for one).

use std::io::{IsTerminal, Write};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // A second call (tests) keeps the first subscriber. Colours only on a terminal: a log file
    // or a collector gets plain text.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(RedactedStderr)
        .try_init();
}

/// Standard error, each line redacted.
struct RedactedStderr;

impl<'a> MakeWriter<'a> for RedactedStderr {
    type Writer = Redacted<std::io::Stderr>;

    fn make_writer(&'a self) -> Self::Writer {
        Redacted(std::io::stderr())
    }
}

/// A writer that redacts what it is given (the formatter writes each event whole).
pub struct Redacted<W: Write>(pub W);

impl<W: Write> Write for Redacted<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(bytes);
        self.0.write_all(redact(&text).as_bytes())?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Keys whose value is a secret.
const SECRET_KEYS: [&str; 3] = ["jeton=", "token=", "password="];

/// `text` without e-mail addresses and secret values.
pub fn redact(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        if let Some(key) = SECRET_KEYS
            .iter()
            .find(|key| starts_with(&chars[index..], key))
        {
            out.extend(&chars[index..index + key.len()]);
            index += key.len();
            while index < chars.len() && is_value_char(chars[index]) {
                index += 1;
            }
            out.push_str("[redacted]");
            continue;
        }
        if chars[index] == '@' {
            let local = out.chars().rev().take_while(|c| is_local_char(*c)).count();
            let domain = chars[index + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '.' || **c == '-')
                .count();
            let domain_text: String = chars[index + 1..index + 1 + domain].iter().collect();
            if local > 0 && domain_text.trim_end_matches('.').contains('.') {
                for _ in 0..local {
                    out.pop();
                }
                out.push_str("[e-mail]");
                index += 1 + domain;
                continue;
            }
        }
        out.push(chars[index]);
        index += 1;
    }
    out
}

fn starts_with(chars: &[char], key: &str) -> bool {
    key.chars().count() <= chars.len()
        && key
            .chars()
            .zip(chars)
            .all(|(k, c)| c.to_ascii_lowercase() == k)
}

fn is_value_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '&' | '"' | '\'' | ',' | ';' | ')')
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_secrets_never_reach_the_logs() {
        let line = "error=duplicate key value violates unique constraint: Key (email)=\
                    (camille.martin+pass@example.fr) already exists";
        let redacted = redact(line);
        assert!(!redacted.contains("camille"), "{redacted}");
        assert!(
            redacted.contains("Key (email)=([e-mail]) already exists"),
            "{redacted}"
        );
        assert_eq!(
            redact("GET /nouveau-mot-de-passe?jeton=abcDEF123_-x&lang=fr"),
            "GET /nouveau-mot-de-passe?jeton=[redacted]&lang=fr"
        );
        assert_eq!(
            redact("smtp://user:Password=s3cret host"),
            "smtp://user:password=[redacted] host".replace("password", "Password")
        );
        assert_eq!(redact("token=xyz, next"), "token=[redacted], next");
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        for text in [
            "login outcome=ok account=AbC123 client=203.0.113.7",
            "ratio 2@3 or name@localhost",
            "mail sent outbox_id=x attempts=1",
        ] {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn the_writer_redacts_what_it_writes() {
        let mut written = Redacted(Vec::new());
        written.write_all(b"to=parent@example.org ok\n").unwrap();
        assert_eq!(String::from_utf8(written.0).unwrap(), "to=[e-mail] ok\n");
    }
}
