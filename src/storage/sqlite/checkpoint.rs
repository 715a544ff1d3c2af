//! Moves the write-ahead log into the database file in the background, so a check-in seldom
//! pays for it. With SQLite's default, the commit that crosses 1,000 WAL pages copies them and
//! syncs the file itself, which put tens of milliseconds on about one check-in in a hundred.
//!
//! Here a task checkpoints about three times a second, in two steps, and SQLite's own checkpoint
//! stays as a backstop at a much larger size:
//! - first from a reader connection, beside the writer: this copies and syncs nearly everything
//!   while check-ins go on;
//! - then on the writer connection, which waits for the write in progress and holds the next one
//!   only while it copies the few pages written meanwhile.
//!
//! Both steps are needed. Held on the writer alone, every checkpoint stopped writes for the whole
//! copy and sync, 30–50 ms under 1,600 check-ins a second, which was the p99 of a check-in. Run
//! only beside the writer, a checkpoint never catches up with the pages being written, so SQLite
//! never starts the log over: it grew to the backstop, whose checkpoint runs inside a commit
//! (BENCHMARKS.md, "Check-in throughput"). The task ends when the store is closed.

use super::writer::FileIdentity;
use sqlx::SqlitePool;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::MissedTickBehavior;

/// SQLite still checkpoints on commit past this many pages (64 MB), should the task fall behind.
pub(super) const BACKSTOP_PAGES: &str = "16000";
const EVERY: Duration = Duration::from_millis(300);

/// Also checks, each time, that the database file is still the one opened, so a file deleted
/// or replaced under the mentor is noticed and logged even while nobody writes.
pub(super) fn spawn_checkpointer(writer: SqlitePool, readers: SqlitePool, file: Arc<FileIdentity>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if writer.is_closed() || readers.is_closed() {
                break;
            }
            if file.check().is_err() {
                continue;
            }
            let beside = checkpoint(&readers).await;
            let finished = checkpoint(&writer).await;
            if let Err(e) = beside.and(finished) {
                if writer.is_closed() || readers.is_closed() {
                    break;
                }
                tracing::warn!(error = %e, "background WAL checkpoint failed; SQLite's own checkpoint still runs");
            }
        }
    });
}

async fn checkpoint(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    sqlx::raw_sql("PRAGMA wal_checkpoint(PASSIVE)").execute(pool).await.map(drop)
}
