//! Pauses and the other neutral days: days that neither break nor extend a streak.
//!
//! A member may pause for up to 14 days, starting today or within the next 30 days, with at most
//! one pause starting in any 30 days; so a pause is for travel or illness, not a way to keep a
//! streak without studying. A day that a change of time zone skips over (moving east past
//! midnight before checking in) is excused the same way, so changing zone never breaks a streak.
//! A day the member does check in on always counts, paused or not.

use crate::error::UserError;
use chrono::{Duration, NaiveDate};

/// The longest pause, in days.
pub const MAX_PAUSE_DAYS: i64 = 14;
/// A new pause may start no sooner than this many days after the previous one started.
pub const DAYS_BETWEEN_PAUSES: i64 = 30;
/// How far ahead a pause may be planned.
pub const MAX_DAYS_AHEAD: i64 = 30;

/// Why a stretch of days is neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeutralReason {
    Pause,
    TimezoneChange,
}

impl NeutralReason {
    pub fn as_str(self) -> &'static str {
        match self {
            NeutralReason::Pause => "pause",
            NeutralReason::TimezoneChange => "timezone",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "pause" => Some(NeutralReason::Pause),
            "timezone" => Some(NeutralReason::TimezoneChange),
            _ => None,
        }
    }
}

/// An inclusive range of local dates that neither break nor extend the streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeutralSpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub reason: NeutralReason,
}

impl NeutralSpan {
    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }
}

/// Every neutral span of one member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeutralDays {
    spans: Vec<NeutralSpan>,
}

impl NeutralDays {
    pub fn new(spans: Vec<NeutralSpan>) -> Self {
        NeutralDays { spans }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.spans.iter().any(|s| s.first <= day && day <= s.last)
    }

    pub fn spans(&self) -> &[NeutralSpan] {
        &self.spans
    }
}

/// Checks a requested pause against the rules, given the starts of earlier pauses.
pub fn validate_pause(
    first: NaiveDate,
    days: i64,
    today: NaiveDate,
    earlier_starts: &[NaiveDate],
) -> Result<NeutralSpan, UserError> {
    if !(1..=MAX_PAUSE_DAYS).contains(&days) {
        return Err(UserError::PauseLength { given: days.to_string(), max: MAX_PAUSE_DAYS });
    }
    if first < today || first > today + Duration::days(MAX_DAYS_AHEAD) {
        return Err(UserError::PauseStart { today, max_ahead: MAX_DAYS_AHEAD });
    }
    let too_close = earlier_starts.iter().find(|s| (first - **s).num_days().abs() < DAYS_BETWEEN_PAUSES);
    if let Some(previous) = too_close {
        let next_allowed = *previous + Duration::days(DAYS_BETWEEN_PAUSES);
        return Err(UserError::PauseTooSoon { previous: *previous, next_allowed });
    }
    Ok(NeutralSpan { first, last: first + Duration::days(days - 1), reason: NeutralReason::Pause })
}

/// The days a change of time zone skips: from the old local today up to (not including) the new
/// one, when the new zone is already on a later date. Moving west skips nothing.
pub fn days_skipped_by_move(old_today: NaiveDate, new_today: NaiveDate) -> Option<NeutralSpan> {
    (new_today > old_today).then(|| NeutralSpan {
        first: old_today,
        last: new_today.pred_opt().unwrap_or(new_today),
        reason: NeutralReason::TimezoneChange,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, day).unwrap()
    }

    #[test]
    fn a_pause_of_up_to_fourteen_days_from_today_is_accepted() {
        let span = validate_pause(d(10), 14, d(10), &[]).unwrap();
        assert_eq!((span.first, span.last, span.days()), (d(10), d(23), 14));
    }

    #[test]
    fn a_too_long_backdated_or_too_frequent_pause_is_refused() {
        assert!(matches!(validate_pause(d(10), 15, d(10), &[]), Err(UserError::PauseLength { .. })));
        assert!(matches!(validate_pause(d(10), 0, d(10), &[]), Err(UserError::PauseLength { .. })));
        assert!(matches!(validate_pause(d(9), 3, d(10), &[]), Err(UserError::PauseStart { .. })));
        assert!(matches!(validate_pause(d(12), 3, d(10), &[d(1)]), Err(UserError::PauseTooSoon { .. })));
    }

    #[test]
    fn only_a_move_east_past_midnight_skips_a_day() {
        assert_eq!(days_skipped_by_move(d(10), d(10)), None);
        assert_eq!(days_skipped_by_move(d(10), d(9)), None);
        let skipped = days_skipped_by_move(d(10), d(11)).unwrap();
        assert_eq!((skipped.first, skipped.last), (d(10), d(10)));
    }
}
