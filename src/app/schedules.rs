//! `App` actions for scheduled prompts (moderators set them up per server) and study nudges
//! (members turn them on for themselves), and the due lists the scheduler works from.

use super::{App, PromptView};
use crate::domain::nudge::{check_snooze, due_many, NudgePlan};
use crate::domain::rotation::{prompt_for_day, seed_for};
use crate::domain::schedule::{Due, LocalTime, Schedule, Weekdays};
use crate::domain::{CallerRights, MemberRef, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use crate::storage::{NewPromptSchedule, NudgeRow, PromptScheduleRow};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

/// A server's prompt schedule as `/setup show` tells it.
pub struct PromptScheduleView {
    pub channel_id: String,
    pub schedule: Schedule,
    pub enabled: bool,
    /// Why posting stopped by itself, for moderators to fix.
    pub disabled_reason: Option<String>,
    pub next_posts: Vec<DateTime<Tz>>,
}

/// A scheduled prompt post that is due now.
pub struct DuePrompt {
    pub space: SpaceRef,
    pub channel_id: String,
    pub date: NaiveDate,
    pub prompt_index: usize,
}

/// A member's nudge that is due now (or was missed during downtime).
pub struct DueNudge {
    pub member: MemberRef,
    /// The member's row id, for the claim; it stays inside `App`.
    pub(super) member_id: i64,
    pub due: Due,
    /// The member's direct-message channel, when a nudge opened it before.
    pub direct_channel: Option<String>,
}

/// Study nudges on (with a time, days and a snooze, each defaulted when empty) or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NudgeRequest {
    pub on: bool,
    pub time: Option<LocalTime>,
    pub weekdays: Option<Weekdays>,
    pub snooze_until: Option<NaiveDate>,
}

impl App {
    /// Starts (or changes) the daily prompt post in a channel of the server.
    pub async fn setup_prompts(
        &self,
        space: &SpaceRef,
        caller: &CallerRights,
        channel_id: &str,
        (time, zone, weekdays): (LocalTime, Timezone, Weekdays),
        now: DateTime<Utc>,
    ) -> Result<PromptScheduleView, Error> {
        self.require_moderator(space, caller).await?;
        let new = NewPromptSchedule {
            channel_id,
            local_time: time,
            timezone: zone,
            weekdays,
            rotation_seed: seed_for(&space.space_id),
        };
        self.store.set_prompt_schedule(space, new, now).await?;
        self.prompt_schedule(space, now)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the schedule just saved is missing").into())
    }

    pub async fn prompts_off(&self, space: &SpaceRef, caller: &CallerRights) -> Result<bool, Error> {
        self.require_moderator(space, caller).await?;
        Ok(self.store.disable_prompt_schedule(space, None).await?)
    }

    /// The server's schedule with its next five post times, if one was ever set.
    pub async fn prompt_schedule(
        &self,
        space: &SpaceRef,
        now: DateTime<Utc>,
    ) -> Result<Option<PromptScheduleView>, Error> {
        let Some(row) = self.store.prompt_schedule(space).await? else { return Ok(None) };
        let schedule = self.schedule_of(&row);
        let next_posts = if row.enabled { schedule.next_occurrences(now, 5) } else { Vec::new() };
        Ok(Some(PromptScheduleView {
            channel_id: row.channel_id,
            schedule,
            enabled: row.enabled,
            disabled_reason: row.disabled_reason,
            next_posts,
        }))
    }

