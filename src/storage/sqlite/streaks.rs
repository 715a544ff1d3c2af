//! Streak records and neutral days (pauses, excused days): the per-member aggregates that keep
//! `/streak` and leaderboards from scanning history. `App` computes them with the domain rules;
//! this file only reads and writes them. Writes are upserts, never `INSERT OR REPLACE`, so the
//! triggers that keep `board_counts` exact see an update rather than a silent delete.

use super::{Store, Tx};
use crate::domain::pause::{NeutralReason, NeutralSpan};
use crate::domain::{MemberRef, NeutralDays};
use crate::storage::model::columns::*;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Executor, Sqlite};

async fn load_streak<'e>(
    executor: impl Executor<'e, Database = Sqlite>,
    member_id: i64,
) -> Result<Option<StoredStreak>, sqlx::Error> {
    let row = sqlx::query_as!(
        StreakColumns,
        r#"SELECT current_days, longest_days, total_days, total_minutes, freezes_held, freezes_used,
                  days_toward_freeze, last_day AS "last_day: NaiveDate", NULL AS "neutral?: String"
           FROM streaks WHERE member_id = ?"#,
        member_id
    )
    .fetch_optional(executor)
    .await?;
    Ok(row.map(|r| r.stored()))
}

async fn load_neutral<'e>(
    executor: impl Executor<'e, Database = Sqlite>,
    member_id: i64,
) -> Result<NeutralDays, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT first_day AS "first_day: NaiveDate", last_day AS "last_day: NaiveDate", reason
           FROM neutral_days WHERE member_id = ? ORDER BY first_day"#,
        member_id
    )
    .fetch_all(executor)
    .await?;
    let spans = rows.into_iter().filter_map(|r| {
        Some(NeutralSpan { first: r.first_day, last: r.last_day, reason: NeutralReason::parse(&r.reason)? })
    });
    Ok(NeutralDays::new(spans.collect()))
}

impl Store {
    pub(crate) async fn streak(&self, member_id: i64) -> Result<Option<StoredStreak>, sqlx::Error> {
        load_streak(&self.pool, member_id).await
    }

    /// The member's streak record and neutral days in one round trip, found by who they are (so
    /// `/streak` can run it alongside the member lookup).
    pub(crate) async fn streak_and_neutral_of(
        &self,
        member: &MemberRef,
    ) -> Result<(Option<StoredStreak>, NeutralDays), sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query_as!(
            StreakColumns,
            r#"SELECT current_days, longest_days, total_days, total_minutes, freezes_held, freezes_used,
                      days_toward_freeze, last_day AS "last_day: NaiveDate",
                      (SELECT group_concat(n.first_day || ' ' || n.last_day || ' ' || n.reason, ',')
                       FROM neutral_days n WHERE n.member_id = s.member_id) AS "neutral?: String"
               FROM streaks s
               WHERE s.member_id = (SELECT id FROM members WHERE platform = ? AND space_id = ? AND user_id = ?)"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            let Some(member_id) = self.find_member_id(member).await? else { return Ok((None, NeutralDays::default())) };
            return Ok((None, self.neutral_days(member_id).await?));
        };
        Ok((Some(r.stored()), r.neutral_days()))
    }

    pub(crate) async fn neutral_days(&self, member_id: i64) -> Result<NeutralDays, sqlx::Error> {
        load_neutral(&self.pool, member_id).await
    }

    /// Whether the member has any check-in at all (a missing streak row then needs a rebuild).
    pub(crate) async fn has_checkins(&self, member_id: i64) -> Result<bool, sqlx::Error> {
        let row = sqlx::query!(r#"SELECT 1 AS "found!: i64" FROM checkins WHERE member_id = ? LIMIT 1"#, member_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }
}

impl Tx {
    pub(crate) async fn streak(&mut self, member_id: i64) -> Result<Option<StoredStreak>, sqlx::Error> {
        load_streak(&mut *self.inner, member_id).await
    }

    pub(crate) async fn neutral_days(&mut self, member_id: i64) -> Result<NeutralDays, sqlx::Error> {
        load_neutral(&mut *self.inner, member_id).await
    }

    /// Writes the member's streak record and their totals. SQLite has no one statement that
    /// writes two tables, and its round trips are to a thread, not a server: two statements.
    pub(crate) async fn save_record_rows(
        &mut self,
        member_id: i64,
        member: &MemberRef,
        stored: &StoredStreak,
        alive_until: i64,
        totals: &PeriodTotals,
    ) -> Result<(), sqlx::Error> {
        self.save_streak(member_id, member, stored, alive_until).await?;
        self.save_period_totals(member_id, member, totals).await
    }

    /// Writes the member's streak record; `alive_until` is 0 when there is no streak.
    pub(super) async fn save_streak(
        &mut self,
        member_id: i64,
        member: &MemberRef,
        stored: &StoredStreak,
        alive_until: i64,
    ) -> Result<(), sqlx::Error> {
        let s = &stored.state;
        let platform = member.platform().as_str();
        let (current, longest, total, held, used, toward) = (
            i64::from(s.current),
            i64::from(s.longest),
            i64::from(s.total_days),
            i64::from(s.freezes_held),
            i64::from(s.freezes_used),
            i64::from(s.days_toward_freeze),
        );
        sqlx::query!(
            r#"INSERT INTO streaks (member_id, platform, space_id, current_days, longest_days, total_days,
                   total_minutes, freezes_held, freezes_used, days_toward_freeze, last_day, alive_until)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (member_id) DO UPDATE SET current_days = excluded.current_days,
                   longest_days = excluded.longest_days, total_days = excluded.total_days,
                   total_minutes = excluded.total_minutes, freezes_held = excluded.freezes_held,
                   freezes_used = excluded.freezes_used, days_toward_freeze = excluded.days_toward_freeze,
                   last_day = excluded.last_day, alive_until = excluded.alive_until"#,
            member_id,
            platform,
            member.space.space_id,
            current,
            longest,
            total,
            stored.total_minutes,
            held,
            used,
            toward,
            s.last_day,
            alive_until,
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    pub(crate) async fn add_neutral_span(
        &mut self,
        member_id: i64,
        span: &NeutralSpan,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let reason = span.reason.as_str();
        sqlx::query!(
            "INSERT INTO neutral_days (member_id, first_day, last_day, reason, created_at) VALUES (?, ?, ?, ?, ?)",
            member_id,
            span.first,
            span.last,
            reason,
            now,
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Ends the member's pauses from `today` on: a pause not started yet is removed, a running
    /// one is cut short to yesterday. Returns how many pauses changed.
    pub(crate) async fn cancel_pauses_from(&mut self, member_id: i64, today: NaiveDate) -> Result<u64, sqlx::Error> {
        let removed = sqlx::query!(
            "DELETE FROM neutral_days WHERE member_id = ? AND reason = 'pause' AND first_day >= ?",
            member_id,
            today
        )
        .execute(&mut *self.inner)
        .await?;
        let yesterday = today.pred_opt().unwrap_or(today);
        let shortened = sqlx::query!(
            "UPDATE neutral_days SET last_day = ? WHERE member_id = ? AND reason = 'pause' AND last_day >= ?",
            yesterday,
            member_id,
            today
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(removed.rows_affected() + shortened.rows_affected())
    }
}
