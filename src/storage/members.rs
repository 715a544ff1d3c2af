//! Members: identity rows and their own settings (time zone).

use super::Store;
use crate::domain::MemberRef;
use chrono::{DateTime, Utc};

impl Store {
    /// The member's row id, creating the row on first use.
    pub async fn member_id(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            r#"INSERT INTO members (platform, space_id, user_id, created_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (platform, space_id, user_id) DO UPDATE SET platform = excluded.platform
               RETURNING id AS "id!: i64""#,
            platform,
            member.space.space_id,
            member.user_id,
            now,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.id)
    }

    /// The member's own time zone setting, as stored (validated when it was set).
    pub async fn member_timezone(&self, member: &MemberRef) -> Result<Option<String>, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            "SELECT timezone FROM members WHERE platform = ? AND space_id = ? AND user_id = ?",
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|r| r.timezone))
    }

    pub async fn set_member_timezone(
        &self,
        member: &MemberRef,
        timezone: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let id = self.member_id(member, now).await?;
        sqlx::query!("UPDATE members SET timezone = ? WHERE id = ?", timezone, id).execute(&self.pool).await?;
        Ok(())
    }
}
