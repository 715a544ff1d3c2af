//! What happened on each recent day: counted, covered by a freeze, paused, missed, or today
//! still open. `/history` lists these marks and the heatmap colours its squares by them, both
//! derived from the same rules in `streak.rs` so they can never disagree with the streak.

use super::pause::{NeutralDays, NeutralReason};
use super::streak::StreakState;
use chrono::NaiveDate;

/// One local day as the streak rules saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMark {
    Counted,
    /// Missed, and a freeze covered it.
    Frozen,
    Paused,
    /// Skipped over by a change of time zone.
    Excused,
    /// Missed, and this day ended a streak.
    Broke,
    /// Missed with no streak running, so nothing was lost.
    Idle,
    /// Today, not counted yet: still open.
    Open,
}

impl DayMark {
    pub fn label(self) -> &'static str {
        match self {
            DayMark::Counted => "counted",
            DayMark::Frozen => "missed, covered by a freeze",
            DayMark::Paused => "paused",
            DayMark::Excused => "skipped by a time zone change",
            DayMark::Broke => "missed, the streak ended",
            DayMark::Idle => "no check-in",
            DayMark::Open => "today, not counted yet",
        }
    }
}

/// Marks every day from `first` to `today` (inclusive), oldest first.
/// `days` are every counted day of the member, so earlier history shapes the freezes held.
pub fn mark_days(
    days: &[NaiveDate],
    neutral: &NeutralDays,
    first: NaiveDate,
    today: NaiveDate,
) -> Vec<(NaiveDate, DayMark)> {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut state = StreakState::default();
    let mut next = sorted.iter().peekable();
    let mut marks = Vec::new();
    let mut day = first.min(sorted.first().copied().unwrap_or(first));
    while day <= today {
        let counted = next.peek().is_some_and(|d| **d == day);
        if counted {
            next.next();
            state.record(day, neutral);
        }
        if day >= first {
            marks.push((day, mark_of(&state, counted, day, today, neutral)));
        }
        let Some(following) = day.succ_opt() else { break };
        day = following;
    }
    marks
}

fn mark_of(state: &StreakState, counted: bool, day: NaiveDate, today: NaiveDate, neutral: &NeutralDays) -> DayMark {
    if counted {
        return DayMark::Counted;
    }
    if day == today {
        return DayMark::Open;
    }
    if neutral.contains(day) {
        let is_pause =
            neutral.spans().iter().any(|s| s.reason == NeutralReason::Pause && s.first <= day && day <= s.last);
        return if is_pause { DayMark::Paused } else { DayMark::Excused };
    }
    let before = state.as_of(day, neutral);
    let after = state.as_of(day.succ_opt().unwrap_or(day), neutral);
    if before.current == 0 {
        DayMark::Idle
    } else if after.freezes_used > before.freezes_used {
        DayMark::Frozen
    } else {
        DayMark::Broke
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pause::NeutralSpan;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, day).unwrap()
    }

    #[test]
    fn each_missed_day_says_what_it_cost() {
        let mut days: Vec<NaiveDate> = (1..=7).map(d).collect();
        days.push(d(9));
        let pause = NeutralDays::new(vec![NeutralSpan { first: d(10), last: d(10), reason: NeutralReason::Pause }]);
        let marks: Vec<DayMark> = mark_days(&days, &pause, d(7), d(13)).into_iter().map(|(_, m)| m).collect();
        use DayMark::*;
        assert_eq!(marks, [Counted, Frozen, Counted, Paused, Broke, Idle, Open]);
    }
}
