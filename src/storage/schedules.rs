//! Prompt schedules per space, read back as domain types (each row decoded once, here; a row
//! whose time or platform no longer reads is passed over, a zone that no longer parses is read
//! as `None` for the caller's default).

use super::{decode, Store};
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{SpaceRef, Timezone};
use chrono::{DateTime, Utc};

/// A space's prompt schedule.
#[derive(Debug, Clone)]
pub struct PromptScheduleRow {
    pub space: SpaceRef,
    pub channel_id: String,
    pub local_time: LocalTime,
    /// `None` when the stored zone no longer parses: the configured default applies.
    pub timezone: Option<Timezone>,
    pub weekdays: Weekdays,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub rotation_seed: u64,
    pub posts_made: u64,
}

/// The columns of `prompt_schedules` as both reads select them.
struct PromptScheduleColumns {
    platform: String,
    space_id: String,
    channel_id: String,
    local_time: String,
    timezone: String,
    weekdays: i64,
    enabled: bool,
    disabled_reason: Option<String>,
    rotation_seed: i64,
    posts_made: i64,
}

impl PromptScheduleColumns {
    fn decode(self) -> Option<PromptScheduleRow> {
        Some(PromptScheduleRow {
            space: SpaceRef { platform: decode::platform(&self.platform)?, space_id: self.space_id },
            channel_id: self.channel_id,
            local_time: decode::local_time(&self.local_time)?,
            timezone: decode::zone(&self.timezone),
            weekdays: decode::weekdays(self.weekdays),
            enabled: self.enabled,
            disabled_reason: self.disabled_reason,
            // Stored as the same 64 bits, so a seed above i64::MAX comes back as it went in.
            rotation_seed: self.rotation_seed as u64,
            posts_made: u64::try_from(self.posts_made).unwrap_or(0),
        })
    }
}

/// The schedule to store for a space.
pub struct NewPromptSchedule<'a> {
    pub channel_id: &'a str,
    pub local_time: LocalTime,
    pub timezone: Timezone,
    pub weekdays: Weekdays,
    pub rotation_seed: u64,
}

impl Store {
    pub async fn set_prompt_schedule(
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

    pub async fn enabled_prompt_schedules(&self) -> Result<Vec<PromptScheduleRow>, sqlx::Error> {
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
