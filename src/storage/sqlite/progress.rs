//! Roadmap progress rows: one per member and step that is not "not started".

use super::Store;
use crate::domain::{MemberRef, StepStatus};
use chrono::{DateTime, Utc};

impl Store {
    /// Sets a step's status; "not started" removes the row.
    pub(crate) async fn set_step_status(
        &self,
        member: &MemberRef,
        step: u8,
        status: StepStatus,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let member_id = self.member_id(member, now).await?;
        let step = i64::from(step);
        if status == StepStatus::NotStarted {
            sqlx::query!("DELETE FROM roadmap_progress WHERE member_id = ? AND step_number = ?", member_id, step)
                .execute(self.writer()?)
                .await?;
            return Ok(());
        }
        let status = status.as_str();
        sqlx::query!(
            r#"INSERT INTO roadmap_progress (member_id, step_number, status, updated_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (member_id, step_number) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at"#,
            member_id,
            step,
            status,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }

    /// The member's recorded statuses as (step number, status).
    pub(crate) async fn step_statuses(&self, member: &MemberRef) -> Result<Vec<(u8, StepStatus)>, sqlx::Error> {
        let platform = member.platform().as_str();
        let rows = sqlx::query!(
            r#"SELECT p.step_number AS "step_number!: i64", p.status
               FROM roadmap_progress p JOIN members m ON m.id = p.member_id
               WHERE m.platform = ? AND m.space_id = ? AND m.user_id = ?"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_all(&self.pool)
        .await?;
        let parsed = rows.into_iter().filter_map(|r| {
            let status = StepStatus::parse(&r.status)?;
            Some((u8::try_from(r.step_number).ok()?, status))
        });
        Ok(parsed.collect())
    }
}

impl Store {
    /// Replaces the member's done topics of one step with `done` (topic positions, from 0).
    pub(crate) async fn set_topics_done(
        &self,
        member: &MemberRef,
        step: u8,
        done: &[u8],
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let member_id = self.member_id(member, now).await?;
        let step = i64::from(step);
        let mut tx = self.writer()?.begin().await?;
        sqlx::query!("DELETE FROM topic_progress WHERE member_id = ? AND step_number = ?", member_id, step)
            .execute(&mut *tx)
            .await?;
        for topic in done {
            let topic = i64::from(*topic);
            sqlx::query!(
                "INSERT INTO topic_progress (member_id, step_number, topic_index, done_at) VALUES (?, ?, ?, ?)",
                member_id,
                step,
                topic,
                now,
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// The member's done topics as (step number, topic position).
    pub(crate) async fn topics_done(&self, member: &MemberRef) -> Result<Vec<(u8, u8)>, sqlx::Error> {
        let platform = member.platform().as_str();
        let rows = sqlx::query!(
            r#"SELECT t.step_number AS "step!: i64", t.topic_index AS "topic!: i64"
               FROM topic_progress t JOIN members m ON m.id = t.member_id
               WHERE m.platform = ? AND m.space_id = ? AND m.user_id = ?
               ORDER BY t.step_number, t.topic_index"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(|r| Some((u8::try_from(r.step).ok()?, u8::try_from(r.topic).ok()?))).collect())
    }
}
