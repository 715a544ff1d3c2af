//! Reads built from several store calls, written once for every store: a member's place on a
//! board, a page of a board, the whole export, the two ways a scheduled send is claimed.

use super::model::{BoardQuery, BoardRow, DeliveryKey, MemberExport, Score, NO_SCORE};
use super::Store;
use chrono::{DateTime, Utc};

impl Store {
    /// The board's size and the member's 1-based place (`None` when not ranked). Pass the score
    /// when it is already known (the all-time board's is in the streak record) to save a read.
    pub async fn board_place(
        &self,
        q: &BoardQuery<'_>,
        member_id: Option<i64>,
        known: Option<Score>,
    ) -> Result<(i64, Option<i64>), sqlx::Error> {
        let score = match (member_id, known) {
            (Some(_), Some(score)) => Some(score),
            (Some(id), None) => self.board_score(q, id).await?,
            (None, _) => None,
        };
        let (size, ahead) = self.board_standing(q, score.unwrap_or(NO_SCORE)).await?;
        let (Some(score), Some(id)) = (score, member_id) else { return Ok((size, None)) };
        let tied_before = self.tied_before(q, score, id).await?;
        Ok((size, Some(ahead + tied_before + 1)))
    }

    /// Ten rows of the server board from `offset`: find the score the page starts in, then read
    /// the rest of that score's members and the rows after it along the index.
    pub async fn board_page(&self, q: &BoardQuery<'_>, offset: i64) -> Result<Vec<BoardRow>, sqlx::Error> {
        let Some((score, before)) = self.page_boundary(q, offset).await? else { return Ok(Vec::new()) };
        let mut rows = self.tied_rows(q, score, offset - before, 10).await?;
        if rows.len() < 10 {
            let after = self.rows_after(q, score, 10 - rows.len() as i64).await?;
            rows.extend(after);
        }
        Ok(rows)
    }

    /// Everything held about the member beyond what other reads return (see `model/export.rs`).
    pub async fn member_export(&self, member_id: i64) -> Result<MemberExport, sqlx::Error> {
        Ok(MemberExport {
            days: self.export_days(member_id).await?,
            pauses_and_excused_days: self.export_pauses(member_id).await?,
            roadmap_progress: self.export_steps(member_id).await?,
            roadmap_checklist_topics: self.export_topics(member_id).await?,
            groups: self.export_groups(member_id).await?,
            nudges: self.export_nudges(member_id).await?,
            nudges_delivered: self.export_deliveries(member_id).await?,
            period_totals: self.export_periods(member_id).await?,
            streak_ends_at_unix: self.streak_ends_at(member_id).await?,
        })
    }

    /// Claims the send for this instance; false when anyone already claimed or settled it.
    pub async fn claim_delivery(
        &self,
        key: &DeliveryKey,
        instance: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        self.insert_delivery(key, "claimed", instance, None, now).await
    }

    /// Records a send that will not happen (missed the grace window, already checked in);
    /// false when the day was already claimed or settled.
    pub async fn skip_delivery(
        &self,
        key: &DeliveryKey,
        instance: &str,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        self.insert_delivery(key, "skipped", instance, Some(why), now).await
    }
}
