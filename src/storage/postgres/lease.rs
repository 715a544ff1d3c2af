//! The scheduled-sends lease on PostgreSQL (see `storage/lease.rs`): a session advisory lock,
//! held on a connection outside the pool so that closing the pool never waits for it and the
//! lock ends exactly when that connection does.

use super::Store;
use sqlx::{ConnectOptions, Connection, PgConnection};

pub(crate) struct Lease {
    connection: PgConnection,
}

impl Store {
    pub(crate) async fn try_lease(&self, name: &str) -> Result<Option<Lease>, sqlx::Error> {
        let mut connection = self.options.connect().await?;
        let taken = sqlx::query_scalar!(
            r#"SELECT pg_try_advisory_lock(hashtextextended('backend-mentor lease ' || $1, 0)) AS "taken!""#,
            name
        )
        .fetch_one(&mut connection)
        .await?;
        if taken {
            return Ok(Some(Lease { connection }));
        }
        connection.close().await.ok();
        Ok(None)
    }
}

impl Lease {
    pub(crate) async fn still_held(&mut self) -> bool {
        self.connection.ping().await.is_ok()
    }
}
