//! Study groups and who is in them. A Discord role or a named console/Slack group is a row in
//! `study_groups`; membership is a row in `group_members`.

use super::Store;
use crate::domain::{GroupRef, SpaceRef};
use chrono::{DateTime, Utc};

impl Store {
    /// The group's row id, creating it (or updating its shown name, as roles get renamed).
    pub(crate) async fn group_id(
        &self,
        space: &SpaceRef,
        group: &GroupRef,
        now: DateTime<Utc>,
    ) -> Result<i64, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query!(
            r#"INSERT INTO study_groups (platform, space_id, group_key, name, created_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (platform, space_id, group_key) DO UPDATE SET name = excluded.name
               RETURNING id AS "id!: i64""#,
            platform,
            space.space_id,
            group.key,
            group.name,
            now,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.id)
    }

    /// The group's row id and stored name when it exists.
    pub(crate) async fn find_group(&self, space: &SpaceRef, key: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
        let platform = space.platform.as_str();
        let row = sqlx::query!(
            r#"SELECT id AS "id!: i64", name FROM study_groups WHERE platform = $1 AND space_id = $2 AND group_key = $3"#,
            platform,
            space.space_id,
            key,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (r.id, r.name)))
    }

    /// Adds the member to the group; returns false when they were already in it.
    pub(crate) async fn join_group(
        &self,
        group_id: i64,
        member_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let result = sqlx::query!(
            "INSERT INTO group_members (group_id, member_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            group_id,
            member_id,
            now,
        )
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Removes the member from the group; returns false when they were not in it.
    pub(crate) async fn leave_group(&self, group_id: i64, member_id: i64) -> Result<bool, sqlx::Error> {
        let result =
            sqlx::query!("DELETE FROM group_members WHERE group_id = $1 AND member_id = $2", group_id, member_id)
                .execute(&self.pool)
                .await?;
        Ok(result.rows_affected() == 1)
    }

    pub(crate) async fn is_in_group(&self, group_id: i64, member_id: i64) -> Result<bool, sqlx::Error> {
        let row = sqlx::query!(
            r#"SELECT 1::BIGINT AS "found!: i64" FROM group_members WHERE group_id = $1 AND member_id = $2"#,
            group_id,
            member_id
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// The groups the member is in, as (key, name), by name.
    pub(crate) async fn member_groups(&self, member_id: i64) -> Result<Vec<GroupRef>, sqlx::Error> {
        let rows = sqlx::query!(
            r#"SELECT s.group_key, s.name FROM group_members g JOIN study_groups s ON s.id = g.group_id
               WHERE g.member_id = $1 ORDER BY s.name"#,
            member_id
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| GroupRef { key: r.group_key, name: r.name }).collect())
    }

    /// Every group of the space with its member count, by name.
    pub(crate) async fn space_groups(&self, space: &SpaceRef) -> Result<Vec<(GroupRef, i64)>, sqlx::Error> {
        let platform = space.platform.as_str();
        let rows = sqlx::query!(
            r#"SELECT s.group_key, s.name, COUNT(g.member_id) AS "members!: i64"
               FROM study_groups s LEFT JOIN group_members g ON g.group_id = s.id
               WHERE s.platform = $1 AND s.space_id = $2 GROUP BY s.id ORDER BY s.name"#,
            platform,
            space.space_id,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (GroupRef { key: r.group_key, name: r.name }, r.members)).collect())
    }
}
