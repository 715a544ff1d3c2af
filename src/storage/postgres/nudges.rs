//! Nudge settings per member: turned on and off, the active ones read back as domain types for
//! the due list, and the "direct messages are closed" mark with its one-time notice.

use super::Store;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::MemberRef;
use crate::storage::model::columns::*;
use crate::storage::model::{decode, *};
use chrono::{DateTime, NaiveDate, Utc};

impl Store {
    pub(crate) async fn set_nudges(
        &self,
        member: &MemberRef,
        (time, days): (LocalTime, Weekdays),
        snooze_until: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let member_id = self.member_id(member, now).await?;
        let (local_time, weekdays) = (time.to_hhmm(), i64::from(days.bits()));
        sqlx::query!(
            r#"INSERT INTO nudge_settings (member_id, local_time, weekdays, snooze_until, updated_at)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (member_id) DO UPDATE SET local_time = excluded.local_time, weekdays = excluded.weekdays,
                   snooze_until = excluded.snooze_until, dm_closed_at = NULL, dm_closed_notified = FALSE,
                   updated_at = excluded.updated_at"#,
            member_id,
            local_time,
            weekdays,
            snooze_until,
            now,
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(crate) async fn nudges_off(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let result = sqlx::query!(
            r#"DELETE FROM nudge_settings WHERE member_id =
                   (SELECT id FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $3)"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// Every member whose nudges are on and whose direct messages are open.
    pub(crate) async fn active_nudges(&self) -> Result<Vec<NudgeRow>, sqlx::Error> {
        let rows = sqlx::query_as!(
            NudgeColumns,
            r#"SELECT n.member_id AS "member_id!: i64", m.platform, m.space_id, m.user_id, n.local_time, n.weekdays,
                      n.snooze_until AS "snooze_until: NaiveDate",
                      COALESCE(m.timezone, s.default_timezone) AS "timezone: String", n.direct_channel_id
               FROM nudge_settings n
               JOIN members m ON m.id = n.member_id
               LEFT JOIN spaces s ON (s.platform, s.space_id) = (m.platform, m.space_id)
               WHERE n.dm_closed_at IS NULL"#
        )
        .fetch_all(&self.pool)
        .await?;
        let mut decoder = NudgeDecoder::default();
        Ok(rows.into_iter().filter_map(|row| decoder.decode(row)).collect())
    }

    /// The member's nudge time, days and snooze, when their nudges are on.
    pub(crate) async fn member_nudges(
        &self,
        member: &MemberRef,
    ) -> Result<Option<(LocalTime, Weekdays, Option<NaiveDate>)>, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            r#"SELECT n.local_time, n.weekdays, n.snooze_until AS "snooze_until: NaiveDate"
               FROM nudge_settings n JOIN members m ON m.id = n.member_id
               WHERE m.platform = $1 AND m.space_id = $2 AND m.user_id = $3"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        // A stored time that no longer reads is a setting lost, not a failure: nudges read off.
        Ok(row.and_then(|r| Some((decode::local_time(&r.local_time)?, decode::weekdays(r.weekdays), r.snooze_until))))
    }

    /// Holds the member's nudges back through `through`, keeping their time and days; false
    /// when their nudges are off.
    pub(crate) async fn snooze_nudges(
        &self,
        member: &MemberRef,
        through: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let result = sqlx::query!(
            r#"UPDATE nudge_settings SET snooze_until = $1, updated_at = $2 WHERE member_id =
                   (SELECT id FROM members WHERE platform = $3 AND space_id = $4 AND user_id = $5)"#,
            through,
            now,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// Keeps the direct-message channel a nudge opened for the member.
    pub(crate) async fn set_direct_channel(&self, member_id: i64, channel_id: &str) -> Result<(), sqlx::Error> {
        sqlx::query!("UPDATE nudge_settings SET direct_channel_id = $1 WHERE member_id = $2", channel_id, member_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records that the member's direct messages are closed: nudges stop until turned on again.
    pub(crate) async fn mark_dm_closed(&self, member_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        sqlx::query!(
            "UPDATE nudge_settings SET dm_closed_at = $1, dm_closed_notified = FALSE WHERE member_id = $2",
            now,
            member_id
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// True once after direct messages were found closed, so the member is told exactly once,
    /// by whichever replica serves their next command: one conditional update, and no cache in
    /// the process that another replica's mark could leave stale. An update that matches no row
    /// writes nothing.
    pub(crate) async fn take_dm_closed_notice(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let taken = sqlx::query_scalar!(
            r#"UPDATE nudge_settings n SET dm_closed_notified = TRUE FROM members m
               WHERE m.id = n.member_id AND m.platform = $1 AND m.space_id = $2 AND m.user_id = $3
                 AND n.dm_closed_at IS NOT NULL AND NOT n.dm_closed_notified
               RETURNING n.member_id"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(taken.is_some())
    }
}
