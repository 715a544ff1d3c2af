//! Streak arithmetic over the local dates a member checked in on.
//!
//! A day is counted in the member's local time when they check in, and stored as that date, so
//! changing time zone later never moves or double-counts a day. The streak is alive while today
//! or yesterday is counted: a day that is not over yet never breaks it.

use chrono::NaiveDate;

/// What a member's record says on a given local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakSummary {
    pub current: u32,
    pub longest: u32,
    pub total_days: u32,
    pub checked_in_today: bool,
    pub today: NaiveDate,
}

/// Summarizes check-in dates (any order, duplicates allowed) as of the local date `today`.
/// Dates after `today` (possible after moving to a zone behind) count towards totals only.
pub fn summarize(days: &[NaiveDate], today: NaiveDate) -> StreakSummary {
    let mut sorted: Vec<NaiveDate> = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let checked_in_today = sorted.binary_search(&today).is_ok();
    StreakSummary {
        current: current_run(&sorted, today),
        longest: longest_run(&sorted),
        total_days: sorted.len() as u32,
        checked_in_today,
        today,
    }
}

/// Counts back from today, or from yesterday when today is not done yet.
fn current_run(sorted: &[NaiveDate], today: NaiveDate) -> u32 {
    let counted = |d: NaiveDate| sorted.binary_search(&d).is_ok();
    let mut day = if counted(today) { today } else { today.pred_opt().unwrap_or(today) };
    let mut run = 0;
    while counted(day) {
        run += 1;
        match day.pred_opt() {
            Some(previous) => day = previous,
            None => break,
        }
    }
    run
}

fn longest_run(sorted: &[NaiveDate]) -> u32 {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &day in sorted {
        run = match previous {
            Some(p) if p.succ_opt() == Some(day) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, day).unwrap()
    }

    #[test]
    fn no_check_ins_is_no_streak() {
        let s = summarize(&[], d(10));
        assert_eq!((s.current, s.longest, s.total_days, s.checked_in_today), (0, 0, 0, false));
    }

    #[test]
    fn today_not_yet_done_does_not_break_the_streak() {
        let s = summarize(&[d(7), d(8), d(9)], d(10));
        assert_eq!(s.current, 3);
        assert!(!s.checked_in_today);
    }

    #[test]
    fn a_missed_day_ends_the_streak() {
        let s = summarize(&[d(6), d(7), d(8)], d(10));
        assert_eq!(s.current, 0);
        assert_eq!(s.longest, 3);
    }

    #[test]
    fn today_extends_the_run_and_the_longest_is_kept() {
        let s = summarize(&[d(1), d(2), d(3), d(4), d(8), d(9), d(10), d(10)], d(10));
        assert_eq!((s.current, s.longest, s.total_days), (3, 4, 7));
        assert!(s.checked_in_today);
    }
}
