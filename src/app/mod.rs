//! The façade every front end calls: one method per user action, taking validated inputs and
//! the current time, returning views for the adapters to render.
//!
//! Adapters (Discord, Slack, console) never reach below this: no SQL, no content lookups, no
//! business decisions outside `App`. Internal failures come back as `Error::Internal` for the
//! adapter to log and turn into an apology.

mod compare;
mod faq;
mod progress;
mod schedules;
mod space;
mod views;

pub use faq::Choice;
pub use progress::{RoadmapView, StepView};
pub use schedules::{DueNudge, DuePrompt, NudgeRequest, PromptScheduleView};
pub use space::SpaceSettingsView;

use crate::content::model::Step;
use crate::content::Content;
use crate::domain::{prompt, streak, MemberRef, Minutes, Note, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use crate::storage::{CheckinRecord, Store};
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub use views::{CheckInView, CompareView, FaqAnswer, FaqView, PromptView, StreakView};

/// The longest free-text query accepted; longer input is almost certainly a paste by mistake.
pub const MAX_QUERY_CHARS: usize = 300;

/// The mentor's core, shared by every front end.
#[derive(Clone)]
pub struct App {
    content: Arc<Content>,
    store: Store,
    default_timezone: Timezone,
}

impl App {
    pub fn new(content: Arc<Content>, store: Store, default_timezone: Timezone) -> Self {
        App { content, store, default_timezone }
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// One step, by number ("4") or by name ("databases", "docker").
    pub fn roadmap_step(&self, query: &str) -> Result<&Step, UserError> {
        let query = checked_query(query)?;
        self.content.find_step(query).map_err(|hits| UserError::UnknownStep {
            query: query.to_string(),
            count: self.content.steps.len(),
            suggestions: hits.into_iter().map(|h| h.label).collect(),
        })
    }

    /// Today's learning prompt for a space, by the space's local date.
    pub async fn todays_prompt(&self, space: &SpaceRef, now: DateTime<Utc>) -> Result<PromptView<'_>, Error> {
        let timezone = self.space_timezone(space).await?;
        let date = timezone.local_date(now);
        let index = prompt::prompt_index_for(date, self.content.prompts.len());
        let prompt = &self.content.prompts[index];
        let step = self.content.step(prompt.step);
        Ok(PromptView { prompt, step, date })
    }

    /// Counts the member's local day; a second check-in the same day changes nothing.
    pub async fn check_in(
        &self,
        member: &MemberRef,
        now: DateTime<Utc>,
        minutes: Option<Minutes>,
        note: Option<Note>,
    ) -> Result<CheckInView, Error> {
        let timezone = self.member_timezone(member).await?;
        let record = CheckinRecord { local_date: timezone.local_date(now), at: now, minutes, note: note.as_ref() };
        let counted = self.store.record_checkin(member, record).await?;
        let streak = self.streak(member, now).await?;
        Ok(CheckInView { counted, minutes, streak })
    }

    /// The member's streak as of their local today.
    pub async fn streak(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<StreakView, Error> {
        let timezone = self.member_timezone(member).await?;
        let today = timezone.local_date(now);
        let days = self.store.checkin_days(member).await?;
        let summary = streak::summarize(&days, today);
        Ok(StreakView { summary, timezone, day_ends_at: timezone.end_of_day(today) })
    }

    /// Sets the member's own time zone; past days stay on the dates they were counted on.
    pub async fn set_timezone(&self, member: &MemberRef, timezone: Timezone, now: DateTime<Utc>) -> Result<(), Error> {
        self.store.set_member_timezone(member, timezone.name(), now).await?;
        Ok(())
    }

    /// The member's zone, else the space's default, else the configured default.
    pub async fn member_timezone(&self, member: &MemberRef) -> Result<Timezone, Error> {
        if let Some(zone) = self.store.member_timezone(member).await?.as_deref().and_then(stored_zone) {
            return Ok(zone);
        }
        self.space_timezone(&member.space).await
    }

    async fn space_timezone(&self, space: &SpaceRef) -> Result<Timezone, Error> {
        let stored = self.store.space_timezone(space).await?;
        Ok(stored.as_deref().and_then(stored_zone).unwrap_or(self.default_timezone))
    }
}

/// A zone read back from the database; one that no longer parses (a renamed zone after a
/// chrono-tz upgrade) falls back to the default instead of failing every command.
fn stored_zone(name: &str) -> Option<Timezone> {
    let parsed = Timezone::parse(name).ok();
    if parsed.is_none() {
        tracing::warn!(zone = name, "stored time zone no longer parses; using the default");
    }
    parsed
}

/// Trims a free-text query and refuses overlong ones before they reach search.
fn checked_query(query: &str) -> Result<&str, UserError> {
    let trimmed = query.trim();
    let length = trimmed.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(UserError::TooLong { length, max: MAX_QUERY_CHARS });
    }
    Ok(trimmed)
}
