//! Keeping a member's stored aggregates true: after any change to their days or neutral days,
//! the streak record, its `alive_until` instant and the period totals are written in the same
//! transaction. Check-ins take the cheap step-by-step path; anything that changes the past
//! (a backdated day, a correction, an excused day before the last counted one) replays history.

use super::App;
use crate::domain::{MemberRef, NeutralDays, Period, StreakState, Timezone};
use crate::error::Error;
use crate::storage::{PeriodTotals, StoredStreak, Tx, WeekAndMonth};
use chrono::NaiveDate;

/// What a record update needs to know about the member.
pub(super) struct MemberContext<'a> {
    pub member: &'a MemberRef,
    pub member_id: i64,
    pub zone: Timezone,
}

impl App {
    /// Rebuilds the streak record from every counted day (rare: corrections, backdated days).
    pub(super) async fn replay_record(
        &self,
        tx: &mut Tx,
        member_id: i64,
        neutral: &NeutralDays,
    ) -> Result<StoredStreak, Error> {
        let days = tx.counted_days(member_id).await?;
        let state = StreakState::replay(&days, neutral);
        let all = Period::AllTime;
        let (_, total_minutes) =
            tx.totals_between(member_id, all.start(NaiveDate::MIN), all.end(NaiveDate::MIN)).await?;
        Ok(StoredStreak { state, total_minutes })
    }

    /// Writes the streak record and the period totals around `anchor` (the member's today, or
    /// a later counted day after a move west). `known` holds week and month sums a check-in
    /// already read around a day; they are used when that day is the anchor.
    pub(super) async fn save_record(
        &self,
        tx: &mut Tx,
        who: &MemberContext<'_>,
        stored: &StoredStreak,
        neutral: &NeutralDays,
        today: NaiveDate,
        known: Option<WeekAndMonth>,
    ) -> Result<(), Error> {
        let alive_until = stored.state.last_chance_day(neutral).map_or(0, |day| who.zone.end_of_day(day).timestamp());
        let anchor = stored.state.last_day.map_or(today, |last| last.max(today));
        let (week, month) = match known {
            Some(sums) if sums.around == anchor => (sums.week, sums.month),
            _ => tx.week_and_month(who.member_id, anchor).await?,
        };
        let totals = PeriodTotals {
            week_start: Period::Week.start(anchor),
            week,
            month_start: Period::Month.start(anchor),
            month,
            all_time: (i64::from(stored.state.total_days), stored.total_minutes),
        };
        tx.save_record_rows(who.member_id, who.member, stored, alive_until, &totals).await?;
        Ok(())
    }

    /// Saves the member's streak record again after their neutral days changed (a pause set or
    /// cancelled), when there is a record to settle.
    pub(super) async fn resettle_record(
        &self,
        tx: &mut Tx,
        who: &MemberContext<'_>,
        neutral: &NeutralDays,
        today: NaiveDate,
    ) -> Result<(), Error> {
        let stored = self.record_in(tx, who.member_id, neutral).await?;
        if stored.state.last_day.is_some() {
            self.save_record(tx, who, &stored, neutral, today, None).await?;
        }
        Ok(())
    }

    /// The member's stored record, rebuilding it when it predates the streak records.
    pub(super) async fn record_in(
        &self,
        tx: &mut Tx,
        member_id: i64,
        neutral: &NeutralDays,
    ) -> Result<StoredStreak, Error> {
        match tx.streak(member_id).await? {
            Some(stored) => Ok(stored),
            None => self.replay_record(tx, member_id, neutral).await,
        }
    }
}
