//! Claims for scheduled sends. A claim row is written before anything is sent; its primary key
//! (kind, target, local date) makes a second send impossible however many ticks, restarts or
//! scheduler instances there are.

use super::Store;
use crate::storage::model::*;
use chrono::{DateTime, Utc};

impl Store {
    pub(in crate::storage) async fn insert_delivery(
        &self,
        key: &DeliveryKey,
        status: &str,
        instance: &str,
        detail: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let kind = key.kind.as_str();
        let result = sqlx::query!(
            r#"INSERT INTO deliveries (kind, target, local_date, status, claimed_at, claimed_by, detail)
               VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING"#,
            kind,
            key.target,
            key.local_date,
            status,
            now,
            instance,
            detail,
        )
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Settles a claim as sent or failed, with a detail (the prompt posted, why it failed).
    pub(crate) async fn settle_delivery(&self, key: &DeliveryKey, sent: bool, detail: &str) -> Result<(), sqlx::Error> {
        let (kind, status) = (key.kind.as_str(), if sent { "sent" } else { "failed" });
        sqlx::query!(
            "UPDATE deliveries SET status = $1, detail = $2 WHERE kind = $3 AND target = $4 AND local_date = $5",
            status,
            detail,
            kind,
            key.target,
            key.local_date,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Gives a claim back after a failure that certainly sent nothing, so a later tick retries.
    pub(crate) async fn release_delivery(&self, key: &DeliveryKey) -> Result<(), sqlx::Error> {
        let kind = key.kind.as_str();
        sqlx::query!(
            "DELETE FROM deliveries WHERE kind = $1 AND target = $2 AND local_date = $3 AND status = 'claimed'",
            kind,
            key.target,
            key.local_date,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Claims older than `before` were interrupted (a crash between claim and send). Whether the
    /// send happened is unknown, so they are settled as failed, never sent again; returns them.
    pub(crate) async fn expire_stale_claims(
        &self,
        before: DateTime<Utc>,
    ) -> Result<Vec<(String, String, String)>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"UPDATE deliveries SET status = 'failed', detail = 'interrupted between claim and send'
               WHERE status = 'claimed' AND claimed_at < $1
               RETURNING kind, target, local_date::TEXT AS "local_date!""#,
            before,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.kind, r.target, r.local_date)).collect())
    }

    /// Gives back the claims other instances of `platform`'s scheduler made at or after `since`
    /// and never settled (their instance lost the send lease), so they can be sent again;
    /// returns them. Prompt targets start with the platform; nudge targets are member ids.
    pub(crate) async fn release_abandoned_claims(
        &self,
        platform: &str,
        instance: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<(String, String, String)>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"DELETE FROM deliveries
               WHERE status = 'claimed' AND claimed_by <> $2 AND claimed_at >= $3
                 AND ((kind = 'prompt' AND target LIKE $1 || ':%')
                   OR (kind = 'nudge' AND target IN (SELECT id::TEXT FROM members WHERE platform = $1)))
               RETURNING kind, target, local_date::TEXT AS "local_date!""#,
            platform,
            instance,
            since,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.kind, r.target, r.local_date)).collect())
    }
}
