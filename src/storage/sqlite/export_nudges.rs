//! The nudge part of `/privacy export`: the member's nudge settings and the log of nudges sent
//! to them, whose target is the member id as text. Kept apart from `export.rs` for length.

use super::Store;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};

impl Store {
    pub(in crate::storage) async fn export_nudges(&self, member_id: i64) -> Result<Option<ExportNudges>, sqlx::Error> {
        sqlx::query_as!(
            ExportNudges,
            r#"SELECT local_time, weekdays AS weekdays_bits, snooze_until AS "snoozed_through: NaiveDate",
                      dm_closed_at AS "direct_messages_closed_at: DateTime<Utc>",
                      dm_closed_notified AS "told_about_closed_direct_messages: bool",
                      direct_channel_id,
                      updated_at AS "updated_at: DateTime<Utc>"
               FROM nudge_settings WHERE member_id = ?"#,
            member_id
        )
        .fetch_optional(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_deliveries(
        &self,
        member_id: i64,
    ) -> Result<Vec<ExportDelivery>, sqlx::Error> {
        let target = member_id.to_string();
        sqlx::query_as!(
            ExportDelivery,
            r#"SELECT local_date AS "date: NaiveDate", status, claimed_at AS "claimed_at: DateTime<Utc>", claimed_by,
                      detail
               FROM deliveries WHERE kind = 'nudge' AND target = ? ORDER BY local_date"#,
            target
        )
        .fetch_all(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_periods(&self, member_id: i64) -> Result<Vec<ExportPeriod>, sqlx::Error> {
        sqlx::query_as!(
            ExportPeriod,
            r#"SELECT period, period_start AS starts, days, minutes
               FROM period_totals WHERE member_id = ? ORDER BY period"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }
}
