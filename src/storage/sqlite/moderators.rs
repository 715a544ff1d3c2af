//! Moderators named by a moderator, per space: added, removed, listed, and looked up when a
//! member uses a moderator command.

use super::Store;
use crate::domain::{MemberRef, SpaceRef};
use chrono::{DateTime, Utc};

impl Store {
    /// Names `user_id` a moderator of the space; false when they already were.
    pub(crate) async fn name_moderator(
        &self,
        space: &SpaceRef,
        user_id: &str,
        named_by: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let platform = space.platform.as_str();
        let result = sqlx::query!(
            r#"INSERT INTO space_moderators (platform, space_id, user_id, named_by, named_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (platform, space_id, user_id) DO NOTHING"#,
            platform,
            space.space_id,
            user_id,
            named_by,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// Takes the moderator naming back; false when `user_id` was not named.
    pub(crate) async fn unname_moderator(&self, space: &SpaceRef, user_id: &str) -> Result<bool, sqlx::Error> {
        let platform = space.platform.as_str();
        let result = sqlx::query!(
            "DELETE FROM space_moderators WHERE platform = ? AND space_id = ? AND user_id = ?",
            platform,
            space.space_id,
            user_id,
        )
        .execute(self.writer()?)
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// The named moderators of the space, in the order they were named.
    pub(crate) async fn named_moderators(&self, space: &SpaceRef) -> Result<Vec<String>, sqlx::Error> {
        let platform = space.platform.as_str();
        let rows = sqlx::query!(
            "SELECT user_id FROM space_moderators WHERE platform = ? AND space_id = ? ORDER BY named_at, user_id",
            platform,
            space.space_id,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.user_id).collect())
    }

    /// Whether the member was named a moderator of their space.
    pub(crate) async fn is_named_moderator(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let found = sqlx::query_scalar!(
            r#"SELECT 1 AS "named!: i64" FROM space_moderators WHERE platform = ? AND space_id = ? AND user_id = ?"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }
}
