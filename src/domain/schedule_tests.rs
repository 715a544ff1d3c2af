//! Tests for schedules: parsing, daylight-saving days, and a year of simulated ticks in zones
//! with unusual offsets, where every occurrence must be due exactly once and never early.

use super::schedule::{Due, LocalTime, Schedule, Weekdays};
use super::Timezone;
use crate::error::UserError;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use std::collections::BTreeSet;

fn schedule(zone: &str, time: &str, days: &str) -> Schedule {
    Schedule {
        time: LocalTime::parse(time).unwrap(),
        zone: Timezone::parse(zone).unwrap(),
        weekdays: Weekdays::parse(days).unwrap(),
    }
}

#[test]
fn times_are_read_in_the_forms_people_type() {
    assert_eq!(LocalTime::parse("9:00").unwrap().to_hhmm(), "09:00");
    assert_eq!(LocalTime::parse("7:30pm").unwrap().to_hhmm(), "19:30");
    assert_eq!(LocalTime::parse("12am").unwrap().to_hhmm(), "00:00");
    assert!(LocalTime::parse("25:00").is_err());
    assert!(LocalTime::parse("noonish").is_err());
}

#[test]
fn weekdays_are_read_as_names_ranges_and_words() {
    let mwf = Weekdays::parse("mon,wed,fri").unwrap();
    assert!(mwf.contains(Weekday::Wed) && !mwf.contains(Weekday::Tue));
    assert_eq!(Weekdays::parse("mon-fri").unwrap(), Weekdays::parse("weekdays").unwrap());
    assert_eq!(Weekdays::parse("fri-mon").unwrap().describe(), "mon, fri, sat, sun");
    assert!(Weekdays::parse("funday").is_err());
    for empty in [",,,", "", "  ", ", ,"] {
        assert!(matches!(Weekdays::parse(empty), Err(UserError::InvalidWeekdays { .. })), "{empty:?} names no day");
    }
}

#[test]
fn a_time_in_the_spring_forward_gap_moves_to_the_first_valid_instant() {
    // 2026-03-08: New York skips from 02:00 to 03:00.
    let s = schedule("America/New_York", "02:30", "daily");
    let at = s.occurrence_on(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap()).unwrap();
    assert_eq!(at, Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap());
}

#[test]
fn a_time_in_the_repeated_fall_back_hour_happens_once() {
    // 2026-11-01: New York repeats 01:00-02:00; the first 01:30 is 05:30 UTC.
    let s = schedule("America/New_York", "01:30", "daily");
    let at = s.occurrence_on(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()).unwrap();
    assert_eq!(at, Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap());
}

#[test]
fn the_next_five_post_times_skip_days_that_are_off() {
    let s = schedule("Europe/Berlin", "09:00", "mon,wed");
    let after = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap(); // a Monday, after 09:00 local
    let next: Vec<String> = s.next_occurrences(after, 5).iter().map(|d| d.format("%a %d %H:%M").to_string()).collect();
    assert_eq!(next, ["Wed 03 09:00", "Mon 08 09:00", "Wed 10 09:00", "Mon 15 09:00", "Wed 17 09:00"]);
}

#[test]
fn after_downtime_only_what_is_within_grace_is_sent() {
    let s = schedule("UTC", "09:00", "daily");
    let grace = Duration::hours(3);
    let at = |h| Utc.with_ymd_and_hms(2026, 6, 1, h, 0, 0).unwrap();
    assert_eq!(
        s.due_at(at(8), grace),
        Due::Missed { date: NaiveDate::from_ymd_opt(2026, 5, 31).unwrap(), at: at(9) - Duration::days(1) }
    );
    assert!(matches!(s.due_at(at(11), grace), Due::Send { .. }));
    assert!(matches!(s.due_at(at(13), grace), Due::Missed { .. }));
}

/// Steps a clock through 2026 in uneven ticks of at most 31 minutes, and records when each
/// local date first became due; returns the problems seen.
fn simulate(s: &Schedule) -> (BTreeSet<NaiveDate>, Vec<String>) {
    let grace = Duration::hours(3);
    let tz = s.zone.tz();
    let mut sent = BTreeSet::new();
    let mut problems = Vec::new();
    let mut now: DateTime<Utc> = Utc.with_ymd_and_hms(2025, 12, 30, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2027, 1, 2, 12, 0, 0).unwrap();
    let mut step = 0;
    while now < end {
        if let Due::Send { date, at } = s.due_at(now, grace) {
            // Dates before 2026 were caught up at the first tick: a warm-up, not a finding.
            if sent.insert(date) && date.year() == 2026 {
                let local = at.with_timezone(&tz);
                let wall = local.time() - s.time.time();
                if now - at > Duration::minutes(31) {
                    problems.push(format!("{date} first due {} late", now - at));
                }
                if local.date_naive() != date || wall < Duration::zero() || wall > Duration::hours(2) {
                    problems.push(format!("{date} happens at local {local}, not at {}", s.time.to_hhmm()));
                }
            }
        }
        step += 1;
        now += Duration::minutes(7 + (step % 5) * 6);
    }
    (sent, problems)
}

#[test]
fn across_a_year_every_occurrence_is_due_once_and_never_early_in_many_zones() {
    for zone in ["America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Tongatapu", "Australia/Lord_Howe"] {
        for time in ["00:00", "02:30", "09:00", "23:59"] {
            let s = schedule(zone, time, "daily");
            let (sent, problems) = simulate(&s);
            assert!(problems.is_empty(), "{zone} {time}: {problems:?}");
            let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let expected: BTreeSet<NaiveDate> = first.iter_days().take_while(|d| d.year() == 2026).collect();
            let missing: Vec<_> = expected.difference(&sent).collect();
            assert!(missing.is_empty(), "{zone} {time}: never due on {missing:?}");
        }
    }
}
