//! Wiring: builds the `App` from the configuration (content, database, default zone).
//!
//! Every front end starts here so they all share the same core. A database that cannot be
//! opened is explained here in words an operator can act on, since SQLite's own message
//! ("unable to open database file") does not say that the folder must be writable.

use crate::app::App;
use crate::config::{Config, DatabaseUrl};
use crate::content::{Content, ContentSource};
use crate::storage::Store;
use anyhow::Context;
use std::io::ErrorKind;
use std::sync::Arc;

/// SQLite's primary result codes for "cannot write here" (READONLY) and "cannot open or create
/// the file" (CANTOPEN); sqlx reports the extended code, whose low byte is the primary one.
const SQLITE_READONLY: i64 = 8;
const SQLITE_CANTOPEN: i64 = 14;

/// Where the content comes from: `CONTENT_DIR` when set, else the embedded copy.
pub fn content_source(config: &Config) -> ContentSource {
    match &config.content_dir {
        Some(dir) => ContentSource::Folder(dir.clone()),
        None => ContentSource::Embedded,
    }
}

/// Loads the content and validates it; a broken file stops the start with its problems.
pub fn load_content(config: &Config) -> anyhow::Result<Arc<Content>> {
    let source = content_source(config);
    let content =
        source.load().context("the content did not pass its checks (run `backend-mentor check` for details)")?;
    Ok(Arc::new(content))
}

/// Builds the shared core: content, database (migrated) and default time zone.
pub async fn build_app(config: &Config) -> anyhow::Result<App> {
    let content = load_content(config)?;
    let store = Store::connect(config.database_url.expose())
        .await
        .map_err(|error| explain_database_failure(error, &config.database_url))?;
    Ok(App::new(content, store, config.default_timezone))
}

/// Puts a sentence saying what to fix in front of a permission failure's cause chain; any
/// other failure is returned as it is.
fn explain_database_failure(error: anyhow::Error, url: &DatabaseUrl) -> anyhow::Error {
    if !is_permission_problem(&error) {
        return error;
    }
    let folder = url
        .file_path()
        .and_then(|file| file.parent().map(|parent| parent.display().to_string()))
        .filter(|folder| !folder.is_empty())
        .unwrap_or_else(|| "the current folder".to_string());
    error.context(format!(
        "the database {} cannot be opened for writing: the folder {folder} must exist and be writable by \
         this user (SQLite creates the database file and its -wal and -shm files there)",
        url.redacted()
    ))
}

fn is_permission_problem(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        if let Some(sqlx::Error::Database(database)) = cause.downcast_ref::<sqlx::Error>() {
            let primary = database.code().and_then(|code| code.parse::<i64>().ok()).map(|code| code & 0xff);
            return matches!(primary, Some(SQLITE_READONLY | SQLITE_CANTOPEN));
        }
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| matches!(io.kind(), ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem))
    })
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
