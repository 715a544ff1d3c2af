//! The values both stores hand up and take in: rows as domain types, the keys of scheduled
//! sends, the board query. Written once here so `App` never learns which store runs.

use crate::domain::correction::CorrectionKind;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{MemberRef, Metric, Minutes, NeutralDays, Note, Period, SpaceRef, StreakState, Timezone};
use chrono::{DateTime, NaiveDate, Utc};

/// One ranked member with the figures every board shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub member_id: i64,
    pub user_id: String,
    pub days: i64,
    pub minutes: i64,
    pub streak: i64,
}

/// Which board: the server, a measure, a period and its start, and "now" for streaks.
pub struct BoardQuery<'a> {
    pub space: &'a SpaceRef,
    pub metric: Metric,
    pub period: Period,
    pub period_start: NaiveDate,
    pub now_unix: i64,
}

impl BoardQuery<'_> {
    /// The board's key in `board_counts`: the period and its start, or the streak board.
    pub(in crate::storage) fn key(&self) -> (&'static str, String) {
        match self.metric {
            Metric::Streak => ("streak", String::new()),
            _ => (self.period.as_str(), self.period_start.to_string()),
        }
    }
}

/// A member's score on a board: (measure, tie-break, second tie-break) as kept in `board_counts`.
pub(crate) type Score = (i64, i64, i64);

/// Stands in for "no member": nobody is ahead of it.
pub(in crate::storage) const NO_SCORE: Score = (i64::MAX, i64::MAX, i64::MAX);

/// A check-in to record for a member's local day.
pub struct CheckinRecord<'a> {
    pub local_date: NaiveDate,
    pub at: DateTime<Utc>,
    pub minutes: Option<Minutes>,
    pub note: Option<&'a Note>,
}

/// What a check-in did to its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayAfterCheckin {
    pub newly_counted: bool,
    pub minutes_today: i64,
}

/// One counted day: its minutes and how it came to be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    pub local_date: NaiveDate,
    pub minutes: i64,
    pub checkin_count: i64,
    pub added_by_correction: bool,
}

/// One note as the member wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow {
    pub local_date: NaiveDate,
    pub noted_at: DateTime<Utc>,
    pub minutes: Option<i64>,
    pub note: String,
}

/// Days and minutes counted in the week and the month around one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAndMonth {
    pub around: NaiveDate,
    pub week: (i64, i64),
    pub month: (i64, i64),
}

/// A check-in's reads, as of its own write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinContext {
    pub record: Option<StoredStreak>,
    pub neutral: NeutralDays,
    pub sums: WeekAndMonth,
    /// Every counted day (oldest first) and the minutes of all time, when there is no record.
    pub history: Option<(Vec<NaiveDate>, i64)>,
}

/// One logged correction as the member sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRow {
    pub local_date: NaiveDate,
    pub action: CorrectionKind,
    pub reason: String,
    /// `None` once the moderator deleted their own data.
    pub moderator_user_id: Option<String>,
    pub corrected_at: DateTime<Utc>,
}

/// What a claim is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryKind {
    Prompt,
    Nudge,
}

impl DeliveryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryKind::Prompt => "prompt",
            DeliveryKind::Nudge => "nudge",
        }
    }
}

/// One send: which kind, to which target (a space or a member id), for which local date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryKey {
    pub kind: DeliveryKind,
    pub target: String,
    pub local_date: NaiveDate,
}

/// What most actions need first: who the member is and which zone their days are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberLookup {
    pub id: Option<i64>,
    /// The member's own zone; `None` when unset or no longer parsing.
    pub member_zone: Option<Timezone>,
    /// The space's default zone; `None` when unset or no longer parsing.
    pub space_zone: Option<Timezone>,
}

/// A member's nudge setting with what is needed to decide whether it is due.
#[derive(Debug, Clone)]
pub struct NudgeRow {
    /// The member's row id, for the delivery claim; it goes no further than `App`.
    pub member_id: i64,
    pub member: MemberRef,
    pub local_time: LocalTime,
    pub weekdays: Weekdays,
    pub snooze_until: Option<NaiveDate>,
    /// The member's zone, else the space's; `None` means the configured default (also when
    /// the stored zone no longer parses).
    pub timezone: Option<Timezone>,
    /// The member's direct-message channel, when a nudge opened it before.
    pub direct_channel: Option<String>,
}

/// A member's period totals as (days, minutes), with the periods' first days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodTotals {
    pub week_start: NaiveDate,
    pub week: (i64, i64),
    pub month_start: NaiveDate,
    pub month: (i64, i64),
    pub all_time: (i64, i64),
}

/// The member's own row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub timezone: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A space's prompt schedule.
#[derive(Debug, Clone)]
pub struct PromptScheduleRow {
    pub space: SpaceRef,
    pub channel_id: String,
    pub local_time: LocalTime,
    /// `None` when the stored zone no longer parses: the configured default applies.
    pub timezone: Option<Timezone>,
    pub weekdays: Weekdays,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub rotation_seed: u64,
    pub posts_made: u64,
}

/// The schedule to store for a space.
pub struct NewPromptSchedule<'a> {
    pub channel_id: &'a str,
    pub local_time: LocalTime,
    pub timezone: Timezone,
    pub weekdays: Weekdays,
    pub rotation_seed: u64,
}

/// A member's stored streak state and minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoredStreak {
    pub state: StreakState,
    pub total_minutes: i64,
}
