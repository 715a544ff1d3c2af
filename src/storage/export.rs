//! The rows of `/privacy export` that no other read returns whole: each day with the time of its
//! first check-in, pauses with when they were asked for, step and topic progress with when they
//! were done, groups with when they were joined, the nudge settings and the nudge delivery log,
//! the period totals and when the streak runs out. Each row serializes as it appears in the
//! export; `tests/it/privacy_schema.rs` walks the schema so no column about a member is left out.

use super::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ExportDay {
    pub date: NaiveDate,
    pub first_check_in_at: DateTime<Utc>,
    pub minutes: Option<i64>,
    pub check_ins: i64,
    pub added_by_moderator: bool,
}

#[derive(Debug, Serialize)]
pub struct ExportPause {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub reason: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct ExportStep {
    pub step: i64,
    pub status: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct ExportTopic {
    pub step: i64,
    pub checklist_topic_done: i64,
    pub done_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct ExportGroup {
    pub name: String,
    pub joined_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct ExportNudges {
    pub local_time: String,
    /// Monday is bit 0, Sunday bit 6.
    pub weekdays_bits: i64,
    pub snoozed_through: Option<NaiveDate>,
    pub direct_messages_closed_at: Option<DateTime<Utc>>,
    pub told_about_closed_direct_messages: bool,
    /// The platform's direct-message channel with the member, once a nudge opened it.
    pub direct_channel_id: Option<String>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize)]
pub struct ExportDelivery {
    pub date: NaiveDate,
    pub status: String,
    pub claimed_at: DateTime<Utc>,
    pub claimed_by: String,
    pub detail: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportPeriod {
    pub period: String,
    pub starts: String,
    pub days: i64,
    pub minutes: i64,
}

/// Everything in this file for one member.
#[derive(Debug, Serialize)]
pub struct MemberExport {
    pub days: Vec<ExportDay>,
    pub pauses_and_excused_days: Vec<ExportPause>,
    pub roadmap_progress: Vec<ExportStep>,
    pub roadmap_checklist_topics: Vec<ExportTopic>,
    pub groups: Vec<ExportGroup>,
    pub nudges: Option<ExportNudges>,
    pub nudges_delivered: Vec<ExportDelivery>,
    pub period_totals: Vec<ExportPeriod>,
    /// The Unix time the streak ends if the member never checks in again (0: no streak).
    pub streak_ends_at_unix: Option<i64>,
}

impl Store {
    pub async fn member_export(&self, member_id: i64) -> Result<MemberExport, sqlx::Error> {
        Ok(MemberExport {
            days: self.export_days(member_id).await?,
            pauses_and_excused_days: self.export_pauses(member_id).await?,
            roadmap_progress: self.export_steps(member_id).await?,
            roadmap_checklist_topics: self.export_topics(member_id).await?,
            groups: self.export_groups(member_id).await?,
            nudges: self.export_nudges(member_id).await?,
            nudges_delivered: self.export_deliveries(member_id).await?,
            period_totals: self.export_periods(member_id).await?,
            streak_ends_at_unix: sqlx::query_scalar!("SELECT alive_until FROM streaks WHERE member_id = ?", member_id)
                .fetch_optional(&self.pool)
                .await?,
        })
    }

    async fn export_days(&self, member_id: i64) -> Result<Vec<ExportDay>, sqlx::Error> {
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

    async fn export_pauses(&self, member_id: i64) -> Result<Vec<ExportPause>, sqlx::Error> {
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

    async fn export_steps(&self, member_id: i64) -> Result<Vec<ExportStep>, sqlx::Error> {
        sqlx::query_as!(
            ExportStep,
            r#"SELECT step_number AS step, status, updated_at AS "updated_at: DateTime<Utc>"
               FROM roadmap_progress WHERE member_id = ? ORDER BY step_number"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await
    }

    async fn export_topics(&self, member_id: i64) -> Result<Vec<ExportTopic>, sqlx::Error> {
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

    async fn export_groups(&self, member_id: i64) -> Result<Vec<ExportGroup>, sqlx::Error> {
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
