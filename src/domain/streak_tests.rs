//! Examples of the streak rules, one rule per test; the property tests in `tests/it/streak_props.rs`
//! check the same rules against a reference model on random histories.

use super::*;
use crate::domain::pause::{NeutralReason, NeutralSpan};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, day).unwrap()
}

fn days(range: std::ops::RangeInclusive<u32>) -> Vec<NaiveDate> {
    range.map(d).collect()
}

fn none() -> NeutralDays {
    NeutralDays::default()
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
fn a_missed_day_without_a_freeze_ends_the_streak() {
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

#[test]
fn seven_days_in_a_row_earn_a_freeze_and_two_is_the_most() {
    let state = StreakState::replay(&days(1..=7), &none());
    assert_eq!(state.freezes_held, 1);
    let state = StreakState::replay(&days(1..=28), &none());
    assert_eq!((state.freezes_held, state.current), (2, 28));
}

#[test]
fn a_missed_day_uses_a_freeze_and_keeps_the_streak() {
    let mut history = days(1..=7);
    history.push(d(9));
    let s = StreakSummary::of(&StreakState::replay(&history, &none()), d(9), &none());
    assert_eq!((s.current, s.freezes_held, s.freezes_used), (8, 0, 1));
}

#[test]
fn a_frozen_day_restarts_the_count_towards_the_next_freeze() {
    let mut history = days(1..=7);
    history.extend(days(9..=14));
    let state = StreakState::replay(&history, &none());
    assert_eq!((state.freezes_held, state.days_toward_freeze), (0, 6));
}

#[test]
fn more_missed_days_than_freezes_end_the_streak() {
    let state = StreakState::replay(&days(1..=7), &none());
    let s = StreakSummary::of(&state, d(10), &none());
    assert_eq!((s.current, s.freezes_used), (0, 1));
}

#[test]
fn paused_days_neither_break_nor_extend() {
    let pause = NeutralDays::new(vec![NeutralSpan { first: d(4), last: d(8), reason: NeutralReason::Pause }]);
    let mut history = days(1..=3);
    history.push(d(9));
    let s = StreakSummary::of(&StreakState::replay(&history, &pause), d(10), &pause);
    assert_eq!((s.current, s.freezes_used), (4, 0));
}

#[test]
fn a_day_counted_ahead_after_moving_west_is_today_done() {
    let s = summarize(&[d(8), d(9), d(10)], d(9));
    assert_eq!(s.current, 3);
    assert!(s.checked_in_today);
}

#[test]
fn the_last_chance_day_allows_for_freezes_and_pauses() {
    let state = StreakState::replay(&days(1..=7), &none());
    assert_eq!(state.last_chance_day(&none()), Some(d(9)));
    let pause = NeutralDays::new(vec![NeutralSpan { first: d(8), last: d(9), reason: NeutralReason::Pause }]);
    assert_eq!(state.last_chance_day(&pause), Some(d(11)));
    assert_eq!(StreakState::default().last_chance_day(&none()), None);
}
