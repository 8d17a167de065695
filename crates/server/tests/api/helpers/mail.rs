//! The e-mails a server sent, as the tests read them: the outbox folder it writes them to
//! without SMTP (once its worker has emptied the queue), each address's messages, and the
//! tokens of their links.

use std::path::Path;
use std::time::{Duration, SystemTime};

use passplus_server::platform::outbox;
use passplus_validation::links::{self, VERIFY_EMAIL_PATH};

use super::TestApp;

impl TestApp {
    /// Waits until the mail worker has sent every queued message (the outbox table is empty).
    pub async fn mail_delivered(&self) {
        for _ in 0..500 {
            if outbox::pending(&self.state.pool).await.unwrap() == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the outbox was not emptied within 5 s");
    }

    /// The e-mails sent, oldest first, once every queued one is sent: each whole message.
    pub async fn outbox(&self) -> Vec<String> {
        self.mail_delivered().await;
        messages_in(&self.config.mail.outbox_dir)
    }

    /// The messages sent to an address.
    pub async fn emails_to(&self, address: &str) -> Vec<String> {
        self.outbox()
            .await
            .into_iter()
            .filter(|message| message.contains(&format!("To: {address}")))
            .collect()
    }

    /// The messages sent to an address, which must be at least `count`.
    pub async fn emails_to_at_least(&self, address: &str, count: usize) -> Vec<String> {
        let emails = self.emails_to(address).await;
        assert!(
            emails.len() >= count,
            "fewer than {count} e-mails to {address}"
        );
        emails
    }

    /// The token of the link to `path` (one of the shared crate's `links`) in the last message
    /// to an address.
    pub async fn last_link_token(&self, address: &str, path: &str) -> String {
        let messages = self.emails_to(address).await;
        let message = messages.last().expect("an e-mail was sent");
        link_token(message, path).unwrap_or_else(|| panic!("no link to {path} in {message}"))
    }

    /// The token of the verification link last sent to an address.
    pub async fn last_verification_token(&self, address: &str) -> String {
        self.last_link_token(address, VERIFY_EMAIL_PATH).await
    }
}

/// The messages written to an outbox folder, oldest first.
pub fn messages_in(folder: &Path) -> Vec<String> {
    let mut messages: Vec<(SystemTime, String)> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| {
                    let entry = entry.ok()?;
                    let modified = entry.metadata().ok()?.modified().ok()?;
                    Some((modified, std::fs::read_to_string(entry.path()).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    messages.sort_by_key(|(modified, _)| *modified);
    messages.into_iter().map(|(_, text)| text).collect()
}

/// The token of a message's link to `path` (`path#jeton=…`).
pub fn link_token(message: &str, path: &str) -> Option<String> {
    let message = readable(message);
    let marker = links::with_token(path, "");
    let start = message.find(&marker)? + marker.len();
    Some(
        message[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
    )
}

/// A message's text as written, undoing quoted-printable (which the mailer falls back to when a
/// link makes a line too long for 8bit: a longer public address would do it). An 8bit message
/// is left as it is: a token beginning with `3D` follows `jeton=` there, and is not an escape.
fn readable(message: &str) -> String {
    if !message.contains("Content-Transfer-Encoding: quoted-printable") {
        return message.to_owned();
    }
    message
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// A message's words on one line, whatever the wrapping, for checking a sentence.
pub fn words(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
