//! Moves the write-ahead log into the database file in the background, so a check-in never
//! pays for it. With SQLite's default, the commit that crosses 1,000 WAL pages copies them and
//! syncs the file itself, which put tens of milliseconds on about one check-in in a hundred. Here
//! a task checkpoints (PASSIVE) twice a second on the writer connection, and SQLite's own
//! checkpoint stays as a backstop at a much larger size. On the writer, a checkpoint waits for
//! the write in progress and the next write waits for it, so the two never contend for the file:
//! run beside the writer from a reader connection, its sync slowed about 1.5% of back-to-back
//! check-ins to 3 ms or more (BENCHMARKS.md). The task ends when the pool is closed.

use super::writer::FileIdentity;
use sqlx::SqlitePool;
use std::sync::Arc;
use std::time::Duration;

/// SQLite still checkpoints on commit past this many pages (64 MB), should the task fall behind.
pub(super) const BACKSTOP_PAGES: &str = "16000";
const EVERY: Duration = Duration::from_millis(500);

/// Also checks, each time, that the database file is still the one opened, so a file deleted
/// or replaced under the mentor is noticed and logged even while nobody writes.
pub(super) fn spawn_checkpointer(pool: SqlitePool, file: Arc<FileIdentity>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            if pool.is_closed() {
                break;
            }
            if file.check().is_err() {
                continue;
            }
            if let Err(e) = sqlx::raw_sql("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                if pool.is_closed() {
                    break;
                }
                tracing::warn!(error = %e, "background WAL checkpoint failed; SQLite's own checkpoint still runs");
            }
        }
    });
}
