//! `passplus-server`: runs the service with the configuration from `passplus.toml` and
//! `PASSPLUS_…` environment variables.

use passplus_server::config::Config;
use passplus_server::startup::{shutdown_signal, Application};
use passplus_server::{platform::db, platform::telemetry};
use secrecy::ExposeSecret;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let config = Config::load()?;
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
