//! Builds the application from its configuration: database, reference data, routes, layers.

use secrecy::ExposeSecret;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::http::StatusCode;
use axum::Router;
use sqlx::AnyPool;
use tokio::net::TcpListener;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::platform::clock::Clock;
use crate::platform::mail::{Mailer, Transport};
use crate::platform::outbox::Outbox;
use crate::{
    api, colleges, http::origin_check, http::security_headers, http::static_files, platform::db,
    platform::jobs, platform::legacy_files,
};

/// Longest a request may take, reading included; uploads have their own (see `api`).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A layer that answers 408 to a request taking longer than `limit`, so that a slow or stalled
/// client cannot hold a connection forever.
pub fn timeout(limit: std::time::Duration) -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limit)
}

#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    pub config: Arc<Config>,
    pub clock: Clock,
    /// Wakes this instance's mail worker once a transaction that queued a message commits.
    pub outbox: Outbox,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    mail_transport: Arc<dyn Transport>,
}

impl Application {
    /// Opens and migrates the database, imports the reference list if needed, binds the address.
    pub async fn build(config: &Config) -> anyhow::Result<Application> {
        let clock = Clock::configured(config.test_clock_offset_file.as_ref());
        Application::build_with_clock(config, clock).await
    }

    /// As [`Application::build`], with a clock of the caller's (tests move time forward).
    pub async fn build_with_clock(config: &Config, clock: Clock) -> anyhow::Result<Application> {
        let mailer: Arc<dyn Transport> = Arc::new(Mailer::new(&config.mail)?);
        Application::build_with(config, clock, mailer).await
    }

    /// As [`Application::build_with_clock`], with a mail transport of the caller's (tests use
    /// slow or failing ones).
    pub async fn build_with(
        config: &Config,
        clock: Clock,
        mail_transport: Arc<dyn Transport>,
    ) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        Application::build_on(listener, config, clock, mail_transport).await
    }

    /// As [`Application::build_with`], on a socket already bound (tests bind first, to know the
    /// address their public base URL names).
    pub async fn build_on(
        listener: TcpListener,
        config: &Config,
        clock: Clock,
        mail_transport: Arc<dyn Transport>,
    ) -> anyhow::Result<Application> {
        let index_path = config.static_dir.join("index.html");
        let mut index_html = std::fs::read_to_string(&index_path).with_context(|| {
            format!(
                "cannot read {}: build the app first (cargo xtask run does it)",
                index_path.display()
            )
        })?;
        // The policy names every app's loader: each page is one app's, and the policy is one.
        for other in static_files::app_indexes(&config.static_dir)
            .into_iter()
            .filter(|file| *file != index_path)
        {
            index_html.push_str(&std::fs::read_to_string(&other)?);
        }
        crate::canteen::years::check(&config.canteen)?;
        crate::privacy::periods::periods().check(config)?;
        let pool = db::connect(config.database_url.expose_secret()).await?;
        let imported = colleges::store::import_if_empty(&pool).await?;
        if imported > 0 {
            tracing::info!(imported, "collège list imported");
        }
        let moved = legacy_files::import(&pool, &config.files_dir).await?;
        if moved > 0 {
            tracing::info!(moved, "uploaded files moved from disk into the database");
        }

        let outbox = Outbox::default();
        let state = AppState {
            pool,
            config: Arc::new(config.clone()),
            clock,
            outbox,
        };
        jobs::spawn_hourly_purge(state.clone());
        let static_site = Router::new()
            .fallback_service(static_files::service(&config.static_dir))
            .layer(axum::middleware::from_fn(static_files::cache_control))
            .layer(timeout(REQUEST_TIMEOUT));
        let mut router = Router::new()
            .merge(api::router())
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                origin_check::same_origin_only,
            ))
            .with_state(state.clone())
            .merge(static_site);
        for layer in
            security_headers::layers(&security_headers::content_security_policy(&index_html))?
        {
            router = router.layer(layer);
        }
        let router = router.layer(TraceLayer::new_for_http());

        Ok(Application {
            listener,
            router,
            state,
            mail_transport,
        })
    }

    /// The shared state, for tests that run jobs directly.
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight. The mail worker
    /// runs as long as the server; a message it was sending when stopped is sent again once its
    /// lease runs out (see `platform::outbox`).
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let state = self.state;
        let worker =
            state
                .outbox
                .spawn_worker(state.pool.clone(), state.clock.clone(), self.mail_transport);
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let served = axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown)
            .await
            .context("server error");
        worker.abort();
        served
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
