//! `App` actions for privacy: `/privacy export` gathers everything held about the member into
//! one JSON document; `/privacy delete` removes all of it (the adapter asks for confirmation
//! first). Nothing here is kept elsewhere: a deleted member never appears on a board again.

use super::{App, ExportFile};
use crate::domain::{MemberRef, NeutralDays, Period};
use crate::error::Error;
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};

impl App {
    /// Everything held about the member, as a pretty-printed JSON file.
    pub async fn privacy_export(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<ExportFile, Error> {
        let mut document = json!({
            "exported_at": now,
            "member": { "platform": member.platform().as_str(), "space_id": member.space.space_id, "user_id": member.user_id },
        });
        if let Some(row) = self.store.member_row(member).await? {
            let neutral = self.store.neutral_days(row.id).await?;
            document["settings"] = json!({ "timezone": row.timezone, "first_seen": row.created_at });
            document["streak"] = self.export_streak(row.id).await?;
            document["days"] = self.export_days(row.id).await?;
            document["notes"] = self.export_notes(row.id).await?;
            document["pauses_and_excused_days"] = export_neutral(&neutral);
            document["roadmap_progress"] = self.export_progress(member).await?;
            document["roadmap_checklist_topics"] = self.export_topics(member).await?;
            document["groups"] =
                json!(self.store.member_groups(row.id).await?.into_iter().map(|g| g.name).collect::<Vec<_>>());
            document["corrections_to_your_days"] = self.export_corrections(row.id).await?;
            document["corrections_you_made"] = self.export_corrections_made(member).await?;
        }
        let json = serde_json::to_string_pretty(&document).context("the export could not be written as JSON")?;
        let file_name = format!("backend-mentor-export-{}.json", now.format("%Y%m%d"));
        Ok(ExportFile { file_name, json })
    }

    /// Removes everything held about the member; false when there was nothing.
    pub async fn privacy_delete(&self, member: &MemberRef) -> Result<bool, Error> {
        Ok(self.store.delete_member(member).await?)
    }

    async fn export_streak(&self, member_id: i64) -> Result<Value, Error> {
        let Some(stored) = self.store.streak(member_id).await? else { return Ok(Value::Null) };
        let s = stored.state;
        Ok(json!({
            "current_days_as_last_recorded": s.current, "longest_days": s.longest, "total_days": s.total_days,
            "total_minutes": stored.total_minutes, "freezes_held": s.freezes_held, "freezes_used": s.freezes_used,
            "days_toward_next_freeze": s.days_toward_freeze, "last_counted_day": s.last_day,
        }))
    }

    async fn export_days(&self, member_id: i64) -> Result<Value, Error> {
        let rows = self.store.days_since(member_id, Period::AllTime.start(NaiveDate::MIN)).await?;
        let days = rows.into_iter().map(|r| {
            json!({ "date": r.local_date, "minutes": r.minutes, "check_ins": r.checkin_count, "added_by_moderator": r.added_by_correction })
        });
        Ok(Value::Array(days.collect()))
    }

    async fn export_notes(&self, member_id: i64) -> Result<Value, Error> {
        let rows = self.store.notes_since(member_id, Period::AllTime.start(NaiveDate::MIN)).await?;
        let notes = rows
            .into_iter()
            .map(|n| json!({ "date": n.local_date, "at": n.noted_at, "minutes": n.minutes, "note": n.note }));
        Ok(Value::Array(notes.collect()))
    }

    async fn export_progress(&self, member: &MemberRef) -> Result<Value, Error> {
        let statuses = self.store.step_statuses(member).await?;
        let steps = statuses.into_iter().map(|(step, status)| json!({ "step": step, "status": status.as_str() }));
        Ok(Value::Array(steps.collect()))
    }

    async fn export_topics(&self, member: &MemberRef) -> Result<Value, Error> {
        let topics = self.store.topics_done(member).await?;
        let done = topics.into_iter().map(|(step, topic)| json!({ "step": step, "checklist_topic_done": topic + 1 }));
        Ok(Value::Array(done.collect()))
    }

    async fn export_corrections(&self, member_id: i64) -> Result<Value, Error> {
        let rows = self.store.corrections_of(member_id, i64::MAX).await?;
        let entries = rows.into_iter().map(|c| {
            json!({ "date": c.local_date, "action": c.action, "reason": c.reason, "moderator": c.moderator_user_id, "at": c.corrected_at })
        });
        Ok(Value::Array(entries.collect()))
    }

    async fn export_corrections_made(&self, member: &MemberRef) -> Result<Value, Error> {
        let rows = self.store.corrections_made_by(member).await?;
        let entries = rows.into_iter().map(|(user, c)| {
            json!({ "member": user, "date": c.local_date, "action": c.action, "reason": c.reason, "at": c.corrected_at })
        });
        Ok(Value::Array(entries.collect()))
    }
}

fn export_neutral(neutral: &NeutralDays) -> Value {
    let spans =
        neutral.spans().iter().map(|s| json!({ "first": s.first, "last": s.last, "reason": s.reason.as_str() }));
    Value::Array(spans.collect())
}
