//! Sending e-mail: through SMTP (lettre) when configured, otherwise as `.eml` files in an outbox
//! folder, so that in development and tests a person (or a test) can open the message and its link.

use anyhow::Context;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailConfig;

pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

enum Transport {
    Outbox(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// One message: plain text, French first then English.
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> anyhow::Result<Mailer> {
        let from = config
            .from
            .parse()
            .context("mail.from is not a valid address")?;
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("mail.smtp_url is not a valid SMTP URL")?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&config.outbox_dir).with_context(|| {
                    format!("cannot create the outbox {}", config.outbox_dir.display())
                })?;
                Transport::Outbox(AsyncFileTransport::new(&config.outbox_dir))
            }
        };
        Ok(Mailer { from, transport })
    }

    pub async fn send(&self, email: Email) -> anyhow::Result<()> {
        let to: Mailbox = email.to.parse().context("recipient address")?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject)
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(readable_body(&email.body)),
            )?;
        match &self.transport {
            Transport::Outbox(outbox) => {
                outbox
                    .send(message)
                    .await
                    .context("writing to the outbox")?;
            }
            Transport::Smtp(smtp) => {
                smtp.send(message).await.context("sending by SMTP")?;
            }
        }
        Ok(())
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
