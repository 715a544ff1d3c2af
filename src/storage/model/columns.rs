//! Raw columns back into the values of `rows.rs`, decoded once for both stores: a value that no
//! longer reads (see `decode.rs`) drops its row or reads as absent, never fails the read.

use super::decode;
use super::rows::{CorrectionRow, NudgeRow, PromptScheduleRow, StoredStreak};
use crate::domain::pause::{NeutralReason, NeutralSpan};
use crate::domain::schedule::LocalTime;
use crate::domain::{MemberRef, NeutralDays, SpaceRef, StreakState, Timezone};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// The columns of `day_corrections` as the member's history reads them.
pub(in crate::storage) struct CorrectionColumns {
    pub(in crate::storage) local_date: NaiveDate,
    pub(in crate::storage) action: String,
    pub(in crate::storage) reason: String,
    pub(in crate::storage) moderator_user_id: Option<String>,
    pub(in crate::storage) corrected_at: DateTime<Utc>,
}

impl CorrectionColumns {
    pub(in crate::storage) fn decode(self) -> Option<CorrectionRow> {
        Some(CorrectionRow {
            local_date: self.local_date,
            action: decode::correction_kind(&self.action)?,
            reason: self.reason,
            moderator_user_id: self.moderator_user_id,
            corrected_at: self.corrected_at,
        })
    }
}

/// The columns `active_nudges` selects.
pub(in crate::storage) struct NudgeColumns {
    pub(in crate::storage) member_id: i64,
    pub(in crate::storage) platform: String,
    pub(in crate::storage) space_id: String,
    pub(in crate::storage) user_id: String,
    pub(in crate::storage) local_time: String,
    pub(in crate::storage) weekdays: i64,
    pub(in crate::storage) snooze_until: Option<NaiveDate>,
    pub(in crate::storage) timezone: Option<String>,
    pub(in crate::storage) direct_channel_id: Option<String>,
}

/// Decodes nudge rows, each distinct zone and time once: a large server shares a few of each.
#[derive(Default)]
pub(in crate::storage) struct NudgeDecoder {
    pub(in crate::storage) zones: HashMap<String, Option<Timezone>>,
    pub(in crate::storage) times: HashMap<String, Option<LocalTime>>,
}

impl NudgeDecoder {
    pub(in crate::storage) fn decode(&mut self, row: NudgeColumns) -> Option<NudgeRow> {
        let timezone = match row.timezone {
            Some(name) => *self.zones.entry(name).or_insert_with_key(|name| decode::zone(name)),
            None => None,
        };
        let local_time = *self.times.entry(row.local_time).or_insert_with_key(|text| decode::local_time(text));
        Some(NudgeRow {
            member_id: row.member_id,
            member: MemberRef::new(decode::platform(&row.platform)?, row.space_id, row.user_id),
            local_time: local_time?,
            weekdays: decode::weekdays(row.weekdays),
            snooze_until: row.snooze_until,
            timezone,
            direct_channel: row.direct_channel_id,
        })
    }
}

/// The columns of `prompt_schedules` as both reads select them.
pub(in crate::storage) struct PromptScheduleColumns {
    pub(in crate::storage) platform: String,
    pub(in crate::storage) space_id: String,
    pub(in crate::storage) channel_id: String,
    pub(in crate::storage) local_time: String,
    pub(in crate::storage) timezone: String,
    pub(in crate::storage) weekdays: i64,
    pub(in crate::storage) enabled: bool,
    pub(in crate::storage) disabled_reason: Option<String>,
    pub(in crate::storage) rotation_seed: i64,
    pub(in crate::storage) posts_made: i64,
}

impl PromptScheduleColumns {
    pub(in crate::storage) fn decode(self) -> Option<PromptScheduleRow> {
        Some(PromptScheduleRow {
            space: SpaceRef { platform: decode::platform(&self.platform)?, space_id: self.space_id },
            channel_id: self.channel_id,
            local_time: decode::local_time(&self.local_time)?,
            timezone: decode::zone(&self.timezone),
            weekdays: decode::weekdays(self.weekdays),
            enabled: self.enabled,
            disabled_reason: self.disabled_reason,
            // Stored as the same 64 bits, so a seed above i64::MAX comes back as it went in.
            rotation_seed: self.rotation_seed as u64,
            posts_made: u64::try_from(self.posts_made).unwrap_or(0),
        })
    }
}

/// The `streaks` columns as every read selects them, with the member's neutral days gathered
/// into one text column where the read wants them (else NULL); decoded here and nowhere else.
pub(in crate::storage) struct StreakColumns {
    pub(in crate::storage) current_days: i64,
    pub(in crate::storage) longest_days: i64,
    pub(in crate::storage) total_days: i64,
    pub(in crate::storage) total_minutes: i64,
    pub(in crate::storage) freezes_held: i64,
    pub(in crate::storage) freezes_used: i64,
    pub(in crate::storage) days_toward_freeze: i64,
    pub(in crate::storage) last_day: Option<NaiveDate>,
    pub(in crate::storage) neutral: Option<String>,
}

/// Neutral days from the "first last reason" spans a read gathered into one column.
pub(in crate::storage) fn neutral_from(joined: Option<&str>) -> NeutralDays {
    NeutralDays::new(joined.map_or_else(Vec::new, parse_spans))
}

impl StreakColumns {
    pub(in crate::storage) fn stored(&self) -> StoredStreak {
        let count = |value: i64| u32::try_from(value).unwrap_or(0);
        let state = StreakState {
            current: count(self.current_days),
            longest: count(self.longest_days),
            total_days: count(self.total_days),
            freezes_held: count(self.freezes_held),
            freezes_used: count(self.freezes_used),
            days_toward_freeze: count(self.days_toward_freeze),
            last_day: self.last_day,
        };
        StoredStreak { state, total_minutes: self.total_minutes }
    }

    pub(in crate::storage) fn neutral_days(&self) -> NeutralDays {
        neutral_from(self.neutral.as_deref())
    }
}

/// Reads "first last reason" spans joined by commas, as `streak_and_neutral` selects them.
fn parse_spans(text: &str) -> Vec<NeutralSpan> {
    let span = |part: &str| {
        let mut words = part.split(' ');
        let first = words.next()?.parse().ok()?;
        let last = words.next()?.parse().ok()?;
        Some(NeutralSpan { first, last, reason: NeutralReason::parse(words.next()?)? })
    };
    let mut spans: Vec<NeutralSpan> = text.split(',').filter_map(span).collect();
    spans.sort_by_key(|s| s.first);
    spans
}

/// Dates joined by commas, in any order, as the statement gathers them; oldest first.
pub(in crate::storage) fn parse_days(joined: Option<&str>) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = joined.unwrap_or("").split(',').filter_map(|day| day.trim().parse().ok()).collect();
    days.sort();
    days
}

#[cfg(test)]
mod tests {
    use super::parse_days;
    use chrono::NaiveDate;

    #[test]
    fn days_are_read_in_any_order_and_come_back_oldest_first() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(parse_days(Some("2026-03-05,2026-03-01,2026-03-03")), vec![day(1), day(3), day(5)]);
        assert_eq!(parse_days(None), Vec::<NaiveDate>::new());
        assert_eq!(parse_days(Some("")), Vec::<NaiveDate>::new());
    }
}
