//! Members: identity rows and their own settings (time zone).

use super::{Store, Tx};
use crate::domain::MemberRef;
use crate::storage::model::{decode, *};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Finds or creates the member's row, and locks it until the transaction ends (on the pool, the
/// lock ends with the statement): every write to a member's days takes this lock first, so two
/// replicas changing the same member's days run one after the other. The row is looked for
/// before it is inserted, because an upsert that finds it would still use up a value of the id
/// sequence and write a new row version on every command. Ids come from that sequence, which
/// never hands one out twice, deleted members included.
async fn upsert_member(conn: &mut PgConnection, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    if let Some(id) = locked_member_id(conn, member).await? {
        return Ok(id);
    }
    let platform = member.platform().as_str();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO members (platform, space_id, user_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (platform, space_id, user_id) DO NOTHING RETURNING id"#,
        platform,
        member.space.space_id,
        member.user_id,
        now,
    )
    .fetch_optional(&mut *conn)
    .await?;
    match inserted {
        Some(id) => Ok(id),
        // Another replica created the row between the two statements.
        None => locked_member_id(conn, member).await?.ok_or(sqlx::Error::RowNotFound),
    }
}

async fn locked_member_id(conn: &mut PgConnection, member: &MemberRef) -> Result<Option<i64>, sqlx::Error> {
    let platform = member.platform().as_str();
    sqlx::query_scalar!(
        "SELECT id FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $3 FOR UPDATE",
        platform,
        member.space.space_id,
        member.user_id,
    )
    .fetch_optional(conn)
    .await
}

impl Tx {
    /// The member's row id, creating the row on first use. As a write, it also takes the lock.
    pub(crate) async fn member_id(&mut self, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
        upsert_member(&mut self.inner, member, now).await
    }
}

impl Store {
    /// The member's row id, creating the row on first use.
    pub(crate) async fn member_id(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
        upsert_member(&mut *self.pool.acquire().await?, member, now).await
    }

    /// The member's row id when they have one; reads never create members.
    pub(crate) async fn find_member_id(&self, member: &MemberRef) -> Result<Option<i64>, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query!(
            r#"SELECT id AS "id!: i64" FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $3"#,
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
            r#"SELECT (SELECT id FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $3) AS "id?: i64",
                      (SELECT timezone FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $3)
                          AS "member_zone?: String",
                      (SELECT default_timezone FROM spaces WHERE platform = $1 AND space_id = $2) AS "space_zone?: String""#,
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
        sqlx::query!("UPDATE members SET timezone = $1 WHERE id = $2", timezone, member_id)
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }
}
