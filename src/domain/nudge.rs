//! When a member's study nudge is due, and what a nudge tells them is at stake.

use super::schedule::{Due, Schedule};
use crate::error::UserError;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;

/// A member's nudge plan: their schedule, and the last local date they snoozed through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NudgePlan {
    pub schedule: Schedule,
    pub snooze_until: Option<NaiveDate>,
}

impl NudgePlan {
    /// Due like its schedule, except on snoozed dates, which are never due.
    pub fn due_at(&self, now: DateTime<Utc>, grace: Duration) -> Due {
        match self.schedule.due_at(now, grace) {
            Due::Send { date, .. } | Due::Missed { date, .. } if self.snooze_until.is_some_and(|s| date <= s) => {
                Due::NotYet
            }
            due => due,
        }
    }
}

/// Evaluates many plans at once. Members share a handful of (zone, time, weekdays) schedules,
/// so each distinct schedule is computed once; this keeps 100,000 members well inside a tick.
/// How far ahead nudges may be held back: a year.
pub const MAX_SNOOZE_DAYS: i64 = 366;

/// A typed "no nudges through" date: from the member's today to a year ahead. Anything else is
/// a typing slip (and a date far outside any calendar a database keeps).
pub fn check_snooze(through: NaiveDate, today: NaiveDate) -> Result<NaiveDate, UserError> {
    let latest = today + Duration::days(MAX_SNOOZE_DAYS);
    if through < today || through > latest {
        return Err(UserError::SnoozeOutOfRange { date: through, today, latest });
    }
    Ok(through)
}

pub fn due_many(plans: &[NudgePlan], now: DateTime<Utc>, grace: Duration) -> Vec<Due> {
    let mut by_schedule: HashMap<(&'static str, chrono::NaiveTime, u8), Due> = HashMap::new();
    plans
        .iter()
        .map(|plan| {
            let s = plan.schedule;
            let key = (s.zone.name(), s.time.time(), s.weekdays.bits());
            let due = *by_schedule.entry(key).or_insert_with(|| s.due_at(now, grace));
            match due {
                Due::Send { date, .. } | Due::Missed { date, .. } if plan.snooze_until.is_some_and(|x| date <= x) => {
                    Due::NotYet
                }
                due => due,
            }
        })
        .collect()
}

/// What missing today would cost, told in the nudge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtStake {
    /// No streak running: nothing is lost, but today could start one.
    Nothing,
    /// A freeze will cover today, so the streak survives.
    FreezeWillCover { streak: u32, freezes: u32 },
    /// The streak ends at midnight.
    StreakWillEnd { streak: u32 },
}

impl AtStake {
    /// The stake in one plain sentence, for every front end.
    pub fn sentence(self) -> String {
        let days = |n: u32| if n == 1 { "1-day".to_string() } else { format!("{n}-day") };
        match self {
            AtStake::Nothing => "No streak is running yet: today is a good day to start one.".to_string(),
            AtStake::FreezeWillCover { streak, freezes } => format!(
                "Your {} streak is safe either way: a freeze (you hold {freezes}) will cover today if you miss it.",
                days(streak)
            ),
            AtStake::StreakWillEnd { streak } => {
                format!("Your {} streak ends at midnight if today stays empty.", days(streak))
            }
        }
    }

    pub fn of(current_streak: u32, freezes_held: u32) -> Self {
        match (current_streak, freezes_held) {
            (0, _) => AtStake::Nothing,
            (streak, 0) => AtStake::StreakWillEnd { streak },
            (streak, freezes) => AtStake::FreezeWillCover { streak, freezes },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{LocalTime, Weekdays};
    use crate::domain::Timezone;
    use chrono::TimeZone;

    fn plan(zone: &str, snooze: Option<NaiveDate>) -> NudgePlan {
        let schedule = Schedule {
            time: LocalTime::parse("19:00").unwrap(),
            zone: Timezone::parse(zone).unwrap(),
            weekdays: Weekdays::EVERY_DAY,
        };
        NudgePlan { schedule, snooze_until: snooze }
    }

    #[test]
    fn a_snooze_goes_from_today_to_a_year_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(check_snooze(today, today).unwrap(), today);
        assert!(check_snooze(today + Duration::days(MAX_SNOOZE_DAYS), today).is_ok());
        for wrong in [today - Duration::days(1), today + Duration::days(MAX_SNOOZE_DAYS + 1), NaiveDate::MIN] {
            assert!(matches!(check_snooze(wrong, today), Err(UserError::SnoozeOutOfRange { .. })), "{wrong}");
        }
    }

    #[test]
    fn snoozed_dates_are_never_due_and_later_ones_are() {
        let now = Utc.with_ymd_and_hms(2026, 5, 10, 19, 30, 0).unwrap();
        let snoozed = plan("UTC", NaiveDate::from_ymd_opt(2026, 5, 10));
        assert_eq!(snoozed.due_at(now, Duration::hours(3)), Due::NotYet);
        let expired = plan("UTC", NaiveDate::from_ymd_opt(2026, 5, 9));
        assert!(matches!(expired.due_at(now, Duration::hours(3)), Due::Send { .. }));
    }

    #[test]
    fn evaluating_many_at_once_agrees_with_one_by_one() {
        let now = Utc.with_ymd_and_hms(2026, 5, 10, 13, 45, 0).unwrap();
        let zones = ["UTC", "Asia/Kolkata", "Europe/Berlin", "America/New_York", "Pacific/Tongatapu"];
        let plans: Vec<NudgePlan> = (0..50).map(|i| plan(zones[i % zones.len()], None)).collect();
        let many = due_many(&plans, now, Duration::hours(3));
        let single: Vec<Due> = plans.iter().map(|p| p.due_at(now, Duration::hours(3))).collect();
        assert_eq!(many, single);
        assert!(
            many.iter().any(|d| matches!(d, Due::Send { .. })) && many.iter().any(|d| matches!(d, Due::Missed { .. }))
        );
    }

    #[test]
    fn the_stake_says_whether_a_freeze_will_cover_the_day() {
        assert_eq!(AtStake::of(0, 2), AtStake::Nothing);
        assert_eq!(AtStake::of(5, 0), AtStake::StreakWillEnd { streak: 5 });
        assert_eq!(AtStake::of(9, 1), AtStake::FreezeWillCover { streak: 9, freezes: 1 });
    }
}
