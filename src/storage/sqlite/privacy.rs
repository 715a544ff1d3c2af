//! Reading and deleting everything held about one member, for `/privacy export` and
//! `/privacy delete`. Deleting the member row cascades to every table keyed by the member; the
//! audit entries they wrote as a moderator keep the correction but lose their name.

use super::Store;
use crate::domain::MemberRef;
use crate::storage::model::columns::*;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};

impl Store {
    pub(crate) async fn member_row(&self, member: &MemberRef) -> Result<Option<MemberRow>, sqlx::Error> {
        let platform = member.platform().as_str();
        let row = sqlx::query_as!(
            MemberRow,
            r#"SELECT id AS "id!: i64", timezone, created_at AS "created_at: DateTime<Utc>"
               FROM members WHERE platform = ? AND space_id = ? AND user_id = ?"#,
            platform,
            member.space.space_id,
            member.user_id,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    /// Corrections this member made as a moderator in their space, newest first.
    pub(crate) async fn corrections_made_by(
        &self,
        member: &MemberRef,
    ) -> Result<Vec<(String, CorrectionRow)>, sqlx::Error> {
        let platform = member.platform().as_str();
        let rows = sqlx::query!(
            r#"SELECT m.user_id, c.local_date AS "local_date: NaiveDate", c.action, c.reason, c.moderator_user_id,
                      c.corrected_at AS "corrected_at: DateTime<Utc>"
               FROM day_corrections c JOIN members m ON m.id = c.member_id
               WHERE c.moderator_user_id = ? AND m.platform = ? AND m.space_id = ?
               ORDER BY c.corrected_at DESC"#,
            member.user_id,
            platform,
            member.space.space_id,
        )
        .fetch_all(&self.pool)
        .await?;
        let made = rows.into_iter().filter_map(|r| {
            let columns = CorrectionColumns {
                local_date: r.local_date,
                action: r.action,
                reason: r.reason,
                moderator_user_id: r.moderator_user_id,
                corrected_at: r.corrected_at,
            };
            Some((r.user_id, columns.decode()?))
        });
        Ok(made.collect())
    }

    /// Removes every row about the member in one transaction; true when there was anything.
    pub(crate) async fn delete_member(&self, member: &MemberRef) -> Result<bool, sqlx::Error> {
        let platform = member.platform().as_str();
        let mut tx = self.writer()?.begin().await?;
        sqlx::query!(
            r#"UPDATE day_corrections SET moderator_user_id = NULL
               WHERE moderator_user_id = ?1
                 AND member_id IN (SELECT id FROM members WHERE platform = ?2 AND space_id = ?3)"#,
            member.user_id,
            platform,
            member.space.space_id,
        )
        .execute(&mut *tx)
        .await?;
        let deleted = sqlx::query!(
            "DELETE FROM members WHERE platform = ? AND space_id = ? AND user_id = ?",
            platform,
            member.space.space_id,
            member.user_id,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(deleted.rows_affected() > 0)
    }
}
