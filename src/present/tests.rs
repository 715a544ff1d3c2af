//! The wording of the views, checked on their words: what a member reads after each kind of
//! check-in, on the streak, on a board, and where commands are references, not syntax.

use super::*;
use crate::app::{BoardEntry, CheckInView, LeaderboardView, StreakView};
use crate::domain::{Metric, Minutes, Period, StreakSummary, Timezone};
use chrono::{NaiveDate, TimeZone, Utc};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()
}

fn streak_view(current: u32) -> StreakView {
    let zone = Timezone::parse("Europe/Berlin").unwrap();
    let summary = StreakSummary {
        current,
        longest: current.max(3),
        total_days: 9,
        checked_in_today: true,
        today: day(),
        freezes_held: 1,
        freezes_used: 0,
        days_to_next_freeze: 4,
    };
    let day_ends_at = zone.tz().with_ymd_and_hms(2026, 3, 5, 23, 59, 59).unwrap();
    StreakView {
        summary,
        timezone: zone,
        day_ends_at,
        total_minutes: 300,
        rank: None,
        pause: None,
        roadmap_percent: None,
    }
}

fn checkin_view(counted: bool, minutes: Option<i64>, note_saved: bool) -> CheckInView {
    CheckInView {
        counted,
        minutes: minutes.map(|m| Minutes::new(m).unwrap()),
        minutes_today: 75,
        note_saved,
        streak: streak_view(2),
    }
}

#[test]
fn a_first_check_in_counts_the_day_with_its_minutes() {
    let words = checkin(&checkin_view(true, Some(45), false)).words();
    assert!(words.contains("Checked in for 2026-03-05 (45 minutes). Nice work!"), "{words}");
    assert!(words.contains("Current streak: 2 days") && words.contains("Longest: 3 days"), "{words}");
}

#[test]
fn a_repeat_check_in_with_minutes_says_what_it_added() {
    let words = checkin(&checkin_view(false, Some(30), true)).words();
    assert!(words.contains("it still counts once"), "{words}");
    assert!(
        words.contains("Your note is saved.") && words.contains("Added 30 minutes; 75 minutes today in all."),
        "{words}"
    );
    assert!(!words.contains("nothing changed"), "{words}");
}

#[test]
fn a_bare_repeat_check_in_says_nothing_changed() {
    let words = checkin(&checkin_view(false, None, false)).words();
    assert!(words.contains("it counted once and nothing changed"), "{words}");
}

#[test]
fn the_streak_names_its_figures_and_points_to_the_rules_as_a_command() {
    let view = streak(&streak_view(1), Some("ada"), true);
    let words = view.words();
    assert!(words.starts_with("ada's streak\nToday is counted."), "{words}");
    assert!(words.contains("Current: 1 day") && words.contains("Freezes: 1 held, 0 used (next in 4 days)"), "{words}");
    assert_eq!(view.image.as_deref(), Some(HEATMAP_FILE));
    let footer = view.footer.unwrap();
    assert!(footer.spans.contains(&Span::Command(CommandRef::StreakRules)), "{footer:?}");
}

#[test]
fn a_board_marks_the_caller_and_explains_ties() {
    let entry = |place: u32, user: &str, is_caller: bool| BoardEntry {
        place,
        user_id: user.to_string(),
        value: 12,
        days: 1,
        minutes: 300,
        is_caller,
    };
    let view = LeaderboardView {
        group: Some("night owls".into()),
        period: Period::Week,
        metric: Metric::Days,
        first_day: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2026, 3, 8).unwrap(),
        page: 2,
        pages: 3,
        ranked: 25,
        entries: vec![entry(11, "ada", false), entry(12, "bob", true)],
        caller_place: Some(12),
        tie_break: crate::domain::leaderboard::TIE_BREAK_RULES,
    };
    let words = leaderboard(&view).words();
    assert!(
        words.starts_with("Leaderboard · night owls · study days · this week (2026-03-02 to 2026-03-08)"),
        "{words}"
    );
    assert!(words.contains("12. <bob> · 12 (1 day, 300 min) ← you"), "{words}");
    assert!(
        words.contains("Page 2 of 3 · 25 ranked · You are #12.") && words.contains("Ties: on the streak board"),
        "{words}"
    );
}

#[test]
fn settings_say_the_zone_and_the_nudge_plan() {
    let zone = Timezone::parse("Asia/Kolkata").unwrap();
    let words = member_settings(zone, true, Some(None)).words();
    assert!(
        words.contains("Your time zone is now Asia/Kolkata. Days you already counted stay as they were."),
        "{words}"
    );
    assert!(words.contains("Study nudges: Off."), "{words}");
}

#[test]
fn a_scheduled_time_is_a_moment_each_front_end_writes_in_its_own_way() {
    let at = Utc.with_ymd_and_hms(2026, 3, 5, 18, 0, 0).unwrap();
    let message = crate::scheduler::NudgeMessage {
        current_streak: 3,
        at_stake: crate::domain::nudge::AtStake::Nothing,
        day_ends_at: chrono_tz::Europe::Berlin.from_utc_datetime(&at.naive_utc()),
    };
    let reply = nudge(&message, "42");
    let field = &reply.view.fields[0].value;
    assert!(matches!(field.spans[0], Span::Time { style: TimeStyle::Clock, .. }), "{field:?}");
    let Row::Buttons(buttons) = &reply.rows[0] else { panic!("a nudge has a button row") };
    assert_eq!(buttons[0].action, crate::commands::Action::NudgeCheckIn { space_id: "42".into() });
}
