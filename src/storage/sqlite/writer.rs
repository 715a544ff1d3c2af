//! The writer connection, and what keeps it honest after a fault.
//!
//! On some errors (a full disk, an I/O error, out of memory) SQLite rolls a transaction back by
//! itself. sqlx's own ROLLBACK then fails, and its count of open transactions stays at one, so
//! the next `begin()` on that connection would open a SAVEPOINT instead of a transaction: from
//! then on a commit only releases a savepoint, a rollback to it leaves the real transaction open,
//! the write lock is never given back and every later "committed" write is lost at exit. So
//! whenever the writer is given back to its pool, its transaction state is checked, both as sqlx
//! counts it and as SQLite reports it; a connection that is inside a transaction (or whose state
//! cannot be read) is closed, logged, and replaced by a fresh one on the next write.
//!
//! Reading SQLite's own state costs a round trip to the connection's worker thread, which on a
//! busy writer is a good share of a check-in. So it is skipped when the connection comes back
//! from a transaction that committed (`TxWatch`) and sqlx counts no transaction: SQLite is then
//! known to be in autocommit. Any other return (a dropped or failed transaction) is checked.

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Connection, SqliteConnection, SqlitePool};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

/// SQLite's own default for `max_page_count`.
const UNLIMITED_PAGES: u32 = 4_294_967_294;

/// Opens the one-connection writer pool. `page_limit` (0: none) caps the file on every writer
/// connection, for fault-injection tests.
pub(super) async fn open_writer(
    options: &SqliteConnectOptions,
    page_limit: Arc<AtomicU32>,
    watch: Arc<TxWatch>,
) -> Result<SqlitePool, sqlx::Error> {
    SqlitePoolOptions::new()
        .min_connections(1)
        .max_connections(1)
        // A local file's connection does not go stale: no ping before each use.
        .test_before_acquire(false)
        .after_connect(move |conn, _| {
            let pages = page_limit.load(Ordering::Relaxed);
            Box::pin(async move { apply_page_limit(conn, pages).await })
        })
        .after_release(move |conn, _| {
            let watch = watch.clone();
            Box::pin(async move { Ok(watch.returned_clean(conn).await) })
        })
        .connect_with(options.clone())
        .await
}

/// Which write transaction, if any, has not been seen to commit. A token is set when a
/// transaction has begun (the connection is then held, so no release is in flight) and cleared
/// only by that transaction's successful commit.
#[derive(Default)]
pub(super) struct TxWatch {
    next: AtomicU64,
    open: AtomicU64,
}

impl TxWatch {
    /// Marks a transaction as begun; its commit hands the token back to `committed`.
    pub(super) fn opened(&self) -> u64 {
        let token = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        self.open.store(token, Ordering::SeqCst);
        token
    }

    pub(super) fn committed(&self, token: u64) {
        let _ = self.open.compare_exchange(token, 0, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// Whether the connection may be used again: free after a commit, else SQLite is asked.
    async fn returned_clean(&self, conn: &mut SqliteConnection) -> bool {
        let open = self.open.load(Ordering::SeqCst);
        if open == 0 && !conn.is_in_transaction() {
            return true;
        }
        let clean = outside_any_transaction(conn).await;
        if clean {
            let _ = self.open.compare_exchange(open, 0, Ordering::SeqCst, Ordering::SeqCst);
        }
        clean
    }
}

/// True when the connection holds no transaction, as sqlx counts it and as SQLite knows it.
async fn outside_any_transaction(conn: &mut SqliteConnection) -> bool {
    // Taking the handle goes through the connection's worker, so a rollback that a dropped
    // transaction queued has run by the time the state is read.
    let sqlite_in_transaction = match conn.lock_handle().await {
        // SAFETY: the handle is a live connection, locked for this thread for the call, and
        // `sqlite3_get_autocommit` only reads its state.
        Ok(mut handle) => unsafe { libsqlite3_sys::sqlite3_get_autocommit(handle.as_raw_handle().as_ptr()) == 0 },
        Err(e) => {
            tracing::error!(error = %e, "could not read the writer connection's state; replacing the connection");
            return false;
        }
    };
    let counted_in_transaction = conn.is_in_transaction();
    if sqlite_in_transaction || counted_in_transaction {
        tracing::error!(
            sqlite_in_transaction,
            counted_in_transaction,
            "the writer connection was left inside a transaction after an error (SQLite may have rolled it back \
             itself, as it does when the disk is full); it is closed and the next write opens a fresh one"
        );
        return false;
    }
    true
}

/// Sets `max_page_count` (0: SQLite's default). SQLite never lowers it below the file's
/// current size, so 1 means "no growth from here".
pub(super) async fn apply_page_limit(conn: &mut SqliteConnection, pages: u32) -> Result<(), sqlx::Error> {
    let pages = if pages == 0 { UNLIMITED_PAGES } else { pages };
    let pragma = format!("PRAGMA max_page_count = {pages}");
    sqlx::Executor::execute(conn, pragma.as_str()).await.map(|_| ())
}

/// The database file as it was opened. SQLite keeps writing to a file that was deleted or
/// replaced under it (its descriptor still points at the old one), so every write first checks
/// that the path still names the same file; once it does not, writes are refused for good, with
/// an error that says why, instead of being acknowledged into a file nobody will open again.
pub(super) struct FileIdentity {
    path: Option<PathBuf>,
    original: Option<(u64, u64)>,
    lost: AtomicBool,
}

impl FileIdentity {
    /// Reads the identity of the file now; an in-memory database has none to check.
    pub(super) fn of(path: &Path) -> Self {
        let is_memory = path.as_os_str().is_empty() || path.to_string_lossy().starts_with(':');
        let path = (!is_memory).then(|| path.to_path_buf());
        let original = path.as_deref().and_then(identity);
        FileIdentity { path, original, lost: AtomicBool::new(false) }
    }

    /// Fails when the file was deleted or replaced since it was opened.
    pub(super) fn check(&self) -> Result<(), sqlx::Error> {
        let Some(path) = &self.path else { return Ok(()) };
        if !self.lost.load(Ordering::Relaxed) && identity(path) == self.original {
            return Ok(());
        }
        if !self.lost.swap(true, Ordering::Relaxed) {
            tracing::error!(
                file = %path.display(),
                "the database file was deleted or replaced while the mentor was running; every write is refused \
                 from now on, so nothing is acknowledged into a file that is gone. Restore the file and restart"
            );
        }
        Err(sqlx::Error::Io(std::io::Error::other(format!(
            "the database file {} was deleted or replaced while running; writes are refused until a restart",
            path.display()
        ))))
    }
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().map(|m| (m.len().min(1), 0))
}
