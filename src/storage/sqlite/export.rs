//! The rows of `/privacy export` that no other read returns whole: each day with the time of its
//! first check-in, pauses with when they were asked for, step and topic progress with when they
//! were done, groups with when they were joined, the nudge settings and the nudge delivery log,
//! the period totals and when the streak runs out. Each row serializes as it appears in the
//! export; `tests/it/privacy_schema.rs` walks the schema so no column about a member is left out.

use super::Store;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};

impl Store {
    /// When the member's streak ends if they never check in again (0: no streak); `None`
    /// without a record.
    pub(in crate::storage) async fn streak_ends_at(&self, member_id: i64) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar!("SELECT alive_until FROM streaks WHERE member_id = ?", member_id)
            .fetch_optional(&self.pool)
            .await
    }

    pub(in crate::storage) async fn export_days(&self, member_id: i64) -> Result<Vec<ExportDay>, sqlx::Error> {
        sqlx::query_as!(
            ExportDay,
            r#"SELECT local_date AS "date: NaiveDate", checked_in_at AS "first_check_in_at: DateTime<Utc>", minutes,
                      checkin_count AS check_ins, added_by_correction AS "added_by_moderator: bool"
               FROM checkins WHERE member_id = ? ORDER BY local_date"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_pauses(&self, member_id: i64) -> Result<Vec<ExportPause>, sqlx::Error> {
        sqlx::query_as!(
            ExportPause,
            r#"SELECT first_day AS "first: NaiveDate", last_day AS "last: NaiveDate", reason,
                      created_at AS "recorded_at: DateTime<Utc>"
               FROM neutral_days WHERE member_id = ? ORDER BY first_day"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_steps(&self, member_id: i64) -> Result<Vec<ExportStep>, sqlx::Error> {
        sqlx::query_as!(
            ExportStep,
            r#"SELECT step_number AS step, status, updated_at AS "updated_at: DateTime<Utc>"
               FROM roadmap_progress WHERE member_id = ? ORDER BY step_number"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_topics(&self, member_id: i64) -> Result<Vec<ExportTopic>, sqlx::Error> {
        sqlx::query_as!(
            ExportTopic,
            r#"SELECT step_number AS step, topic_index + 1 AS "checklist_topic_done!: i64",
                      done_at AS "done_at: DateTime<Utc>"
               FROM topic_progress WHERE member_id = ? ORDER BY step_number, topic_index"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }

    pub(in crate::storage) async fn export_groups(&self, member_id: i64) -> Result<Vec<ExportGroup>, sqlx::Error> {
        sqlx::query_as!(
            ExportGroup,
            r#"SELECT g.name, m.joined_at AS "joined_at: DateTime<Utc>"
               FROM group_members m JOIN study_groups g ON g.id = m.group_id
               WHERE m.member_id = ? ORDER BY g.name"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }
}
