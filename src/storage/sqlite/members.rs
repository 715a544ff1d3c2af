//! Members: identity rows and their own settings (time zone).

use super::{Store, Tx};
use crate::domain::MemberRef;
use crate::storage::model::{decode, *};
use chrono::{DateTime, Utc};
use sqlx::{Executor, Sqlite};

/// Finds or creates the member's row; shared by the pool and transactions. A new member's id is
/// above every id ever used, deleted ones included (`member_id_floor`), so no id is reused.
async fn upsert_member<'e>(
    executor: impl Executor<'e, Database = Sqlite>,
    member: &MemberRef,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let platform = member.platform().as_str();
    let row = sqlx::query!(
        r#"INSERT INTO members (id, platform, space_id, user_id, created_at)
           VALUES ((SELECT MAX(highest_used, COALESCE((SELECT MAX(id) FROM members), 0)) + 1 FROM member_id_floor),
                   ?, ?, ?, ?)
           ON CONFLICT (platform, space_id, user_id) DO UPDATE SET platform = excluded.platform
           RETURNING id AS "id!: i64""#,
        platform,
        member.space.space_id,
        member.user_id,
        now,
    )
    .fetch_one(executor)
    .await?;
    Ok(row.id)
}

impl Tx {
    /// The member's row id, creating the row on first use. As a write, it also takes the lock.
    pub(crate) async fn member_id(&mut self, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
        upsert_member(&mut *self.inner, member, now).await
    }
}

impl Store {
    /// The member's row id, creating the row on first use.
    pub(crate) async fn member_id(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
        upsert_member(self.writer()?, member, now).await
    }

    /// The member's row id when they have one; reads never create members.
    pub(crate) async fn find_member_id(&self, member: &MemberRef) -> Result<Option<i64>, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            r#"SELECT id AS "id!: i64" FROM members WHERE platform = ? AND space_id = ? AND user_id = ?"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.id))
    }

    /// In one round trip: the member's row id (if any), their own zone and their space's zone.
    pub(crate) async fn member_lookup(&self, member: &MemberRef) -> Result<MemberLookup, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            r#"SELECT (SELECT id FROM members WHERE platform = ?1 AND space_id = ?2 AND user_id = ?3) AS "id?: i64",
                      (SELECT timezone FROM members WHERE platform = ?1 AND space_id = ?2 AND user_id = ?3)
                          AS "member_zone?: String",
                      (SELECT default_timezone FROM spaces WHERE platform = ?1 AND space_id = ?2) AS "space_zone?: String""#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(MemberLookup {
            id: row.id,
            member_zone: row.member_zone.as_deref().and_then(decode::zone),
            space_zone: row.space_zone.as_deref().and_then(decode::zone),
        })
    }
}

impl Tx {
    pub(crate) async fn set_member_timezone(&mut self, member_id: i64, timezone: &str) -> Result<(), sqlx::Error> {
        sqlx::query!("UPDATE members SET timezone = ? WHERE id = ?", timezone, member_id)
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }
}
