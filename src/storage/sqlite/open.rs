//! Opening the database file safely: before anything is written to an existing file, it is read
//! once, read-only, to make sure it is a backend-mentor database this release understands. A
//! file of another application, or one from a newer release, is refused untouched (no
//! migrations table created in it, no switch to WAL). Messages name the file, never the URL,
//! which could carry credentials or options.

use anyhow::{bail, Context};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use std::path::Path;

/// Refuses an existing file that is not a backend-mentor database of this release or older.
pub(super) async fn check_existing_file(path: &Path) -> anyhow::Result<()> {
    let is_memory = path.as_os_str().is_empty() || path.to_string_lossy().starts_with(':');
    if is_memory || !path.exists() {
        return Ok(());
    }
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let pool =
        SqlitePoolOptions::new().max_connections(1).connect_with(options).await.with_context(|| cannot_open(path))?;
    let inspected = inspect(&pool, path).await;
    pool.close().await;
    inspected
}

async fn inspect(pool: &sqlx::SqlitePool, path: &Path) -> anyhow::Result<()> {
    let tables: Vec<String> = sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(pool)
        .await
        .with_context(|| format!("{} is not a SQLite database the mentor can read", path.display()))?
        .iter()
        .map(|row| row.get::<String, _>(0))
        .collect();
    if tables.is_empty() {
        return Ok(());
    }
    if !tables.iter().any(|t| t == "_sqlx_migrations") {
        bail!(
            "{} holds another application's tables ({}), not a backend-mentor database; it was left untouched. \
             Point DATABASE_URL at a new file",
            path.display(),
            tables.join(", ")
        );
    }
    let applied: Vec<i64> = sqlx::query("SELECT version FROM _sqlx_migrations")
        .fetch_all(pool)
        .await
        .with_context(|| format!("could not read the schema version of {}", path.display()))?
        .iter()
        .map(|row| row.get::<i64, _>(0))
        .collect();
    let known: Vec<i64> = sqlx::migrate!("./migrations/sqlite").iter().map(|m| m.version).collect();
    if let Some(newer) = applied.iter().find(|v| !known.contains(v)) {
        bail!(
            "{} was written by a newer release of backend-mentor (schema version {newer}); it was left untouched. \
             Run that release or a later one",
            path.display()
        );
    }
    Ok(())
}

/// Why a database file could not be opened, with the usual cause spelled out: SQLite creates the
/// file and its `-wal` and `-shm` companions beside it, so the folder must be writable.
pub(super) fn cannot_open(path: &Path) -> String {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    format!(
        "could not open the database {}: the folder {} must exist and be writable by this user (SQLite \
         creates the database file and its -wal and -shm files there)",
        path.display(),
        folder.display()
    )
}
