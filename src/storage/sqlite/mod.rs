//! The SQLite store, the embedded default: an sqlx SQLite pool, one file per table, returning
//! the values of `storage::model`.
//!
//! The database runs in WAL mode, so readers never block the writer. Every write in the process
//! goes through one connection of its own (`writer`): writers wait their turn in order on the
//! pool instead of colliding inside SQLite, whose busy handler would make the loser sleep for
//! up to tens of milliseconds at a time. The busy timeout stays for other processes.
//! Migrations under `migrations/sqlite/` are embedded and run at start. Queries are checked at compile time against the committed `.sqlx/` data. A background
//! task checkpoints the WAL (see `checkpoint.rs`) so no request pays for it.

mod board_rows;
mod boards;
mod checkin_context;
mod checkins;
mod checkpoint;
mod corrections;
mod deliveries;
mod export;
mod export_nudges;
mod groups;
mod members;
mod moderators;
mod nudges;
mod open;
mod period_totals;
mod privacy;
mod probe;
mod progress;
mod schedules;
mod spaces;
mod streaks;
mod writer;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Reader connections: `/streak` runs four reads side by side. Each connection is a thread of
/// its own with its own allocator arena; eight held 5 to 7 MiB more under the Discord load than
/// four, with no better latency on two cores (BENCHMARKS.md, Footprint).
const READERS: u32 = 4;

/// A write transaction on the writer connection: `App` runs a check-in or a correction as one, so
/// the day row, the streak record and the period totals always agree. While one is open no
/// other write in the process can start, so code holding a `Tx` must write only through it.
pub(super) struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Sqlite>,
    watch: Arc<writer::TxWatch>,
    token: u64,
}

impl Tx {
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        self.inner.commit().await?;
        self.watch.committed(self.token);
        Ok(())
    }
}

/// The database handle every `App` call uses.
#[derive(Clone)]
pub(super) struct Store {
    /// Readers: several connections, used side by side.
    pool: SqlitePool,
    /// The one connection every write and write transaction uses.
    writer: SqlitePool,
    /// Whether any member may have a "your DMs are closed" notice waiting. Every command asks for
    /// notices, so this keeps the common answer ("none") free of a database query.
    notices_pending: Arc<AtomicBool>,
    /// A cap on the file's size in pages for every writer connection (0: none); see
    /// [`Store::limit_file_pages`].
    page_limit: Arc<AtomicU32>,
    /// The file as opened: writes stop if it is deleted or replaced.
    file: Arc<writer::FileIdentity>,
    /// Whether the writer's last transaction committed (see `writer.rs`).
    watch: Arc<writer::TxWatch>,
    /// Whether writes queued behind the writer since the last checkpoint (`checkpoint.rs`).
    writes_queued: Arc<AtomicBool>,
}

impl Store {
    /// Opens (creating if needed) the SQLite database at `url` and brings its schema up to date.
    pub(super) async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .context("DATABASE_URL is not a SQLite URL (expected sqlite://path/to/file.db)")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true)
            .pragma("wal_autocheckpoint", checkpoint::BACKSTOP_PAGES);
        let path = options.get_filename().to_path_buf();
        create_parent_folder(&path)?;
        open::check_existing_file(&path).await?;
        // Every connection opens at start, so the first burst of commands does not wait while
        // the pool opens them one by one.
        let open = |connections| {
            SqlitePoolOptions::new()
                .test_before_acquire(false)
                .min_connections(connections)
                .max_connections(connections)
                .connect_with(options.clone())
        };
        let (page_limit, watch) = (Arc::new(AtomicU32::new(0)), Arc::new(writer::TxWatch::default()));
        let writer = writer::open_writer(&options, page_limit.clone(), watch.clone())
            .await
            .with_context(|| open::cannot_open(&path))?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&writer)
            .await
            .context("could not bring the database schema up to date")?;
        let pool = open(READERS).await.with_context(|| open::cannot_open(&path))?;
        let file = Arc::new(writer::FileIdentity::of(&path));
        let writes_queued = Arc::new(AtomicBool::new(false));
        checkpoint::spawn_checkpointer(writer.clone(), pool.clone(), file.clone(), writes_queued.clone());
        let notices_pending = Arc::new(AtomicBool::new(true));
        let store = Store { pool, writer, notices_pending, page_limit, file, watch, writes_queued };
        store.refresh_notices_pending().await?;
        Ok(store)
    }

    pub(super) async fn begin(&self) -> Result<Tx, sqlx::Error> {
        let inner = self.writer()?.begin().await?;
        Ok(Tx { inner, token: self.watch.opened(), watch: self.watch.clone() })
    }

    /// Writes waited behind the writer: the next checkpoint does its bulk beside the writer.
    pub(super) fn note_queued_writes(&self, waiting: usize) {
        if waiting > 0 {
            self.writes_queued.store(true, Ordering::Relaxed);
        }
    }

    /// The writer pool, once the file is known to be the one that was opened.
    fn writer(&self) -> Result<&SqlitePool, sqlx::Error> {
        self.file.check()?;
        Ok(&self.writer)
    }

    /// Fault injection for tests: caps the file at `pages` pages (`Some(0)`: no growth from its
    /// current size) on the writer and on every writer connection opened later, as a full disk
    /// would; `None` lifts the cap. SQLite then answers "database or disk is full".
    #[doc(hidden)]
    pub(super) async fn limit_file_pages(&self, pages: Option<u32>) -> Result<(), sqlx::Error> {
        let pages = pages.map_or(0, |p| p.max(1));
        self.page_limit.store(pages, Ordering::Relaxed);
        let mut conn = self.writer.acquire().await?;
        writer::apply_page_limit(&mut conn, pages).await
    }

    /// Closes every connection, letting SQLite checkpoint the WAL cleanly.
    pub(super) async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

fn create_parent_folder(file: &Path) -> anyhow::Result<()> {
    let is_memory = file.as_os_str().is_empty() || file.to_string_lossy().starts_with(':');
    match file.parent() {
        Some(parent) if !is_memory && !parent.as_os_str().is_empty() && !parent.exists() => {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("could not create the database folder {}", parent.display()))
        }
        _ => Ok(()),
    }
}
