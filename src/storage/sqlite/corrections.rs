//! The audit log of moderator corrections: which day, added or removed, why, by whom, when.

use super::{Store, Tx};
use crate::domain::correction::{CorrectionKind, Reason};
use crate::storage::model::columns::*;
use crate::storage::model::*;
use chrono::{DateTime, NaiveDate, Utc};

impl Tx {
    pub(crate) async fn log_correction(
        &mut self,
        member_id: i64,
        date: NaiveDate,
        kind: CorrectionKind,
        reason: &Reason,
        moderator_user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let (action, reason) = (kind.as_str(), reason.as_str());
        sqlx::query!(
            r#"INSERT INTO day_corrections (member_id, local_date, action, reason, moderator_user_id, corrected_at)
               VALUES (?, ?, ?, ?, ?, ?)"#,
            member_id,
            date,
            action,
            reason,
            moderator_user_id,
            now,
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

impl Store {
    /// Corrections made to the member's days, newest first.
    pub(crate) async fn corrections_of(&self, member_id: i64, limit: i64) -> Result<Vec<CorrectionRow>, sqlx::Error> {
        let rows = sqlx::query_as!(
            CorrectionColumns,
            r#"SELECT local_date AS "local_date: NaiveDate", action, reason, moderator_user_id,
                      corrected_at AS "corrected_at: DateTime<Utc>"
               FROM day_corrections WHERE member_id = ? ORDER BY corrected_at DESC, id DESC LIMIT ?"#,
            member_id,
            limit,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(CorrectionColumns::decode).collect())
    }
}
