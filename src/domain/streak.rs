//! The streak rules as a small state machine over the local dates a member counted.
//!
//! A day is counted in the member's local time and stored as that date, so a later change of
//! time zone never moves or double-counts it. The state is settled through the last counted day;
//! `as_of(today)` settles the days after it: each missed day uses a freeze while one is held and
//! otherwise ends the streak. Today is never settled, because a day that is not over cannot be
//! missed. Neutral days (a pause, or a day skipped by changing time zone) neither break nor
//! extend. Seven counted days in a row, not interrupted by a missed day, earn a freeze; a member
//! holds at most two. `replay` rebuilds the state from the whole history and must always agree
//! with the step-by-step updates the check-in path makes; the property tests hold them to that.

use super::pause::NeutralDays;
use chrono::NaiveDate;

/// Counted days in a row that earn one freeze.
pub const DAYS_PER_FREEZE: u32 = 7;
/// The most freezes a member can hold at once.
pub const MAX_FREEZES: u32 = 2;

/// A member's streak record, settled through `last_day` (the latest counted day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreakState {
    pub current: u32,
    pub longest: u32,
    pub total_days: u32,
    pub freezes_held: u32,
    pub freezes_used: u32,
    /// Counted days since the last freeze was earned or the run was interrupted by a missed day.
    pub days_toward_freeze: u32,
    pub last_day: Option<NaiveDate>,
}

impl StreakState {
    /// Rebuilds the state from every counted day (any order, duplicates allowed).
    pub fn replay(days: &[NaiveDate], neutral: &NeutralDays) -> StreakState {
        let mut sorted = days.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut state = StreakState::default();
        for day in sorted {
            state.record(day, neutral);
        }
        state
    }

    /// True when `day` can be added step by step; an earlier day needs a `replay`.
    pub fn accepts(&self, day: NaiveDate) -> bool {
        self.last_day.is_none_or(|last| day > last)
    }

    /// Counts `day`, which must come after the last counted day (see `accepts`).
    pub fn record(&mut self, day: NaiveDate, neutral: &NeutralDays) {
        debug_assert!(self.accepts(day), "days are recorded in order");
        self.settle_until(day, neutral);
        self.current += 1;
        self.total_days += 1;
        self.longest = self.longest.max(self.current);
        self.days_toward_freeze += 1;
        if self.days_toward_freeze == DAYS_PER_FREEZE {
            self.days_toward_freeze = 0;
            self.freezes_held = (self.freezes_held + 1).min(MAX_FREEZES);
        }
        self.last_day = Some(day);
    }

    /// The state as seen on the local date `today`: the days between the last counted day and
    /// today are settled, today is not. A counted day after `today` (possible after moving to a
    /// zone behind) simply means there is nothing to settle yet.
    pub fn as_of(&self, today: NaiveDate, neutral: &NeutralDays) -> StreakState {
        let mut state = *self;
        state.settle_until(today, neutral);
        state
    }

    /// Settles every day after `last_day` and before `until` as neutral or missed.
    fn settle_until(&mut self, until: NaiveDate, neutral: &NeutralDays) {
        let Some(mut day) = self.last_day.and_then(|d| d.succ_opt()) else { return };
        // Once the streak is over there is nothing left to protect, so a long absence costs
        // nothing to settle.
        while day < until && self.current > 0 {
            if !neutral.contains(day) {
                self.days_toward_freeze = 0;
                if self.freezes_held > 0 {
                    self.freezes_held -= 1;
                    self.freezes_used += 1;
                } else {
                    self.current = 0;
                }
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
    }

    /// The last local date on which the streak is still alive if the member never checks in
    /// again: the first day that would break it. `None` when there is no streak.
    pub fn last_chance_day(&self, neutral: &NeutralDays) -> Option<NaiveDate> {
        let last = self.last_day.filter(|_| self.current > 0)?;
        let mut freezes = self.freezes_held;
        let mut day = last.succ_opt()?;
        // Neutral stretches are bounded (a pause lasts at most 14 days), so this ends quickly.
        for _ in 0..1000 {
            if !neutral.contains(day) {
                if freezes == 0 {
                    return Some(day);
                }
                freezes -= 1;
            }
            day = day.succ_opt()?;
        }
        Some(day)
    }

    /// The state once the streak has run out with no new check-in (any day after
    /// `last_chance_day`): every freeze held was used and the streak ended. The storage settles
    /// ended streaks in bulk with exactly this, which the property tests hold to `as_of`.
    pub fn ended(&self) -> StreakState {
        StreakState {
            current: 0,
            freezes_held: 0,
            freezes_used: self.freezes_used + self.freezes_held,
            days_toward_freeze: 0,
            ..*self
        }
    }

    /// True when the last counted day is `today` or later (after a move to a zone behind).
    pub fn counted_on_or_after(&self, today: NaiveDate) -> bool {
        self.last_day.is_some_and(|d| d >= today)
    }
}

/// What a member's record says on a given local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakSummary {
    pub current: u32,
    pub longest: u32,
    pub total_days: u32,
    pub checked_in_today: bool,
    pub today: NaiveDate,
    pub freezes_held: u32,
    pub freezes_used: u32,
    /// Counted days still needed to earn the next freeze (0 when already holding the most).
    pub days_to_next_freeze: u32,
}

impl StreakSummary {
    pub fn of(state: &StreakState, today: NaiveDate, neutral: &NeutralDays) -> StreakSummary {
        let seen = state.as_of(today, neutral);
        let days_to_next_freeze =
            if seen.freezes_held >= MAX_FREEZES { 0 } else { DAYS_PER_FREEZE - seen.days_toward_freeze };
        StreakSummary {
            current: seen.current,
            longest: seen.longest,
            total_days: seen.total_days,
            checked_in_today: seen.counted_on_or_after(today),
            today,
            freezes_held: seen.freezes_held,
            freezes_used: seen.freezes_used,
            days_to_next_freeze,
        }
    }
}

/// Summarizes check-in dates as of the local date `today`, with no pauses.
pub fn summarize(days: &[NaiveDate], today: NaiveDate) -> StreakSummary {
    let neutral = NeutralDays::default();
    StreakSummary::of(&StreakState::replay(days, &neutral), today, &neutral)
}

#[cfg(test)]
#[path = "streak_tests.rs"]
mod tests;
