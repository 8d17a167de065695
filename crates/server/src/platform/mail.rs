//! Handing a message to the mail system: through SMTP (lettre) when configured, otherwise as
//! `.eml` files in a folder, so that in development and tests a person (or a test) can open the
//! message and its link. Only the outbox worker (`platform::outbox`) calls this: requests queue
//! their messages in the database and never wait for a mail server.

use secrecy::ExposeSecret;
use std::future::Future;
use std::pin::Pin;

use anyhow::Context;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailConfig;

/// One message: plain text, French first then English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Why a message did not go. The text is ours, never the mail server's reply (which may quote
/// the recipient): logs carry it as it is.
#[derive(Debug)]
pub struct SendFailure {
    /// The server refused the message for good (unknown mailbox, say): retrying cannot help.
    pub permanent: bool,
    pub reason: String,
}

pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), SendFailure>> + Send + 'a>>;

/// Something that delivers messages: the configured mail system, or a test's stand-in (slow,
/// failing, counting). `id` is the message's outbox id, sent as its `Message-ID` so that a copy
/// sent twice (a crash between sending and recording it) is recognisable as the same message.
pub trait Transport: Send + Sync {
    fn send<'a>(&'a self, id: &'a str, email: &'a Email) -> Sending<'a>;
}

/// The configured mail system.
pub struct Mailer {
    from: Mailbox,
    /// The domain of `Message-ID`s: the sender's.
    domain: String,
    transport: LettreTransport,
}

enum LettreTransport {
    Folder(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn new(config: &MailConfig) -> anyhow::Result<Mailer> {
        let from: Mailbox = config
            .from
            .parse()
            .context("mail.from is not a valid address")?;
        let domain = from.email.domain().to_owned();
        let transport = match &config.smtp_url {
            Some(url) => LettreTransport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    // The URL's text may hold a password: the error is enough.
                    .map_err(|_| anyhow::anyhow!("mail.smtp_url is not a valid SMTP URL"))?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&config.outbox_dir).with_context(|| {
                    format!("cannot create the outbox {}", config.outbox_dir.display())
                })?;
                LettreTransport::Folder(AsyncFileTransport::new(&config.outbox_dir))
            }
        };
        Ok(Mailer {
            from,
            domain,
            transport,
        })
    }

    fn message(&self, id: &str, email: &Email) -> Result<Message, SendFailure> {
        let permanent = |reason: &str| SendFailure {
            permanent: true,
            reason: reason.to_owned(),
        };
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|_| permanent("the recipient is not an address"))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .message_id(Some(format!("<{id}@{}>", self.domain)))
            .subject(email.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(readable_body(&email.body)),
            )
            .map_err(|_| permanent("the message cannot be built"))
    }
}

impl Transport for Mailer {
    fn send<'a>(&'a self, id: &'a str, email: &'a Email) -> Sending<'a> {
        Box::pin(async move {
            let message = self.message(id, email)?;
            match &self.transport {
                LettreTransport::Folder(folder) => {
                    folder.send(message).await.map_err(|_| SendFailure {
                        permanent: false,
                        reason: "cannot write to the outbox folder".to_owned(),
                    })?;
                }
                LettreTransport::Smtp(smtp) => {
                    smtp.send(message).await.map_err(|error| SendFailure {
                        permanent: error.is_permanent(),
                        // The status code only: the reply's text may quote the recipient.
                        reason: match error.status() {
                            Some(code) => format!("SMTP refusal {code}"),
                            None if error.is_timeout() => "SMTP timeout".to_owned(),
                            None => "SMTP connection failed".to_owned(),
                        },
                    })?;
                }
            }
            Ok(())
        })
    }
}

/// The text as it is (8bit), so that links stay readable and copyable in the outbox; lettre
/// would otherwise quote-print it (`jeton=3D…`). 8bit needs lines under 76 bytes, hence the
/// wrapping; a line still too long (a very long link) falls back to quoted-printable.
fn readable_body(text: &str) -> Body {
    let wrapped = wrap(text);
    Body::new_with_encoding(wrapped.clone(), ContentTransferEncoding::EightBit)
        .unwrap_or_else(|_| Body::new(wrapped))
}

/// Most bytes on a line of text; a word longer than that (a link) keeps its own line.
const LINE_WIDTH: usize = 70;

/// Wraps each paragraph line at word boundaries.
fn wrap(text: &str) -> String {
    let mut wrapped = String::with_capacity(text.len() + text.len() / LINE_WIDTH);
    for line in text.split('\n') {
        let mut width = 0;
        for word in line.split(' ').filter(|word| !word.is_empty()) {
            let length = word.len();
            if width > 0 && width + 1 + length > LINE_WIDTH {
                wrapped.push('\n');
                width = 0;
            } else if width > 0 {
                wrapped.push(' ');
                width += 1;
            }
            wrapped.push_str(word);
            width += length;
        }
        wrapped.push('\n');
    }
    wrapped.pop();
    wrapped
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_lines_are_wrapped_and_links_kept_whole() {
        let link = format!("https://passplus.example/verifier?jeton={}", "x".repeat(60));
        let text = format!("{}\n\n{link}\nFin.", "mot ".repeat(40));
        let wrapped = wrap(&text);
        assert!(wrapped.lines().all(|line| line.len() <= 70 || line == link));
        assert!(wrapped.contains(&format!("\n{link}\n")));
        assert_eq!(
            wrapped.split_whitespace().count(),
            text.split_whitespace().count()
        );
        assert!(wrapped.ends_with("Fin."));
    }
}
