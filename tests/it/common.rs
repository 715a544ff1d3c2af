//! Helpers shared by the integration tests: an `App` over the embedded content and a real store,
//! and fixed instants so no test depends on the clock.
//!
//! `spawn_app` is the contract suite's store: a SQLite file in a temporary folder, or, with
//! `MENTOR_TEST_STORE=postgres`, a database of its own on the PostgreSQL server that
//! `MENTOR_TEST_POSTGRES_URL` names (`.ci/with-postgres` starts a throwaway one and sets both).
//! Tests of SQLite's own faults and files use `spawn_sqlite_app`.

use backend_mentor::app::App;
use backend_mentor::content::{Content, ContentSource};
use backend_mentor::domain::Timezone;
use backend_mentor::storage::Store;
use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;
use tempfile::TempDir;

/// An app, its store (for tests that set up or inspect rows the way no user action does), and
/// the folder holding its database file (dropped with the test).
pub struct TestApp {
    pub app: App,
    pub store: Store,
    pub dir: TempDir,
    url: String,
}

impl TestApp {
    pub fn database_url(&self) -> String {
        self.url.clone()
    }

    /// A second `App` over the same database file, as after a restart.
    pub async fn restart(&self) -> App {
        self.app.close().await;
        open_app(&self.database_url(), Timezone::UTC).await
    }
}

pub async fn open_app(url: &str, zone: Timezone) -> App {
    open_app_and_store(url, zone).await.0
}

/// The content bundled into the binary, checked against the platforms' limits as a start does.
pub fn bundled_content() -> Arc<Content> {
    let limits = backend_mentor::startup::render_limits();
    Arc::new(ContentSource::Embedded.load(&limits).expect("the bundled content passes its checks"))
}

async fn open_app_and_store(url: &str, zone: Timezone) -> (App, Store) {
    let store = Store::connect(url).await.expect("the test database opens");
    (App::new(bundled_content(), store.clone(), zone), store)
}

/// An app on the contract suite's store (see the module comment).
pub async fn spawn_app() -> TestApp {
    match std::env::var("MENTOR_TEST_STORE").as_deref() {
        Ok("postgres") => spawn_postgres_app().await,
        Ok("sqlite") | Err(_) => spawn_sqlite_app().await,
        Ok(other) => panic!("MENTOR_TEST_STORE is {other:?}; expected sqlite or postgres"),
    }
}

/// An app on a SQLite file in a temporary folder, whatever the contract suite's store.
pub async fn spawn_sqlite_app() -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", dir.path().join("mentor.db").display());
    let (app, store) = open_app_and_store(&url, Timezone::UTC).await;
    TestApp { app, store, dir, url }
}

/// An app on a new, empty database of the test PostgreSQL server.
async fn spawn_postgres_app() -> TestApp {
    let url = fresh_postgres_database().await;
    let (app, store) = open_app_and_store(&url, Timezone::UTC).await;
    TestApp { app, store, dir: tempfile::tempdir().expect("a temporary folder"), url }
}

/// Creates a database no other test uses and returns its URL. The server is throwaway, so the
/// databases are removed with it.
pub async fn fresh_postgres_database() -> String {
    use sqlx::{Connection, Executor};
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let admin = std::env::var("MENTOR_TEST_POSTGRES_URL")
        .expect("MENTOR_TEST_POSTGRES_URL names the test PostgreSQL server (see .ci/with-postgres)");
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("mentor_test_{}_{n}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("the test PostgreSQL server answers");
    conn.execute(format!("DROP DATABASE IF EXISTS {name}").as_str()).await.expect("an old test database is dropped");
    conn.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("a test database is created");
    let (base, _) = admin.rsplit_once('/').expect("the URL names a database");
    format!("{base}/{name}")
}

/// A fixed instant in UTC.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("a valid instant")
}

/// Another process holding the store's write lock, as a backup tool or a second mentor would:
/// on SQLite an immediate transaction, on PostgreSQL the tables a check-in writes locked
/// against writes (reads still run). Writes wait until `release`.
pub enum OtherProcessLock {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl OtherProcessLock {
    pub async fn take(url: &str) -> Self {
        use sqlx::Connection;
        if backend_mentor::storage::is_postgres_url(url) {
            let mut conn = sqlx::PgConnection::connect(url).await.expect("a second connection");
            sqlx::raw_sql("BEGIN; LOCK TABLE members, checkins IN EXCLUSIVE MODE")
                .execute(&mut conn)
                .await
                .expect("the tables locked");
            return OtherProcessLock::Postgres(conn);
        }
        let mut conn = sqlx::SqliteConnection::connect(url).await.expect("a second connection");
        sqlx::raw_sql("BEGIN IMMEDIATE").execute(&mut conn).await.expect("the write lock");
        OtherProcessLock::Sqlite(conn)
    }

    pub async fn release(self) {
        let rolled_back = match self {
            OtherProcessLock::Sqlite(mut conn) => sqlx::raw_sql("ROLLBACK").execute(&mut conn).await.map(drop),
            OtherProcessLock::Postgres(mut conn) => sqlx::raw_sql("ROLLBACK").execute(&mut conn).await.map(drop),
        };
        rolled_back.expect("the lock released");
    }
}
