//! Helpers shared by the integration tests: an `App` over the embedded content and a real SQLite
//! file in a temporary folder, and fixed instants so no test depends on the clock.

use backend_mentor::app::App;
use backend_mentor::content::ContentSource;
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
}

impl TestApp {
    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.dir.path().join("mentor.db").display())
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

async fn open_app_and_store(url: &str, zone: Timezone) -> (App, Store) {
    let content = ContentSource::Embedded
        .load(&backend_mentor::startup::render_limits())
        .expect("the bundled content passes its checks");
    let store = Store::connect(url).await.expect("the test database opens");
    (App::new(Arc::new(content), store.clone(), zone), store)
}

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", dir.path().join("mentor.db").display());
    let (app, store) = open_app_and_store(&url, Timezone::UTC).await;
    TestApp { app, store, dir }
}

/// A fixed instant in UTC.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("a valid instant")
}
