//! `App` actions for the roadmap with a member's progress: the overview with a mark per step
//! and the percent complete, one step with its status, and marking a step.

use super::App;
use crate::content::model::Step;
use crate::domain::progress::percent_complete;
use crate::domain::{MemberRef, StepStatus};
use crate::error::{Error, UserError};
use chrono::{DateTime, Utc};

/// The whole roadmap with where the member stands on each step.
pub struct RoadmapView<'a> {
    pub steps: Vec<(&'a Step, StepStatus)>,
    pub percent: u8,
}

/// One step with the member's status and the number of steps in all.
pub struct StepView<'a> {
    pub step: &'a Step,
    pub status: StepStatus,
    pub total: usize,
    /// For each checklist topic, whether the member marked it done.
    pub topics_done: Vec<bool>,
}

impl App {
    pub async fn roadmap_overview(&self, member: &MemberRef) -> Result<RoadmapView<'_>, Error> {
        let recorded = self.store.step_statuses(member).await?;
        let status_of = |n: u8| recorded.iter().find(|(s, _)| *s == n).map_or(StepStatus::NotStarted, |(_, st)| *st);
        let steps: Vec<(&Step, StepStatus)> = self.content.steps.iter().map(|s| (s, status_of(s.number))).collect();
        let statuses: Vec<StepStatus> = steps.iter().map(|(_, st)| *st).collect();
        Ok(RoadmapView { percent: percent_complete(&statuses), steps })
    }

    /// A step found by number or name, with the member's status on it.
    pub async fn roadmap_step_for(&self, member: &MemberRef, query: &str) -> Result<StepView<'_>, Error> {
        let step = self.roadmap_step(query)?;
        self.step_view(member, step).await
    }

    /// A step by its number, as buttons carry it.
    pub async fn roadmap_step_number(&self, member: &MemberRef, number: u8) -> Result<StepView<'_>, Error> {
        let step = self.content.step(number).ok_or_else(|| self.unknown_step(&number.to_string()))?;
        self.step_view(member, step).await
    }

    /// Marks a step learning, done, skipped, or back to not started.
    pub async fn set_step_status(
        &self,
        member: &MemberRef,
        number: u8,
        status: StepStatus,
        now: DateTime<Utc>,
    ) -> Result<StepView<'_>, Error> {
        let step = self.content.step(number).ok_or_else(|| self.unknown_step(&number.to_string()))?;
        self.store.set_step_status(member, number, status, now).await?;
        self.step_view(member, step).await
    }

    async fn step_view<'a>(&'a self, member: &MemberRef, step: &'a Step) -> Result<StepView<'a>, Error> {
        let recorded = self.store.step_statuses(member).await?;
        let status = recorded.iter().find(|(n, _)| *n == step.number).map_or(StepStatus::NotStarted, |(_, s)| *s);
        let done = self.store.topics_done(member).await?;
        let topics_done = (0..step.checklist.len())
            .map(|i| done.iter().any(|(n, t)| *n == step.number && usize::from(*t) == i))
            .collect();
        Ok(StepView { step, status, total: self.content.steps.len(), topics_done })
    }

    /// Marks exactly these checklist topics of a step done (positions from 1, as shown).
    pub async fn set_topics_done(
        &self,
        member: &MemberRef,
        number: u8,
        done: &[usize],
        now: DateTime<Utc>,
    ) -> Result<StepView<'_>, Error> {
        let step = self.content.step(number).ok_or_else(|| self.unknown_step(&number.to_string()))?;
        let count = step.checklist.len();
        if let Some(bad) = done.iter().find(|n| **n == 0 || **n > count) {
            return Err(UserError::UnknownTopic { given: *bad, count }.into());
        }
        // Each topic once: "1,2,2" means topics 1 and 2, and storage holds one row per topic.
        let mut positions: Vec<u8> = done.iter().filter_map(|n| u8::try_from(n - 1).ok()).collect();
        positions.sort_unstable();
        positions.dedup();
        self.store.set_topics_done(member, number, &positions, now).await?;
        self.step_view(member, step).await
    }

    fn unknown_step(&self, query: &str) -> UserError {
        UserError::UnknownStep { query: query.to_string(), count: self.content.steps.len(), suggestions: Vec::new() }
    }
}
