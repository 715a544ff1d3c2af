//! The façade every front end calls: one method per user action, taking validated inputs and
//! the current time, returning views for the adapters to render.
//!
//! Adapters (Discord, Slack, console) never reach below this: no SQL, no content lookups, no
//! business decisions outside `App`. Internal failures come back as `Error::Internal` for the
//! adapter to log and turn into an apology.

mod boards;
mod career;
mod checkin_lanes;
mod compare;
mod cooldown;
mod corrections;
mod deliveries;
mod faq;
mod health;
mod heatmap;
mod history;
mod home;
mod privacy;
mod progress;
mod records;
mod schedules;
mod space;
mod streak_views;
mod streaks;
mod views;

pub use boards::BoardRequest;
pub use career::CareerSection;
pub use cooldown::HEATMAP_COOLDOWN_SECONDS;
pub use deliveries::{Claim, DeliveryOutcome, NudgeClaim, NudgeMessage, SendLease};
pub use faq::Choice;
pub use health::{HealthReport, LinkState};
pub use history::HISTORY_DAYS;
pub use home::{HomeView, NudgeSettingsView};
pub use progress::{RoadmapView, StepView};
pub use schedules::{DueNudge, DuePrompt, NudgeRequest, PromptScheduleView};
pub use space::SpaceSettingsView;
pub use streak_views::{
    BoardEntry, CorrectionRow, CorrectionView, ExportFile, GroupView, HeatmapImage, HistoryDay, HistoryView,
    LeaderboardView, PauseView, RankView,
};

use crate::content::model::Step;
use crate::content::Content;
use crate::domain::{MemberRef, SpaceRef, Timezone};
use crate::error::{Error, UserError};
use crate::storage::Store;
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
    /// This process, for its health probe row: the pid and start time, unique among replicas.
    instance: Arc<str>,
    links: Arc<health::Links>,
    cooldowns: Arc<cooldown::Cooldowns>,
    /// Turns at drawing a heatmap: two, or one per core if fewer (`heatmap.rs`).
    drawing: Arc<tokio::sync::Semaphore>,
    /// Check-ins waiting for the writer, written together (`checkin_lanes`).
    checkins: Arc<checkin_lanes::CheckinLanes>,
}

impl App {
    /// Opens (and migrates) the database at `database_url` while `load` reads the content on a
    /// blocking thread, so a start waits for the longer of the two rather than both in turn. A
    /// content error is reported before a store error, as when the two ran one after the other.
    /// The store's own errors name the file (never the URL) and say what to fix.
    pub async fn open<L>(load: L, database_url: &str, default_timezone: Timezone) -> anyhow::Result<Self>
    where
        L: FnOnce() -> anyhow::Result<Arc<Content>> + Send + 'static,
    {
        let loading = tokio::task::spawn_blocking(load);
        let store = Store::connect(database_url).await;
        let content = loading.await.map_err(|e| anyhow::anyhow!("the content loader stopped: {e}"))??;
        Ok(App::new(content, store?, default_timezone))
    }

    pub fn new(content: Arc<Content>, store: Store, default_timezone: Timezone) -> Self {
        let instance = format!("{}-{}", std::process::id(), Utc::now().timestamp_micros()).into();
        App {
            content,
            store,
            default_timezone,
            instance,
            links: Arc::default(),
            cooldowns: Arc::default(),
            drawing: Arc::new(tokio::sync::Semaphore::new(heatmap::drawing_turns())),
            checkins: Arc::default(),
        }
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    /// Closes the database once every front end and the scheduler have stopped.
    pub async fn close(&self) {
        self.store.close().await;
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
        Ok(self.prompt_view(self.prompt_index_on(&space.space_id, date), date))
    }

    /// The member's zone, else the space's default, else the configured default.
    pub async fn member_timezone(&self, member: &MemberRef) -> Result<Timezone, Error> {
        Ok(self.member_and_zone(member).await?.1)
    }

    /// Whether the member chose a zone of their own (a space default does not count).
    pub async fn has_own_timezone(&self, member: &MemberRef) -> Result<bool, Error> {
        Ok(self.store.member_lookup(member).await?.member_zone.is_some())
    }

    /// The member's row id (when they have one) and their zone, in one query.
    pub(crate) async fn member_and_zone(&self, member: &MemberRef) -> Result<(Option<i64>, Timezone), Error> {
        let found = self.store.member_lookup(member).await?;
        let zone = found.member_zone.or(found.space_zone).unwrap_or(self.default_timezone);
        Ok((found.id, zone))
    }

    async fn space_timezone(&self, space: &SpaceRef) -> Result<Timezone, Error> {
        Ok(self.store.space_timezone(space).await?.unwrap_or(self.default_timezone))
    }
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
