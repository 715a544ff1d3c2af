//! The PostgreSQL store, for deployments that run several replicas on one database: an sqlx
//! pool, one file per table as in `sqlite/`, returning the values of `storage::model`.
//!
//! Replicas share nothing but this database, so nothing here is cached in the process: the
//! "your direct messages are closed" notice is one conditional update, and exactly-once claims
//! rest on primary keys (`INSERT ... ON CONFLICT DO NOTHING` has one winner across processes).
//! Writes that change a member's days lock the member row first, so a check-in and a
//! moderator's correction of the same member on two replicas run one after the other.
//! Migrations under `migrations/postgres/` are embedded and run at start; sqlx holds an
//! advisory lock while they run, so replicas starting together apply them once.

mod board_rows;
mod boards;
mod checkin_context;
mod checkins;
mod corrections;
mod deliveries;
mod export;
mod export_nudges;
mod groups;
mod lease;
mod members;
mod moderators;
mod nudges;
mod period_totals;
mod privacy;
mod probe;
mod progress;
mod schedules;
mod spaces;
mod streaks;

pub(crate) use lease::Lease;

use anyhow::Context;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgPool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Connections per replica: the whole pool of one process. PostgreSQL's default of 100
/// connections leaves room for several replicas.
const CONNECTIONS: u32 = 16;

/// Write transactions one replica runs at once (`Store::write_lanes`): half its connections.
pub(super) const WRITE_LANES: usize = CONNECTIONS as usize / 2;

/// A pooled connection idle at least this long is pinged before it is handed out. sqlx already
/// pings every connection as it comes back to the pool, so one that was used a moment ago is
/// known to be alive; sqlx's default, a second ping on every acquire, cost a round trip to the
/// server before each store call and each transaction (two of a check-in's nine). A connection
/// that stays idle longer may have been cut by a server restart or a proxy's idle timeout.
const PING_IF_IDLE_FOR: Duration = Duration::from_secs(10);

/// A write transaction on one pooled connection.
pub(crate) struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Postgres>,
}

impl Tx {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.inner.commit().await
    }
}

#[derive(Clone)]
pub(crate) struct Store {
    pool: PgPool,
    /// For connections outside the pool (the scheduled-sends lease).
    options: Arc<PgConnectOptions>,
}

impl Store {
    /// Connects to the server at `url` and brings its schema up to date. Errors name the
    /// server's host, never the URL, which carries the password.
    pub(crate) async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = PgConnectOptions::from_str(url)
            .context("DATABASE_URL is not a PostgreSQL URL (expected postgres://user@host/database)")?;
        let server = format!("{}:{}", options.get_host(), options.get_port());
        let cannot_connect = || format!("could not connect to the PostgreSQL server at {server}");
        // One connection first: its error says why (refused, unknown host, bad password), where
        // the pool would only report that it timed out retrying.
        options.connect().await.with_context(cannot_connect)?.close().await.ok();
        let pool = PgPoolOptions::new()
            .max_connections(CONNECTIONS)
            .acquire_timeout(Duration::from_secs(5))
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= PING_IF_IDLE_FOR {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(options.clone())
            .await
            .with_context(cannot_connect)?;
        sqlx::migrate!("./migrations/postgres")
            .run(&pool)
            .await
            .context("could not bring the database schema up to date")?;
        Ok(Store { pool, options: Arc::new(options) })
    }

    pub(crate) async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(Tx { inner: self.pool.begin().await? })
    }

    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}
