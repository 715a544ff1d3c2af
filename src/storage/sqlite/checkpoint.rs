//! Moves the write-ahead log into the database file in the background, so a check-in seldom
//! pays for it. With SQLite's default, the commit that crosses 1,000 WAL pages copies them and
//! syncs the file itself, which put tens of milliseconds on about one check-in in a hundred.
//! Here a task checkpoints (PASSIVE) about three times a second, and SQLite's own checkpoint
//! stays as a backstop at a much larger size.
//!
//! Where it runs depends on whether writes are queueing (`Store::note_queued_writes`, told by
//! the check-in lanes when a batch held more than one check-in):
//! - **Nothing queued**: on the writer connection alone. It waits for the write in progress and
//!   the next write waits for it, so the copy and sync never run beside a write: the stall falls
//!   on the one write that arrives during it. Run beside the writer instead, its sync slowed
//!   every write made meanwhile, and back-to-back check-ins' p99 went from under 2 ms to 3–4.5 ms.
//! - **Writes queued**: first from a reader connection, beside the writer, which copies and syncs
//!   nearly everything while check-ins go on; then on the writer, which copies only what was
//!   written meanwhile and lets SQLite start the log over. Held on the writer alone, each
//!   checkpoint stopped 30–50 ms of queued check-ins (under 1,600 a second, that was their p99);
//!   run only beside the writer, it never caught up with the writes, the log never started over
//!   and grew to the backstop, whose checkpoint runs inside a commit.
//!
//! Figures in BENCHMARKS.md ("Check-in throughput"). The task ends when the store is closed.

use super::writer::FileIdentity;
use sqlx::SqlitePool;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::MissedTickBehavior;

/// SQLite still checkpoints on commit past this many pages (64 MB), should the task fall behind.
pub(super) const BACKSTOP_PAGES: &str = "16000";
const EVERY: Duration = Duration::from_millis(300);

/// Also checks, each time, that the database file is still the one opened, so a file deleted
/// or replaced under the mentor is noticed and logged even while nobody writes.
pub(super) fn spawn_checkpointer(
    writer: SqlitePool,
    readers: SqlitePool,
    file: Arc<FileIdentity>,
    writes_queued: Arc<AtomicBool>,
) {
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
            let queued = writes_queued.swap(false, Ordering::Relaxed);
            let beside = if queued { checkpoint(&readers).await } else { Ok(()) };
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
