//! Building and starting the server, in the foreground (`run`) or in the background for the
//! end-to-end suite and the bench (on a random port, with its own database).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{bail, Context};

use crate::cmd;

#[derive(Clone, Copy)]
pub enum Profile {
    Debug,
    Release,
}

/// Builds `passplus-server` and returns the path of its binary.
pub fn build(root: &Path, profile: Profile) -> anyhow::Result<PathBuf> {
    let (mut command, binary) = build_command(root, profile);
    cmd::run(&mut command)?;
    Ok(binary)
}

/// As [`build`], its output written to `target/xtask/server-build.log` rather than the terminal,
/// for a build that runs beside another one: shown only if it fails.
pub fn build_quietly(root: &Path, profile: Profile) -> anyhow::Result<PathBuf> {
    let (mut command, binary) = build_command(root, profile);
    let log = root.join("target/xtask/server-build.log");
    std::fs::create_dir_all(log.parent().expect("a folder"))?;
    let file = std::fs::File::create(&log)?;
    command.stdout(file.try_clone()?).stderr(file);
    if let Err(error) = cmd::run(&mut command) {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        return Err(error);
    }
    Ok(binary)
}

fn build_command(root: &Path, profile: Profile) -> (Command, PathBuf) {
    let mut command = cmd::cargo(root);
    command.args([
        "build",
        "--package",
        "passplus-server",
        "--bin",
        "passplus-server",
    ]);
    let folder = match profile {
        Profile::Debug => "debug",
        Profile::Release => {
            command.arg("--release");
            "release"
        }
    };
    (
        command,
        root.join("target").join(folder).join("passplus-server"),
    )
}

/// Builds one of `passplus-server`'s examples (optimised: the benches time them) and returns the
/// path of its binary.
pub fn build_example(root: &Path, name: &str) -> anyhow::Result<PathBuf> {
    cmd::run(cmd::cargo(root).args([
        "build",
        "--release",
        "--package",
        "passplus-server",
        "--example",
        name,
    ]))?;
    Ok(root.join("target/release/examples").join(name))
}

/// Serves `dist/` with the default configuration (SQLite under ./data/) until Ctrl-C.
pub fn run_foreground(root: &Path, binary: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(binary);
    command.current_dir(root);
    if std::env::var_os("PASSPLUS_STATIC_DIR").is_none() {
        command.env("PASSPLUS_STATIC_DIR", root.join("dist"));
    }
    if std::env::var_os("PASSPLUS_MAIL__SMTP_URL").is_none() {
        let outbox = root.join("data/outbox");
        println!(
            "E-mails are not sent: they are written to {}",
            outbox.display()
        );
        command.env("PASSPLUS_MAIL__OUTBOX_DIR", outbox);
    }
    cmd::run(&mut command)
}

/// A server running in the background; stopped when dropped.
pub struct BackgroundServer {
    child: Child,
    pub base_url: String,
    pub log: PathBuf,
    /// Where its e-mails are written.
    pub outbox: PathBuf,
}

impl BackgroundServer {
    /// The server's process id (to read its memory use).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Starts the server on 127.0.0.1 with a free port, serving `dist` with a fresh SQLite
    /// database in `work_dir`, and waits until it says it is ready.
    pub fn start(binary: &Path, dist: &Path, work_dir: &Path) -> anyhow::Result<BackgroundServer> {
        BackgroundServer::start_with(binary, dist, work_dir, &[])
    }

    /// As [`BackgroundServer::start`], with more `PASSPLUS_…` settings.
    pub fn start_with(
        binary: &Path,
        dist: &Path,
        work_dir: &Path,
        settings: &[(&str, &str)],
    ) -> anyhow::Result<BackgroundServer> {
        std::fs::create_dir_all(work_dir)?;
        let database = work_dir.join("passplus.db");
        for stale in ["passplus.db", "passplus.db-wal", "passplus.db-shm"] {
            let _ = std::fs::remove_file(work_dir.join(stale));
        }
        let log = work_dir.join("server.log");
        let _ = std::fs::remove_dir_all(work_dir.join("outbox"));
        // A free port, named in the public base URL too: the server accepts changes only from
        // that origin, and its e-mails link to it.
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let mut child = Command::new(binary)
            .current_dir(work_dir)
            .env("PASSPLUS_LISTEN", format!("127.0.0.1:{port}"))
            .env(
                "PASSPLUS_PUBLIC_BASE_URL",
                format!("http://127.0.0.1:{port}"),
            )
            .env("PASSPLUS_STATIC_DIR", dist)
            .env(
                "PASSPLUS_DATABASE_URL",
                format!("sqlite://{}?mode=rwc", database.display()),
            )
            .env("PASSPLUS_MAIL__OUTBOX_DIR", work_dir.join("outbox"))
            // Every request of the end-to-end suite and of the bench's load comes from this
            // machine: the per-client allowance would refuse them (the API tests prove it).
            .env("PASSPLUS_ANONYMOUS_LIMITS__PER_CLIENT", "1000000")
            .envs(settings.iter().copied())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log)?)
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;

        // The server prints one line on standard output once it listens: its address.
        let stdout = child.stdout.take().context("no stdout")?;
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("Pass+ is ready: ") {
                    let _ = sender.send(url.trim_end_matches('/').to_owned());
                }
            }
        });
        match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(base_url) => Ok(BackgroundServer {
                child,
                base_url,
                log,
                outbox: work_dir.join("outbox"),
            }),
            Err(_) => {
                let _ = child.kill();
                let log_text = std::fs::read_to_string(&log).unwrap_or_default();
                bail!("the server did not start within 60 s; its log:\n{log_text}")
            }
        }
    }
}

impl Drop for BackgroundServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A process's peak resident memory so far (VmHWM), from /proc.
pub fn peak_memory_kib(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .context("no VmHWM in /proc status")
}
