//! The rows of `/privacy export` that no other read returns whole: each day with the time of its
//! first check-in, pauses with when they were asked for, step and topic progress with when they
//! were done, groups with when they were joined, the nudge settings and the nudge delivery log,
//! the period totals and when the streak runs out. Each row serializes as it appears in the
//! export; `tests/it/privacy_schema.rs` walks the schema so no column about a member is left out.

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
