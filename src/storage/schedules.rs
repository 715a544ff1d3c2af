//! Prompt schedules per space and nudge settings per member.

use super::Store;
use crate::domain::{MemberRef, SpaceRef};
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::atomic::Ordering;

/// A space's prompt schedule as stored; the app turns the text into domain types.
#[derive(Debug, Clone)]
pub struct PromptScheduleRow {
    pub platform: String,
    pub space_id: String,
    pub channel_id: String,
    pub local_time: String,
    pub timezone: String,
    pub weekdays: i64,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub rotation_seed: i64,
    pub posts_made: i64,
}

/// The schedule to store for a space.
pub struct NewPromptSchedule<'a> {
    pub channel_id: &'a str,
    pub local_time: &'a str,
    pub timezone: &'a str,
    pub weekdays: i64,
    pub rotation_seed: i64,
}

impl Store {
    pub async fn set_prompt_schedule(
        &self,
        space: &SpaceRef,
        schedule: NewPromptSchedule<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        sqlx::query!(
            r#"INSERT INTO prompt_schedules
                   (platform, space_id, channel_id, local_time, timezone, weekdays, enabled, rotation_seed, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
               ON CONFLICT (platform, space_id) DO UPDATE SET channel_id = excluded.channel_id,
                   local_time = excluded.local_time, timezone = excluded.timezone, weekdays = excluded.weekdays,
                   enabled = 1, disabled_reason = NULL, updated_at = excluded.updated_at"#,
            platform,
            space.space_id,
            schedule.channel_id,
            schedule.local_time,
            schedule.timezone,
            schedule.weekdays,
            schedule.rotation_seed,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }

    /// Stops posting: by a moderator (no reason) or by itself after a permanent failure.
    pub async fn disable_prompt_schedule(&self, space: &SpaceRef, reason: Option<&str>) -> Result<bool, sqlx::Error> {
        let platform = space.platform.as_str();
        let result = sqlx::query!(
            "UPDATE prompt_schedules SET enabled = 0, disabled_reason = ? WHERE platform = ? AND space_id = ?",
            reason,
            platform,
            space.space_id,
        )
        .execute(self.writer()?)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    pub async fn prompt_schedule(&self, space: &SpaceRef) -> Result<Option<PromptScheduleRow>, sqlx::Error> {
        let platform = space.platform.as_str();
        sqlx::query_as!(
            PromptScheduleRow,
            r#"SELECT platform, space_id, channel_id, local_time, timezone, weekdays,
                      enabled AS "enabled: bool", disabled_reason, rotation_seed, posts_made
               FROM prompt_schedules WHERE platform = ? AND space_id = ?"#,
            platform,
            space.space_id,
        )
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn enabled_prompt_schedules(&self) -> Result<Vec<PromptScheduleRow>, sqlx::Error> {
        sqlx::query_as!(
            PromptScheduleRow,
            r#"SELECT platform, space_id, channel_id, local_time, timezone, weekdays,
                      enabled AS "enabled: bool", disabled_reason, rotation_seed, posts_made
               FROM prompt_schedules WHERE enabled = 1"#
        )
        .fetch_all(&self.pool)
        .await
    }

    pub async fn count_prompt_posted(&self, space: &SpaceRef) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        sqlx::query!(
            "UPDATE prompt_schedules SET posts_made = posts_made + 1 WHERE platform = ? AND space_id = ?",
            platform,
            space.space_id,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }
}

/// A member's nudge setting with what is needed to decide whether it is due.
#[derive(Debug, Clone)]
pub struct NudgeRow {
    pub member_id: i64,
    pub platform: String,
    pub space_id: String,
    pub user_id: String,
    pub local_time: String,
    pub weekdays: i64,
    pub snooze_until: Option<NaiveDate>,
    /// The member's zone, else the space's; `None` means the configured default.
    pub timezone: Option<String>,
}

impl Store {
    pub async fn set_nudges(
        &self,
        member: &MemberRef,
        local_time: &str,
        weekdays: i64,
        snooze_until: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let member_id = self.member_id(member, now).await?;
        sqlx::query!(
            r#"INSERT INTO nudge_settings (member_id, local_time, weekdays, snooze_until, updated_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (member_id) DO UPDATE SET local_time = excluded.local_time, weekdays = excluded.weekdays,
                   snooze_until = excluded.snooze_until, dm_closed_at = NULL, dm_closed_notified = 0,
                   updated_at = excluded.updated_at"#,
            member_id,
            local_time,
            weekdays,
            snooze_until,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }

    pub async fn nudges_off(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let result = sqlx::query!(
            r#"DELETE FROM nudge_settings WHERE member_id =
                   (SELECT id FROM members WHERE platform = ? AND space_id = ? AND user_id = ?)"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .execute(self.writer()?)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// Every member whose nudges are on and whose direct messages are open.
    pub async fn active_nudges(&self) -> Result<Vec<NudgeRow>, sqlx::Error> {
        sqlx::query_as!(
            NudgeRow,
            r#"SELECT n.member_id AS "member_id!: i64", m.platform, m.space_id, m.user_id, n.local_time, n.weekdays,
                      n.snooze_until AS "snooze_until: NaiveDate",
                      COALESCE(m.timezone, s.default_timezone) AS "timezone: String"
               FROM nudge_settings n
               JOIN members m ON m.id = n.member_id
               LEFT JOIN spaces s ON s.platform = m.platform AND s.space_id = m.space_id
               WHERE n.dm_closed_at IS NULL"#
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Records that the member's direct messages are closed: nudges stop until turned on again.
    pub async fn mark_dm_closed(&self, member_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        sqlx::query!(
            "UPDATE nudge_settings SET dm_closed_at = ?, dm_closed_notified = 0 WHERE member_id = ?",
            now,
            member_id
        )
        .execute(self.writer()?)
        .await?;
        self.notices_pending.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// Reads whether any notice is waiting (at start, since another process may have set one).
    pub(super) async fn refresh_notices_pending(&self) -> Result<(), sqlx::Error> {
        let row = sqlx::query!(
            r#"SELECT EXISTS (SELECT 1 FROM nudge_settings WHERE dm_closed_at IS NOT NULL AND dm_closed_notified = 0)
                   AS "pending!: bool""#
        )
        .fetch_one(&self.pool)
        .await?;
        self.notices_pending.store(row.pending, Ordering::Relaxed);
        Ok(())
    }

    /// True once after direct messages were found closed, so the member is told exactly once.
    /// Every command asks, so the common case is a read; only a pending notice writes.
    pub async fn take_dm_closed_notice(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        if !self.notices_pending.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let platform = member.platform().as_str();
        let pending = sqlx::query!(
            r#"SELECT n.member_id AS "member_id!: i64" FROM nudge_settings n JOIN members m ON m.id = n.member_id
               WHERE m.platform = ? AND m.space_id = ? AND m.user_id = ?
                 AND n.dm_closed_at IS NOT NULL AND n.dm_closed_notified = 0"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = pending else { return Ok(false) };
        let result = sqlx::query!(
            "UPDATE nudge_settings SET dm_closed_notified = 1 WHERE member_id = ? AND dm_closed_notified = 0",
            row.member_id
        )
        .execute(self.writer()?)
        .await?;
        Ok(result.rows_affected() > 0)
    }
}