    /// The prompt the server's next scheduled post will carry.
    pub async fn preview_prompt(
        &self,
        space: &SpaceRef,
        caller: &CallerRights,
        now: DateTime<Utc>,
    ) -> Result<PromptView<'_>, Error> {
        self.require_moderator(space, caller).await?;
        let row = self.store.prompt_schedule(space).await?.ok_or(UserError::NoPromptSchedule)?;
        let schedule = self.schedule_of(&row);
        let date = schedule
            .next_occurrences(now, 1)
            .first()
            .map_or_else(|| schedule.zone.local_date(now), |at| at.date_naive());
        Ok(self.prompt_view(self.prompt_index_on(&row.space.space_id, date), date))
    }

    pub fn prompt_view(&self, index: usize, date: NaiveDate) -> PromptView<'_> {
        let prompt = &self.content.prompts[index.min(self.content.prompts.len() - 1)];
        PromptView { prompt, step: self.content.step(prompt.step), date }
    }

    /// The stored schedule, in the configured default zone if its own no longer parses.
    fn schedule_of(&self, row: &PromptScheduleRow) -> Schedule {
        let zone = row.timezone.unwrap_or(self.default_timezone);
        Schedule { time: row.local_time, zone, weekdays: row.weekdays }
    }

    /// The prompt a space shows on a local date: `/prompt` and the scheduled post both ask here.
    pub fn prompt_index_on(&self, space_id: &str, date: NaiveDate) -> usize {
        prompt_for_day(seed_for(space_id), date, self.content.prompts.len())
    }

    /// Every enabled server schedule whose post is due now, within `grace`.
    pub async fn due_prompts(&self, now: DateTime<Utc>, grace: Duration) -> Result<Vec<DuePrompt>, Error> {
        let mut due = Vec::new();
        for row in self.store.enabled_prompt_schedules().await? {
            if let Due::Send { date, .. } = self.schedule_of(&row).due_at(now, grace) {
                due.push(DuePrompt {
                    prompt_index: self.prompt_index_on(&row.space.space_id, date),
                    channel_id: row.channel_id,
                    space: row.space,
                    date,
                });
            }
        }
        Ok(due)
    }

    /// Every member whose nudge is due (or was missed) now, computed in one pass.
    pub async fn due_nudges(&self, now: DateTime<Utc>, grace: Duration) -> Result<Vec<DueNudge>, Error> {
        let rows = self.store.active_nudges().await?;
        Ok(self.plan_nudges(rows, now, grace))
    }

    /// The pure part of [`App::due_nudges`], public for the benchmark.
    pub fn plan_nudges(&self, rows: Vec<NudgeRow>, now: DateTime<Utc>, grace: Duration) -> Vec<DueNudge> {
        let mut plans = Vec::with_capacity(rows.len());
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            let zone = row.timezone.unwrap_or(self.default_timezone);
            let schedule = Schedule { time: row.local_time, zone, weekdays: row.weekdays };
            plans.push(NudgePlan { schedule, snooze_until: row.snooze_until });
            kept.push((row.member, row.member_id, row.direct_channel));
        }
        let dues = due_many(&plans, now, grace);
        kept.into_iter()
            .zip(dues)
            .filter(|(_, due)| *due != Due::NotYet)
            .map(|((member, member_id, direct_channel), due)| DueNudge { member, member_id, due, direct_channel })
            .collect()
    }

    /// Turns nudges on (with a time, weekdays and an optional snooze) or off for a member.
    pub async fn set_nudges(
        &self,
        member: &MemberRef,
        request: NudgeRequest,
        now: DateTime<Utc>,
    ) -> Result<Option<Schedule>, Error> {
        if !request.on {
            self.store.nudges_off(member).await?;
            return Ok(None);
        }
        let time = request.time.unwrap_or(LocalTime::DEFAULT_NUDGE);
        let weekdays = request.weekdays.unwrap_or(Weekdays::EVERY_DAY);
        let zone = self.member_timezone(member).await?;
        let snooze = request.snooze_until.map(|through| check_snooze(through, zone.local_date(now))).transpose()?;
        self.store.set_nudges(member, (time, weekdays), snooze, now).await?;
        Ok(Some(Schedule { time, zone, weekdays }))
    }

    /// Holds the member's nudges back for the next `days` days (today's was sent already),
    /// keeping their time and days; the last day held, or `None` when nudges are off.
    pub async fn snooze_nudges(
        &self,
        member: &MemberRef,
        days: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<NaiveDate>, Error> {
        let today = self.member_timezone(member).await?.local_date(now);
        let through = today + chrono::Days::new(u64::from(days));
        Ok(self.store.snooze_nudges(member, through, now).await?.then_some(through))
    }

    /// True once after the member's direct messages were found closed, to tell them.
    pub async fn take_dm_closed_notice(&self, member: &MemberRef) -> Result<bool, Error> {
        Ok(self.store.take_dm_closed_notice(member).await?)
    }
}
