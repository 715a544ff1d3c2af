//! Check-ins: one row per member and local day adding up minutes and check-ins, and a log of
//! notes. The day is fixed in the member's zone when they check in, so a later change of time
//! zone never moves or double-counts it.

use super::{Store, Tx};
use crate::domain::MemberRef;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};

impl Tx {
    /// Adds a check-in to its day and logs its note, holding the member row's lock (see
    /// `members.rs`) from the first statement, so the day's row is never locked before it.
    /// Minutes add up; the day counts once.
    /// `None` when the member row no longer exists (deleted since it was looked up): nothing
    /// was written, and the caller creates the member first.
    pub(crate) async fn add_checkin(
        &mut self,
        member_id: i64,
        record: &CheckinRecord<'_>,
    ) -> Result<Option<DayAfterCheckin>, sqlx::Error> {
        let minutes = record.minutes.map_or(0, |m| i64::from(m.get()));
        let day = sqlx::query!(
            r#"WITH member AS (SELECT id FROM members WHERE id = $1 FOR UPDATE)
               INSERT INTO checkins (member_id, local_date, checked_in_at, minutes, checkin_count)
               SELECT member.id, $2::DATE, $3::TIMESTAMPTZ, $4::BIGINT, 1 FROM member
               ON CONFLICT (member_id, local_date) DO UPDATE
               SET minutes = COALESCE(checkins.minutes, 0) + excluded.minutes, checkin_count = checkins.checkin_count + 1
               RETURNING COALESCE(minutes, 0) AS "minutes!: i64", checkin_count, added_by_correction"#,
            member_id,
            record.local_date,
            record.at,
            minutes,
        )
        .fetch_optional(&mut *self.inner)
        .await?;
        let Some(day) = day else { return Ok(None) };
        if let Some(note) = record.note {
            let text = note.as_str();
            let logged_minutes = record.minutes.map(|m| i64::from(m.get()));
            sqlx::query!(
                "INSERT INTO checkin_notes (member_id, local_date, noted_at, minutes, note) VALUES ($1, $2, $3, $4, $5)",
                member_id,
                record.local_date,
                record.at,
                logged_minutes,
                text,
            )
            .execute(&mut *self.inner)
            .await?;
        }
        // A day a moderator added has no check-ins of its own, so its first real one is not new.
        let newly_counted = day.checkin_count == 1 && !day.added_by_correction;
        Ok(Some(DayAfterCheckin { newly_counted, minutes_today: day.minutes }))
    }

    pub(crate) async fn day_is_counted(&mut self, member_id: i64, date: NaiveDate) -> Result<bool, sqlx::Error> {
        let row = sqlx::query!(
            r#"SELECT 1::BIGINT AS "found!: i64" FROM checkins WHERE member_id = $1 AND local_date = $2"#,
            member_id,
            date
        )
        .fetch_optional(&mut *self.inner)
        .await?;
        Ok(row.is_some())
    }

    /// Counts a day a moderator added: no check-ins, no minutes.
    pub(crate) async fn add_corrected_day(
        &mut self,
        member_id: i64,
        date: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query!(
            r#"INSERT INTO checkins (member_id, local_date, checked_in_at, minutes, checkin_count, added_by_correction)
               VALUES ($1, $2, $3, 0, 0, TRUE)"#,
            member_id,
            date,
            at,
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    pub(crate) async fn remove_day(&mut self, member_id: i64, date: NaiveDate) -> Result<(), sqlx::Error> {
        sqlx::query!("DELETE FROM checkins WHERE member_id = $1 AND local_date = $2", member_id, date)
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Every counted day of the member, oldest first, for a full replay of the rules.
    pub(crate) async fn counted_days(&mut self, member_id: i64) -> Result<Vec<NaiveDate>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"SELECT local_date AS "local_date: NaiveDate" FROM checkins WHERE member_id = $1 ORDER BY local_date"#,
            member_id
        )
        .fetch_all(&mut *self.inner)
        .await?;
        Ok(rows.into_iter().map(|r| r.local_date).collect())
    }

    /// Counted days and minutes from `first` to `last` inclusive.
    pub(crate) async fn totals_between(
        &mut self,
        member_id: i64,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<(i64, i64), sqlx::Error> {
        let row = sqlx::query!(
            r#"SELECT COUNT(*) AS "days!: i64", COALESCE(SUM(minutes), 0)::BIGINT AS "minutes!: i64"
               FROM checkins WHERE member_id = $1 AND local_date BETWEEN $2 AND $3"#,
            member_id,
            first,
            last,
        )
        .fetch_one(&mut *self.inner)
        .await?;
        Ok((row.days, row.minutes))
    }
}

impl Store {
    /// The member's counted days from `first` on, oldest first (the heatmap and history window).
    pub(crate) async fn days_since(&self, member_id: i64, first: NaiveDate) -> Result<Vec<DayRow>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"SELECT local_date AS "local_date: NaiveDate", COALESCE(minutes, 0) AS "minutes!: i64",
                      checkin_count, added_by_correction
               FROM checkins WHERE member_id = $1 AND local_date >= $2 ORDER BY local_date"#,
            member_id,
            first,
        )
        .fetch_all(&self.pool)
        .await?;
        let days = rows.into_iter().map(|r| DayRow {
            local_date: r.local_date,
            minutes: r.minutes,
            checkin_count: r.checkin_count,
            added_by_correction: r.added_by_correction,
        });
        Ok(days.collect())
    }

    /// Every local date the member counted, oldest first.
    pub(crate) async fn checkin_days(&self, member: &MemberRef) -> Result<Vec<NaiveDate>, sqlx::Error> {
        let Some(member_id) = self.find_member_id(member).await? else { return Ok(Vec::new()) };
        let rows = sqlx::query!(
            r#"SELECT local_date AS "local_date: NaiveDate" FROM checkins WHERE member_id = $1 ORDER BY local_date"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.local_date).collect())
    }

    /// The member's notes from `first` on, oldest first.
    pub(crate) async fn notes_since(&self, member_id: i64, first: NaiveDate) -> Result<Vec<NoteRow>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"SELECT local_date AS "local_date: NaiveDate", noted_at AS "noted_at: DateTime<Utc>", minutes, note
               FROM checkin_notes WHERE member_id = $1 AND local_date >= $2 ORDER BY local_date, id"#,
            member_id,
            first,
        )
        .fetch_all(&self.pool)
        .await?;
        let notes = rows.into_iter().map(|r| NoteRow {
            local_date: r.local_date,
            noted_at: r.noted_at,
            minutes: r.minutes,
            note: r.note,
        });
        Ok(notes.collect())
    }
}
