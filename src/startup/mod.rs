//! The composition root: builds the `App` from the configuration (content, database, default
//! zone), then `Root` starts each configured front end and the scheduler as tasks with one clock
//! and one shutdown signal, waits for them, and closes the store.
//!
//! Every front end starts here so they all share the same core. A new front end implements
//! [`FrontEnd`] (serve until shutdown, and an outbox for scheduled sends) in its own folder and is
//! started in `main.rs`; nothing else changes.

mod root;
mod shutdown;

pub use root::{FrontEnd, Root};
pub use shutdown::{shutdown_pair, shutdown_signal, Shutdown, ShutdownTrigger};

use crate::app::App;
use crate::config::Config;
use crate::content::{Content, ContentSource, RenderLimits};
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
fn load_content(source: &ContentSource) -> anyhow::Result<Arc<Content>> {
    let content = source
        .load(&render_limits())
        .context("the content did not pass its checks (run `backend-mentor check` for details)")?;
    Ok(Arc::new(content))
}

/// Builds the shared core: content, database (migrated) and default time zone. The content
/// (parsing, checks and the search index: about 30 ms of CPU) loads while the database opens.
pub async fn build_app(config: &Config) -> anyhow::Result<App> {
    let source = content_source(config);
    App::open(move || load_content(&source), config.database_url.expose(), config.default_timezone).await
}
