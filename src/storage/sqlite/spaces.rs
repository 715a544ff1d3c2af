//! Spaces (Discord servers, Slack workspaces): their default time zone and moderator role.

use super::Store;
use crate::domain::{SpaceRef, Timezone};
use crate::storage::model::decode;
use chrono::{DateTime, Utc};

impl Store {
    /// The space's default time zone for members who set none; `None` when unset or when the
    /// stored name no longer parses.
    pub(crate) async fn space_timezone(&self, space: &SpaceRef) -> Result<Option<Timezone>, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query!(
            "SELECT default_timezone FROM spaces WHERE platform = ? AND space_id = ?",
            platform,
            space.space_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|r| r.default_timezone).as_deref().and_then(decode::zone))
    }

    pub(crate) async fn set_space_timezone(
        &self,
        space: &SpaceRef,
        timezone: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        sqlx::query!(
            r#"INSERT INTO spaces (platform, space_id, default_timezone, created_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (platform, space_id) DO UPDATE SET default_timezone = excluded.default_timezone"#,
            platform,
            space.space_id,
            timezone,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }

    /// The role whose holders may use moderator commands, besides Manage Server.
    pub(crate) async fn moderator_role(&self, space: &SpaceRef) -> Result<Option<String>, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query!(
            "SELECT moderator_role_id FROM spaces WHERE platform = ? AND space_id = ?",
            platform,
            space.space_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|r| r.moderator_role_id))
    }

    pub(crate) async fn set_moderator_role(
        &self,
        space: &SpaceRef,
        role_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        sqlx::query!(
            r#"INSERT INTO spaces (platform, space_id, moderator_role_id, created_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (platform, space_id) DO UPDATE SET moderator_role_id = excluded.moderator_role_id"#,
            platform,
            space.space_id,
            role_id,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }
}

impl Store {
    /// Whether members (not only moderators) may see leaderboards; off unless a moderator allowed it.
    pub(crate) async fn members_see_boards(&self, space: &SpaceRef) -> Result<bool, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query!(
            "SELECT members_see_boards FROM spaces WHERE platform = ? AND space_id = ?",
            platform,
            space.space_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some_and(|r| r.members_see_boards != 0))
    }

    pub(crate) async fn set_members_see_boards(
        &self,
        space: &SpaceRef,
        allowed: bool,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let platform = space.platform.as_str();
        let flag = i64::from(allowed);
        sqlx::query!(
            r#"INSERT INTO spaces (platform, space_id, members_see_boards, created_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (platform, space_id) DO UPDATE SET members_see_boards = excluded.members_see_boards"#,
            platform,
            space.space_id,
            flag,
            now,
        )
        .execute(self.writer()?)
        .await?;
        Ok(())
    }
}
