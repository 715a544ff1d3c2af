//! `App` actions for privacy: `/privacy export` gathers everything held about the member into
//! one JSON document; `/privacy delete` removes all of it (the adapter asks for confirmation
//! first). Nothing here is kept elsewhere: a deleted member never appears on a board again.

use super::{App, ExportFile};
use crate::domain::{MemberRef, Period};
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
            document["settings"] = json!({ "timezone": row.timezone, "first_seen": row.created_at });
            document["streak"] = self.export_streak(row.id).await?;
            document["notes"] = self.export_notes(row.id).await?;
            let held = serde_json::to_value(self.store.member_export(row.id).await?)
                .context("the export rows could not be written as JSON")?;
            if let (Some(document), Value::Object(held)) = (document.as_object_mut(), held) {
                document.extend(held);
            }
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

    async fn export_notes(&self, member_id: i64) -> Result<Value, Error> {
        let rows = self.store.notes_since(member_id, Period::AllTime.start(NaiveDate::MIN)).await?;
        let notes = rows
            .into_iter()
            .map(|n| json!({ "date": n.local_date, "at": n.noted_at, "minutes": n.minutes, "note": n.note }));
        Ok(Value::Array(notes.collect()))
    }

    async fn export_corrections(&self, member_id: i64) -> Result<Value, Error> {
        let rows = self.store.corrections_of(member_id, i64::MAX).await?;
        let entries = rows.into_iter().map(|c| {
            json!({ "date": c.local_date, "action": c.action.as_str(), "reason": c.reason, "moderator": c.moderator_user_id, "at": c.corrected_at })
        });
        Ok(Value::Array(entries.collect()))
    }

    async fn export_corrections_made(&self, member: &MemberRef) -> Result<Value, Error> {
        let rows = self.store.corrections_made_by(member).await?;
        let entries = rows.into_iter().map(|(user, c)| {
            json!({ "member": user, "date": c.local_date, "action": c.action.as_str(), "reason": c.reason, "at": c.corrected_at })
        });
        Ok(Value::Array(entries.collect()))
    }
}
