//! Prompt schedules per space, read back as domain types (each row decoded once, here; a row
//! whose time or platform no longer reads is passed over, a zone that no longer parses is read
//! as `None` for the caller's default).

use super::Store;
use crate::domain::SpaceRef;
use crate::storage::model::columns::*;
use crate::storage::model::*;
use chrono::{DateTime, Utc};

impl Store {
    pub(crate) async fn set_prompt_schedule(
        &self,
        space: &SpaceRef,
        schedule: NewPromptSchedule<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        let (time, zone) = (schedule.local_time.to_hhmm(), schedule.timezone.name());
        let (weekdays, seed) = (i64::from(schedule.weekdays.bits()), schedule.rotation_seed as i64);
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
            time,
            zone,
            weekdays,
            seed,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }

    /// Stops posting: by a moderator (no reason) or by itself after a permanent failure.
    pub(crate) async fn disable_prompt_schedule(
        &self,
        space: &SpaceRef,
        reason: Option<&str>,
    ) -> Result<bool, sqlx::Error> {
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

    pub(crate) async fn prompt_schedule(&self, space: &SpaceRef) -> Result<Option<PromptScheduleRow>, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query_as!(
            PromptScheduleColumns,
            r#"SELECT platform, space_id, channel_id, local_time, timezone, weekdays,
                      enabled AS "enabled: bool", disabled_reason, rotation_seed, posts_made
               FROM prompt_schedules WHERE platform = ? AND space_id = ?"#,
            platform,
            space.space_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(PromptScheduleColumns::decode))
    }

    pub(crate) async fn enabled_prompt_schedules(&self) -> Result<Vec<PromptScheduleRow>, sqlx::Error> {
        let rows = sqlx::query_as!(
            PromptScheduleColumns,
            r#"SELECT platform, space_id, channel_id, local_time, timezone, weekdays,
                      enabled AS "enabled: bool", disabled_reason, rotation_seed, posts_made
               FROM prompt_schedules WHERE enabled = 1"#
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(PromptScheduleColumns::decode).collect())
    }

    pub(crate) async fn count_prompt_posted(&self, space: &SpaceRef) -> Result<(), sqlx::Error> {
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
