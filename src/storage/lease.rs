//! Which replica makes the scheduled sends. The platforms' rate limits are per bot token, so the
//! sends of all replicas together must stay under one rate; the simplest honest way is that one
//! replica at a time sends, paced by its own `Pacer`. On PostgreSQL that replica holds a
//! session advisory lock on a connection of its own: the server gives the lock back the moment
//! that connection ends (a crash, a SIGKILL, a lost network), and another replica takes it at
//! its next tick. On SQLite (one process on one file) the process always leads.
//!
//! Claims stay the guarantee of exactly once; the lease only keeps the combined rate honest.

use super::{Backend, Store};

/// This process's right to make the scheduled sends named when it was taken.
pub struct Lease(LeaseBackend);

enum LeaseBackend {
    #[cfg(feature = "sqlite")]
    Process,
    #[cfg(feature = "postgres")]
    Postgres(super::postgres::Lease),
}

impl Store {
    /// Takes the lease called `name` when no other process holds it; `None` when one does.
    pub async fn try_lease(&self, name: &str) -> Result<Option<Lease>, sqlx::Error> {
        match &self.0 {
            #[cfg(feature = "sqlite")]
            Backend::Sqlite(_) => {
                let _ = name;
                Ok(Some(Lease(LeaseBackend::Process)))
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(store) => {
                Ok(store.try_lease(name).await?.map(|lease| Lease(LeaseBackend::Postgres(lease))))
            }
        }
    }
}

impl Lease {
    /// Whether the lease is still this process's (on PostgreSQL: its connection still answers).
    pub async fn still_held(&mut self) -> bool {
        match &mut self.0 {
            #[cfg(feature = "sqlite")]
            LeaseBackend::Process => true,
            #[cfg(feature = "postgres")]
            LeaseBackend::Postgres(lease) => lease.still_held().await,
        }
    }
}
