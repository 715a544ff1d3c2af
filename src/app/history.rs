//! `App` actions for looking back: the recent days with what each meant for the streak, the
//! pauses, and the moderator corrections the member can see.

use super::streaks::window_start;
use super::{App, HistoryDay, HistoryView};
use crate::domain::history::mark_days;
use crate::domain::MemberRef;
use crate::error::Error;
use chrono::{DateTime, Utc};

/// Days shown by `/history`.
pub const HISTORY_DAYS: i64 = 14;
/// Corrections shown by `/history`.
const HISTORY_CORRECTIONS: i64 = 20;

impl App {
    /// The member's last 14 days, newest first.
    pub async fn history(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<HistoryView, Error> {
        let (member_id, zone) = self.member_and_zone(member).await?;
        let today = zone.local_date(now);
        let Some(member_id) = member_id else {
            return Ok(HistoryView { days: Vec::new(), pauses: Vec::new(), corrections: Vec::new() });
        };
        let first = window_start(today, HISTORY_DAYS);
        let neutral = self.store.neutral_days(member_id).await?;
        let every_day = self.store.checkin_days(member).await?;
        let rows = self.store.days_since(member_id, first).await?;
        let notes = self.store.notes_since(member_id, first).await?;
        let mut days: Vec<HistoryDay> = mark_days(&every_day, &neutral, first, today)
            .into_iter()
            .map(|(date, mark)| {
                let row = rows.iter().find(|r| r.local_date == date);
                HistoryDay {
                    date,
                    mark,
                    minutes: row.map_or(0, |r| r.minutes),
                    checkins: row.map_or(0, |r| r.checkin_count),
                    added_by_moderator: row.is_some_and(|r| r.added_by_correction),
                    notes: notes.iter().filter(|n| n.local_date == date).map(|n| n.note.clone()).collect(),
                }
            })
            .collect();
        days.reverse();
        let pauses = neutral.spans().iter().filter(|s| s.last >= first).copied().collect();
        let corrections = self.store.corrections_of(member_id, HISTORY_CORRECTIONS).await?;
        Ok(HistoryView { days, pauses, corrections })
    }
}
