//! `passplus-server`: runs the service with the configuration from `passplus.toml` and
//! `PASSPLUS_…` environment variables. `passplus-server purge [--dry-run]` runs the purge once
//! on the same database and says what it deleted, or with `--dry-run` what it would delete,
//! keeping everything.

use passplus_server::config::Config;
use passplus_server::platform::clock::Clock;
use passplus_server::platform::jobs::{purge_with, Purged};
use passplus_server::privacy::periods::periods;
use passplus_server::privacy::retention::Mode;
use passplus_server::startup::{shutdown_signal, Application};
use passplus_server::{platform::db, platform::telemetry};
use secrecy::ExposeSecret;

const USAGE: &str = "usage: passplus-server [purge [--dry-run]]";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let config = Config::load()?;
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => serve(config).await,
        ["purge"] => purge_once(config, Mode::Delete).await,
        ["purge", "--dry-run"] => purge_once(config, Mode::DryRun).await,
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    tracing::info!(
        database = %db::redact(config.database_url.expose_secret()),
        public_base_url = %config.public_base_url,
        trusted_proxies = config.trusted_proxies.len(),
        static_dir = %config.static_dir.display(),
        "starting"
    );
    let application = Application::build(&config).await?;
    let address = application.address()?;
    tracing::info!(%address, "ready");
    println!("Pass+ is ready: http://{address}/");
    application.run_until(shutdown_signal()).await
}

async fn purge_once(config: Config, mode: Mode) -> anyhow::Result<()> {
    periods().check(&config)?;
    let pool = db::connect(config.database_url.expose_secret()).await?;
    let clock = Clock::configured(config.test_clock_offset_file.as_ref());
    match purge_with(&pool, &config, periods(), clock.now(), mode).await? {
        Some(purged) => print!("{}", report(&purged, mode)),
        None => println!("Another instance is purging now: nothing done."),
    }
    Ok(())
}

/// One line per rule: how many rows, and the registry's reason.
fn report(purged: &Purged, mode: Mode) -> String {
    let verb = match mode {
        Mode::Delete => "deleted",
        Mode::DryRun => "would delete (dry run, nothing deleted)",
    };
    let removed = &purged.past_retention;
    let lines = [
        (removed.accounts_not_enrolled_again, "accounts", "passplus_account: no pupil enrolled again in the school year after the last enrolment"),
        (removed.accounts_without_pupil, "accounts", "passplus_account_without_pupil: no pupil ever, and the school year after the signup's is over"),
        (purged.unverified_accounts, "accounts", "passplus_unverified_account: address never confirmed in its period"),
        (removed.benefit_records, "benefit records", "passplus_benefit_records: six years after the right ended are over"),
        (purged.sessions, "sessions", "passplus_sessions: ended"),
        (purged.trusted_devices, "trusted devices", "passplus_trusted_devices: unused for their period"),
        (purged.login_failures, "login failures", "passplus_login_failures: older than their period"),
        (purged.links, "e-mail links", "passplus_email_links: expired"),
        (purged.quotas, "counters", "passplus_login_failures: their window is over"),
    ];
    let mut text = format!("Purge: {verb}\n");
    for (count, what, why) in lines {
        text.push_str(&format!("{count:>7} {what} ({why})\n"));
    }
    text
}
