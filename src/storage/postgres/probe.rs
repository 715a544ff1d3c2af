//! The write-path check behind `/healthz`: one small upsert, so a store that answers reads but
//! takes no write does not look healthy.

use super::Store;

impl Store {
    /// Rewrites this instance's probe row.
    pub(crate) async fn probe_write(&self, instance: &str, now_unix: i64) -> Result<(), sqlx::Error> {
        sqlx::query!(
            r#"INSERT INTO health_probes (instance, checked_at) VALUES ($1, $2)
               ON CONFLICT (instance) DO UPDATE SET checked_at = excluded.checked_at"#,
            instance,
            now_unix,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl super::Tx {
    /// Fault injection for tests: holds the probe table's writes until the transaction ends.
    pub(crate) async fn hold_probe_writes(&mut self) -> Result<(), sqlx::Error> {
        // Held until the transaction ends: every other session's probe write waits on it.
        sqlx::query!("LOCK TABLE health_probes IN ACCESS EXCLUSIVE MODE").execute(&mut *self.inner).await?;
        Ok(())
    }
}
