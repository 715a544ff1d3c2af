//! The only place with SQL. `Store` is one of two stores, chosen by the database URL: SQLite
//! (`sqlite/`, the embedded default: one file, one process) or PostgreSQL (`postgres/`, for
//! deployments with several replicas). Both take and return the same values (`model/`), every
//! call is forwarded through one list (`dispatch.rs`), and what is built from several calls is
//! written once (`compose.rs`), so `App` and everything above it never learn which store runs.
//!
//! Each store has its own migrations (`migrations/sqlite/`, `migrations/postgres/`) and its own
//! compile-checked queries; the committed `.sqlx/` data holds both, so a fresh clone builds with
//! no database. The `sqlite` and `postgres` features (both on by default) exist so that each
//! store's queries can be prepared against its own database (see `ARCHITECTURE.md`).

#[cfg(not(any(feature = "sqlite", feature = "postgres")))]
compile_error!("backend-mentor needs at least one store: enable the `sqlite` or `postgres` feature");

mod compose;
mod dispatch;
mod lease;
mod model;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use lease::Lease;
pub use model::*;

/// The database handle every `App` call uses.
#[derive(Clone)]
pub struct Store(Backend);

#[derive(Clone)]
enum Backend {
    #[cfg(feature = "sqlite")]
    Sqlite(sqlite::Store),
    #[cfg(feature = "postgres")]
    Postgres(postgres::Store),
}

/// A write transaction: `App` runs a check-in or a correction as one, so the day row, the
/// streak record and the period totals always agree. Code holding a `Tx` writes only through it
/// (on SQLite no other write in the process can start while it is open).
pub struct Tx(TxBackend);

enum TxBackend {
    #[cfg(feature = "sqlite")]
    Sqlite(sqlite::Tx),
    #[cfg(feature = "postgres")]
    Postgres(postgres::Tx),
}

/// Whether the database itself ended the failed transaction to break a deadlock between
/// concurrent writers (PostgreSQL's SQLSTATE 40P01; SQLite, with one writer, never does). Such a
/// transaction was rolled back whole, so running it again cannot count anything twice.
pub fn ended_by_deadlock(error: &crate::error::Error) -> bool {
    let crate::error::Error::Internal(e) = error else { return false };
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<sqlx::Error>())
        .any(|e| e.as_database_error().and_then(|d| d.code()).as_deref() == Some("40P01"))
}

/// Whether the URL names a PostgreSQL server rather than a SQLite file.
pub fn is_postgres_url(url: &str) -> bool {
    let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
    scheme == "postgres" || scheme == "postgresql"
}

impl Store {
    /// Opens the store the URL names and brings its schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        if is_postgres_url(url) {
            #[cfg(feature = "postgres")]
            return Ok(Store(Backend::Postgres(postgres::Store::connect(url).await?)));
            #[cfg(not(feature = "postgres"))]
            anyhow::bail!("this build of backend-mentor has no PostgreSQL support (the `postgres` feature is off)");
        }
        #[cfg(feature = "sqlite")]
        return Ok(Store(Backend::Sqlite(sqlite::Store::connect(url).await?)));
        #[cfg(not(feature = "sqlite"))]
        anyhow::bail!("this build of backend-mentor has no SQLite support (the `sqlite` feature is off)");
    }

    /// How many write transactions are worth running at once: one on SQLite, which has one
    /// writer; on PostgreSQL half the pool, so reads still find a connection while writes queue.
    pub fn write_lanes(&self) -> usize {
        match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(_) => 1,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => postgres::WRITE_LANES,
        }
    }

    /// Tells the store that `waiting` writes queued behind the one just made. SQLite then moves
    /// the bulk of its next checkpoint off the writer (`sqlite/checkpoint.rs`); PostgreSQL has
    /// nothing to adjust.
    pub fn note_queued_writes(&self, waiting: usize) {
        match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(store) => store.note_queued_writes(waiting),
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => {
                let _ = waiting;
            }
        }
    }

    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(Tx(match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(store) => TxBackend::Sqlite(store.begin().await?),
            #[cfg(feature = "postgres")]
            Backend::Postgres(store) => TxBackend::Postgres(store.begin().await?),
        }))
    }

    /// Closes every connection (on SQLite, letting it checkpoint the WAL cleanly).
    pub async fn close(&self) {
        match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(store) => store.close().await,
            #[cfg(feature = "postgres")]
            Backend::Postgres(store) => store.close().await,
        }
    }

    /// Fault injection for tests, SQLite only: caps the file at `pages` pages as a full disk
    /// would (see `sqlite::Store::limit_file_pages`).
    #[doc(hidden)]
    pub async fn limit_file_pages(&self, pages: Option<u32>) -> Result<(), sqlx::Error> {
        match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(store) => store.limit_file_pages(pages).await,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => {
                let _ = pages;
                Err(sqlx::Error::Configuration("a page limit is a SQLite fault".into()))
            }
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0 {
            #[cfg(feature = "sqlite")]
            TxBackend::Sqlite(tx) => tx.commit().await,
            #[cfg(feature = "postgres")]
            TxBackend::Postgres(tx) => tx.commit().await,
        }
    }
}
