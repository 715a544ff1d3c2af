//! `App` actions for scheduled prompts (moderators set them up per server) and study nudges
//! (members turn them on for themselves), and the due lists the scheduler works from.

use super::{App, PromptView};
use crate::domain::nudge::{due_many, NudgePlan};
use crate::domain::rotation::{prompt_for_day, seed_for};
use crate::domain::schedule::{Due, LocalTime, Schedule, Weekdays};
use crate::domain::{CallerRights, MemberRef, Platform, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use crate::storage::{NewPromptSchedule, NudgeRow, PromptScheduleRow};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

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
    pub member_id: i64,
    pub due: Due,
}

/// What a member asked for with `/settings nudges:...`.
pub struct NudgeRequest<'a> {
    pub on: bool,
    pub time: Option<&'a str>,
    pub weekdays: Option<&'a str>,
    pub snooze_until: Option<&'a str>,
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
        let hhmm = time.to_hhmm();
        let new = NewPromptSchedule {
            channel_id,
            local_time: &hhmm,
            timezone: zone.name(),
            weekdays: i64::from(weekdays.bits()),
            rotation_seed: seed_for(&space.space_id) as i64,
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
        let schedule = schedule_of(&row)?;
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
        let schedule = schedule_of(&row)?;
        let date = schedule
            .next_occurrences(now, 1)
            .first()
            .map_or_else(|| schedule.zone.local_date(now), |at| at.date_naive());
        Ok(self.prompt_view(self.prompt_index_on(&row.space_id, date), date))
    }

    pub fn prompt_view(&self, index: usize, date: NaiveDate) -> PromptView<'_> {
        let prompt = &self.content.prompts[index.min(self.content.prompts.len() - 1)];
        PromptView { prompt, step: self.content.step(prompt.step), date }
    }

    /// The prompt a space shows on a local date: `/prompt` and the scheduled post both ask here.
    pub fn prompt_index_on(&self, space_id: &str, date: NaiveDate) -> usize {
        prompt_for_day(seed_for(space_id), date, self.content.prompts.len())
    }

    /// Every enabled server schedule whose post is due now, within `grace`.
    pub async fn due_prompts(&self, now: DateTime<Utc>, grace: Duration) -> Result<Vec<DuePrompt>, Error> {
        let mut due = Vec::new();
        for row in self.store.enabled_prompt_schedules().await? {
            let Ok(schedule) = schedule_of(&row) else { continue };
            if let Due::Send { date, .. } = schedule.due_at(now, grace) {
                let Some(platform) = platform_of(&row.platform) else { continue };
                let space = SpaceRef { platform, space_id: row.space_id.clone() };
                due.push(DuePrompt {
                    prompt_index: self.prompt_index_on(&row.space_id, date),
                    channel_id: row.channel_id.clone(),
                    space,
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
        let mut zones: HashMap<Option<String>, Timezone> = HashMap::new();
        let mut times: HashMap<String, Option<LocalTime>> = HashMap::new();
        let mut plans = Vec::with_capacity(rows.len());
        let mut kept = Vec::with_capacity(rows.len());
        for row in rows {
            let zone = *zones.entry(row.timezone.clone()).or_insert_with(|| {
                row.timezone.as_deref().and_then(|z| Timezone::parse(z).ok()).unwrap_or(self.default_timezone)
            });
            let time = *times.entry(row.local_time.clone()).or_insert_with(|| LocalTime::parse(&row.local_time).ok());
            let (Some(time), Some(platform)) = (time, platform_of(&row.platform)) else { continue };
            let schedule = Schedule { time, zone, weekdays: Weekdays::from_bits(row.weekdays as u8) };
            plans.push(NudgePlan { schedule, snooze_until: row.snooze_until });
            kept.push((MemberRef::new(platform, row.space_id, row.user_id), row.member_id));
        }
        let dues = due_many(&plans, now, grace);
        kept.into_iter()
            .zip(dues)
            .filter(|(_, due)| *due != Due::NotYet)
            .map(|((member, member_id), due)| DueNudge { member, member_id, due })
            .collect()
    }

    /// Turns nudges on (with a time, weekdays and an optional snooze) or off for a member.
    pub async fn set_nudges(
        &self,
        member: &MemberRef,
        request: NudgeRequest<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<Schedule>, Error> {
        if !request.on {
            self.store.nudges_off(member).await?;
            return Ok(None);
        }
        let time = LocalTime::parse(request.time.unwrap_or("19:00"))?;
        let weekdays = Weekdays::parse(request.weekdays.unwrap_or("daily"))?;
        let snooze = request.snooze_until.map(parse_date).transpose()?;
        self.store.set_nudges(member, &time.to_hhmm(), i64::from(weekdays.bits()), snooze, now).await?;
        Ok(Some(Schedule { time, zone: self.member_timezone(member).await?, weekdays }))
    }

    /// True once after the member's direct messages were found closed, to tell them.
    pub async fn take_dm_closed_notice(&self, member: &MemberRef) -> Result<bool, Error> {
        Ok(self.store.take_dm_closed_notice(member).await?)
    }
}

fn schedule_of(row: &PromptScheduleRow) -> Result<Schedule, Error> {
    let time = LocalTime::parse(&row.local_time)
        .map_err(|_| anyhow::anyhow!("stored time {:?} does not parse", row.local_time))?;
    let zone =
        Timezone::parse(&row.timezone).map_err(|_| anyhow::anyhow!("stored zone {:?} does not parse", row.timezone))?;
    Ok(Schedule { time, zone, weekdays: Weekdays::from_bits(row.weekdays as u8) })
}

fn platform_of(name: &str) -> Option<Platform> {
    [Platform::Discord, Platform::Slack, Platform::Console].into_iter().find(|p| p.as_str() == name)
}

fn parse_date(text: &str) -> Result<NaiveDate, UserError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| UserError::InvalidDate { given: text.trim().to_string() })
}
