//! Leaderboard reads. `board_counts` (kept exact by triggers, see the migration) holds how many
//! members share each score, so a board's size, a member's place and the start of any page cost
//! one step per distinct score; the rows of a page are then an index range. A group board reads
//! its members' rows and is ordered by `App`, since groups are small. Order, everywhere: the
//! measure, then the other measure, then the member's row id (who joined first).

use super::Store;
use crate::domain::{MemberRef, Metric, Period, SpaceRef};
use chrono::NaiveDate;

/// One ranked member with the figures every board shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub member_id: i64,
    pub user_id: String,
    pub days: i64,
    pub minutes: i64,
    pub streak: i64,
}

/// Which board: the server, a measure, a period and its start, and "now" for streaks.
pub struct BoardQuery<'a> {
    pub space: &'a SpaceRef,
    pub metric: Metric,
    pub period: Period,
    pub period_start: NaiveDate,
    pub now_unix: i64,
}

impl BoardQuery<'_> {
    /// The board's key in `board_counts`: the period and its start, or the streak board.
    fn key(&self) -> (&'static str, String) {
        match self.metric {
            Metric::Streak => ("streak", String::new()),
            _ => (self.period.as_str(), self.period_start.to_string()),
        }
    }
}

/// A member's score on a board: (measure, tie-break, second tie-break) as kept in `board_counts`.
pub(crate) type Score = (i64, i64, i64);

/// Stands in for "no member": nobody is ahead of it.
const NO_SCORE: Score = (i64::MAX, i64::MAX, i64::MAX);

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

    /// The size of the all-time study-days board and the member's place on it (`None` when not
    /// ranked), in one round trip found by who they are: the `/streak` rank, which shares a
    /// one-millisecond budget with the rest of `/streak`.
    pub async fn all_time_place(&self, member: &MemberRef) -> Result<(i64, Option<i64>), sqlx::Error> {
        let (platform, start) = (member.platform().as_str(), Period::AllTime.start(NaiveDate::MIN));
        let row = sqlx::query!(
            r#"SELECT COALESCE(SUM(b.members), 0) AS "size!: i64", MAX(me.days) AS "days?: i64",
                      COALESCE(SUM(CASE WHEN (b.first_value, b.second_value) > (me.days, me.minutes)
                                   THEN b.members ELSE 0 END), 0)
                      + (SELECT COUNT(*) FROM period_totals p
                         WHERE p.platform = ?1 AND p.space_id = ?2 AND p.period = 'all' AND p.period_start = ?3
                           AND p.days = me.days AND p.minutes = me.minutes AND p.member_id < me.member_id)
                      + 1 AS "place!: i64"
               FROM (SELECT member_id, days, minutes FROM period_totals
                     WHERE member_id = (SELECT id FROM members WHERE platform = ?1 AND space_id = ?2 AND user_id = ?4)
                       AND period = 'all' AND days > 0) me
               JOIN board_counts b
                 ON b.platform = ?1 AND b.space_id = ?2 AND b.board = 'all' AND b.period_start = ?3"#,
            platform,
            member.space.space_id,
            start,
            member.user_id,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((row.size, row.days.map(|_| row.place)))
    }

    /// The board's size and how many members rank strictly ahead of `score` (ties aside).
    async fn board_standing(
        &self,
        q: &BoardQuery<'_>,
        (first, second, third): Score,
    ) -> Result<(i64, i64), sqlx::Error> {
        let (platform, (board, start)) = (q.space.platform.as_str(), q.key());
        let space = &q.space.space_id;
        let row = if q.metric == Metric::Minutes {
            sqlx::query!(
                r#"SELECT COALESCE(SUM(members), 0) AS "size!: i64",
                          COALESCE(SUM(CASE WHEN (second_value, first_value) > (?5, ?6) THEN members ELSE 0 END), 0)
                              AS "ahead!: i64"
                   FROM board_counts WHERE platform = ?1 AND space_id = ?2 AND board = ?3 AND period_start = ?4"#,
                platform,
                space,
                board,
                start,
                second,
                first,
            )
            .fetch_one(&self.pool)
            .await
            .map(|r| (r.size, r.ahead))?
        } else {
            sqlx::query!(
                r#"SELECT COALESCE(SUM(members), 0) AS "size!: i64",
                          COALESCE(SUM(CASE WHEN (first_value, second_value, third_value) > (?5, ?6, ?7)
                                       THEN members ELSE 0 END), 0) AS "ahead!: i64"
                   FROM board_counts WHERE platform = ?1 AND space_id = ?2 AND board = ?3 AND period_start = ?4"#,
                platform,
                space,
                board,
                start,
                first,
                second,
                third,
            )
            .fetch_one(&self.pool)
            .await
            .map(|r| (r.size, r.ahead))?
        };
        Ok(row)
    }

    /// The member's score on the board, read from their row.
    async fn board_score(&self, q: &BoardQuery<'_>, member_id: i64) -> Result<Option<Score>, sqlx::Error> {
        if q.metric == Metric::Streak {
            let row = sqlx::query!(
                "SELECT current_days, total_days, total_minutes FROM streaks WHERE member_id = ? AND current_days > 0",
                member_id
            )
            .fetch_optional(&self.pool)
            .await?;
            return Ok(row.map(|r| (r.current_days, r.total_days, r.total_minutes)));
        }
        let (period, start) = (q.period.as_str(), q.period_start);
        let row = sqlx::query!(
            "SELECT days, minutes FROM period_totals WHERE member_id = ? AND period = ? AND period_start = ? AND days > 0",
            member_id,
            period,
            start,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (r.days, r.minutes, 0)))
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

    /// The score whose members include the row at `offset`, and how many rows come before it.
    async fn page_boundary(&self, q: &BoardQuery<'_>, offset: i64) -> Result<Option<(Score, i64)>, sqlx::Error> {
        let (platform, (board, start)) = (q.space.platform.as_str(), q.key());
        let space = &q.space.space_id;
        let found = if q.metric == Metric::Minutes {
            sqlx::query!(
                r#"SELECT first_value AS "first!: i64", second_value AS "second!: i64", third_value AS "third!: i64",
                          running - members AS "before!: i64"
                   FROM (SELECT first_value, second_value, third_value, members,
                                SUM(members) OVER (ORDER BY second_value DESC, first_value DESC) AS running
                         FROM board_counts
                         WHERE platform = ? AND space_id = ? AND board = ? AND period_start = ? AND members > 0)
                   WHERE running > ? ORDER BY running LIMIT 1"#,
                platform,
                space,
                board,
                start,
                offset,
            )
            .fetch_optional(&self.pool)
            .await?
            .map(|r| ((r.first, r.second, r.third), r.before))
        } else {
            sqlx::query!(
                r#"SELECT first_value AS "first!: i64", second_value AS "second!: i64", third_value AS "third!: i64",
                          running - members AS "before!: i64"
                   FROM (SELECT first_value, second_value, third_value, members,
                                SUM(members) OVER (ORDER BY first_value DESC, second_value DESC, third_value DESC)
                                    AS running
                         FROM board_counts
                         WHERE platform = ? AND space_id = ? AND board = ? AND period_start = ? AND members > 0)
                   WHERE running > ? ORDER BY running LIMIT 1"#,
                platform,
                space,
                board,
                start,
                offset,
            )
            .fetch_optional(&self.pool)
            .await?
            .map(|r| ((r.first, r.second, r.third), r.before))
        };
        Ok(found)
    }
}
