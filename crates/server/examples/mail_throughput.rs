//! The mail queue's throughput: 1,000 messages queued in the outbox of a fresh SQLite database,
//! sent by one worker over SMTP to a local sink (a loopback server that accepts everything),
//! timed until the outbox is empty. `cargo xtask bench` prints it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use passplus_server::config::Config;
use passplus_server::platform::clock::Clock;
use passplus_server::platform::db;
use passplus_server::platform::mail::{Email, Mailer};
use passplus_server::platform::outbox::{self, Worker};

const MESSAGES: usize = 1_000;

/// Answers one SMTP conversation, counting the messages it accepts.
fn serve(stream: TcpStream, received: &AtomicUsize) -> std::io::Result<()> {
    let mut writer = stream.try_clone()?;
    let mut lines = BufReader::new(stream).lines();
    writer.write_all(b"220 sink ESMTP\r\n")?;
    while let Some(line) = lines.next() {
        let command = line?.to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") {
            b"250-sink\r\n250 8BITMIME\r\n"
        } else if command.starts_with("DATA") {
            writer.write_all(b"354 go on\r\n")?;
            for line in lines.by_ref() {
                if line? == "." {
                    break;
                }
            }
            received.fetch_add(1, Ordering::SeqCst);
            b"250 queued\r\n"
        } else if command.starts_with("QUIT") {
            writer.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            b"250 ok\r\n"
        };
        writer.write_all(reply)?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let sink = TcpListener::bind("127.0.0.1:0")?;
    let port = sink.local_addr()?.port();
    let received = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&received);
    std::thread::spawn(move || {
        for stream in sink.incoming().flatten() {
            let counter = Arc::clone(&counter);
            std::thread::spawn(move || serve(stream, &counter));
        }
    });

    let dir = tempfile::tempdir()?;
    let pool = db::connect(&format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    ))
    .await?;
    let clock = Clock::System;
    let mut transaction = db::begin(&pool).await?;
    for index in 0..MESSAGES {
        let email = Email {
            to: format!("famille.{index}@example.fr"),
            subject: "Pass+ : banc d’essai".to_owned(),
            body: "Bonjour,\n\nUn message du banc d’essai.\n".repeat(8),
        };
        outbox::enqueue(&mut transaction, clock.now(), &email, "bench").await?;
    }
    transaction.commit().await?;

    let mut config = Config::default().mail;
    config.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
    let worker = Worker::new(pool.clone(), clock, Arc::new(Mailer::new(&config)?));
    let started = Instant::now();
    while outbox::pending(&pool).await? > 0 {
        worker.deliver_due().await?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let delivered = received.load(Ordering::SeqCst);
    anyhow::ensure!(delivered == MESSAGES, "the sink received {delivered}");
    println!(
        "{MESSAGES} messages in {seconds:.1} s: {:.0} per second (one worker, SMTP on loopback, \
         SQLite)",
        MESSAGES as f64 / seconds
    );
    Ok(())
}
