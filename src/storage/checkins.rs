//! Check-ins: one row per member and local day.

use super::Store;
use crate::domain::{MemberRef, Minutes, Note};
use chrono::{DateTime, NaiveDate, Utc};

/// A check-in to record for a member's local day.
pub struct CheckinRecord<'a> {
    pub local_date: NaiveDate,
    pub at: DateTime<Utc>,
    pub minutes: Option<Minutes>,
    pub note: Option<&'a Note>,
}

impl Store {
    /// Records the day; returns false, changing nothing, when the day was already counted.
    /// The primary key makes this atomic, so two simultaneous check-ins count the day once.
    pub async fn record_checkin(&self, member: &MemberRef, record: CheckinRecord<'_>) -> Result<bool, sqlx::Error> {
        let member_id = self.member_id(member, record.at).await?;
        let minutes = record.minutes.map(|m| i64::from(m.get()));
        let note = record.note.map(Note::as_str);
        let result = sqlx::query!(
            r#"INSERT INTO checkins (member_id, local_date, checked_in_at, minutes, note)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (member_id, local_date) DO NOTHING"#,
            member_id,
            record.local_date,
            record.at,
            minutes,
            note,
        )
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Every local date the member checked in on, oldest first.
    pub async fn checkin_days(&self, member: &MemberRef) -> Result<Vec<NaiveDate>, sqlx::Error> {
        let platform = member.platform().as_str();
        let rows = sqlx::query!(
            r#"SELECT c.local_date AS "local_date: NaiveDate"
               FROM checkins c JOIN members m ON m.id = c.member_id
               WHERE m.platform = ? AND m.space_id = ? AND m.user_id = ?
               ORDER BY c.local_date"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.local_date).collect())
    }
}
