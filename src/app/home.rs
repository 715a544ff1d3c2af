//! A member's day at a glance, for a front end's home screen (Slack's App Home): their streak
//! and today's status in their zone, the space's prompt of the day, and their nudge settings
//! with when the next nudge comes. Also what a settings form starts from.

use super::{App, PromptView, StreakView};
use crate::domain::schedule::Schedule;
use crate::domain::MemberRef;
use crate::error::Error;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// A member's nudge settings and the next nudge they would get.
#[derive(Debug, Clone)]
pub struct NudgeSettingsView {
    pub schedule: Schedule,
    /// The last day nudges are held back, when snoozed.
    pub snooze_until: Option<NaiveDate>,
    /// When the next nudge comes, unless the member checks in first; `None` past a year out.
    pub next: Option<DateTime<Tz>>,
}

/// What a home screen shows.
pub struct HomeView<'a> {
    pub streak: StreakView,
    pub prompt: PromptView<'a>,
    /// `None` when nudges are off.
    pub nudges: Option<NudgeSettingsView>,
}

/// How many occurrences are looked through for the next nudge: a year of a one-day schedule.
const NEXT_NUDGE_LOOKAHEAD: usize = 400;

impl App {
    /// The member's nudge settings, or `None` when nudges are off.
    pub async fn nudge_settings(
        &self,
        member: &MemberRef,
        now: DateTime<Utc>,
    ) -> Result<Option<NudgeSettingsView>, Error> {
        let Some((time, weekdays, snooze_until)) = self.store.member_nudges(member).await? else {
            return Ok(None);
        };
        let schedule = Schedule { time, zone: self.member_timezone(member).await?, weekdays };
        let checked_in_today = self.streak(member, now).await?.summary.checked_in_today;
        let today = schedule.zone.local_date(now);
        let next = schedule.next_occurrences(now, NEXT_NUDGE_LOOKAHEAD).into_iter().find(|at| {
            let date = at.date_naive();
            snooze_until.is_none_or(|last| date > last) && !(date == today && checked_in_today)
        });
        Ok(Some(NudgeSettingsView { schedule, snooze_until, next }))
    }

    /// The member's home screen.
    pub async fn home(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<HomeView<'_>, Error> {
        Ok(HomeView {
            streak: self.streak(member, now).await?,
            prompt: self.todays_prompt(&member.space, now).await?,
            nudges: self.nudge_settings(member, now).await?,
        })
    }
}
