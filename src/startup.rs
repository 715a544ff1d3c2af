//! Wiring: builds the `App` from the configuration (content, database, default zone).
//!
//! Every front end starts here so they all share the same core.

use crate::app::App;
use crate::config::Config;
use crate::content::{Content, ContentSource, RenderLimits};
use crate::storage::Store;
use anyhow::Context;
use std::sync::Arc;

/// Where the content comes from: `CONTENT_DIR` when set, else the embedded copy.
pub fn content_source(config: &Config) -> ContentSource {
    match &config.content_dir {
        Some(dir) => ContentSource::Folder(dir.clone()),
        None => ContentSource::Embedded,
    }
}

/// The render limits content must fit: the tightest of every platform this binary serves
/// (the console shows any length).
pub fn render_limits() -> RenderLimits {
    RenderLimits::tightest(&[crate::discord::render::LIMITS], "Discord")
}

/// Loads the content and validates it; a broken file stops the start with its problems.
pub fn load_content(config: &Config) -> anyhow::Result<Arc<Content>> {
    let source = content_source(config);
    let content = source
        .load(&render_limits())
        .context("the content did not pass its checks (run `backend-mentor check` for details)")?;
    Ok(Arc::new(content))
}

/// Builds the shared core: content, database (migrated) and default time zone.
pub async fn build_app(config: &Config) -> anyhow::Result<App> {
    let content = load_content(config)?;
    // The store's own errors name the file (never the URL) and say what to fix when it cannot be
    // opened, for every front end alike.
    let store = Store::connect(config.database_url.expose()).await?;
    Ok(App::new(content, store, config.default_timezone))
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM (what `docker stop` sends).
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("Ctrl-C received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}
