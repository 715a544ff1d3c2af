//! Leaderboard reads. `board_counts` (kept exact by triggers, see the migration) holds how many
//! members share each score, so a board's size, a member's place and the start of any page cost
//! one step per distinct score; the rows of a page are then an index range. A group board reads
//! its members' rows and is ordered by `App`, since groups are small. Order, everywhere: the
//! measure, then the other measure, then the member's row id (who joined first).

use super::Store;
use crate::domain::{MemberRef, Metric, Period};
use crate::storage::model::*;
use chrono::NaiveDate;

impl Store {
    /// The size of the all-time study-days board and the member's place on it (`None` when not
    /// ranked), in one round trip found by who they are: the `/streak` rank, which shares a
    /// one-millisecond budget with the rest of `/streak`. The member's own row, with the count of
    /// those tied with them who joined first, is a materialized step: inlined into the join, that
    /// count ran once per distinct score of the board (52 times on a 100k-member server, 80 to
    /// 100 ms for a member in a large tie; BENCHMARKS.md).
    pub(crate) async fn all_time_place(&self, member: &MemberRef) -> Result<(i64, Option<i64>), sqlx::Error> {
        let (platform, start) = (member.platform().as_str(), Period::AllTime.start(NaiveDate::MIN));
        let row = sqlx::query!(
            r#"WITH me AS MATERIALIZED (
                   SELECT t.days, t.minutes,
                          (SELECT COUNT(*) FROM period_totals p
                           WHERE p.platform = $1 AND p.space_id = $2 AND p.period = 'all' AND p.period_start = $3
                             AND p.days = t.days AND p.minutes = t.minutes AND p.member_id < t.member_id)
                              AS tied_before
                   FROM period_totals t
                   WHERE t.member_id = (SELECT id FROM members WHERE platform = $1 AND space_id = $2 AND user_id = $4)
                     AND t.period = 'all' AND t.days > 0)
               SELECT COALESCE(SUM(b.members), 0)::BIGINT AS "size!: i64", MAX(me.days) AS "days?: i64",
                      (COALESCE(SUM(CASE WHEN (b.first_value, b.second_value) > (me.days, me.minutes)
                                    THEN b.members ELSE 0 END), 0)
                       + COALESCE(MAX(me.tied_before), 0) + 1)::BIGINT AS "place!: i64"
               FROM me
               JOIN board_counts b
                 ON b.platform = $1 AND b.space_id = $2 AND b.board = 'all' AND b.period_start = $3::DATE::TEXT"#,
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
    pub(in crate::storage) async fn board_standing(
        &self,
        q: &BoardQuery<'_>,
        (first, second, third): Score,
    ) -> Result<(i64, i64), sqlx::Error> {
        let (platform, (board, start)) = (q.space.platform.as_str(), q.key());
        let space = &q.space.space_id;
        let row = if q.metric == Metric::Minutes {
            sqlx::query!(
                r#"SELECT COALESCE(SUM(members), 0)::BIGINT AS "size!: i64",
                          COALESCE(SUM(CASE WHEN (second_value, first_value) > ($5, $6) THEN members ELSE 0 END), 0)::BIGINT
                              AS "ahead!: i64"
                   FROM board_counts WHERE platform = $1 AND space_id = $2 AND board = $3 AND period_start = $4"#,
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
                r#"SELECT COALESCE(SUM(members), 0)::BIGINT AS "size!: i64",
                          COALESCE(SUM(CASE WHEN (first_value, second_value, third_value) > ($5, $6, $7)
                                       THEN members ELSE 0 END), 0)::BIGINT AS "ahead!: i64"
                   FROM board_counts WHERE platform = $1 AND space_id = $2 AND board = $3 AND period_start = $4"#,
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
    pub(in crate::storage) async fn board_score(
        &self,
        q: &BoardQuery<'_>,
        member_id: i64,
    ) -> Result<Option<Score>, sqlx::Error> {
        if q.metric == Metric::Streak {
            let row = sqlx::query!(
                "SELECT current_days, total_days, total_minutes FROM streaks WHERE member_id = $1 AND current_days > 0",
                member_id
            )
            .fetch_optional(&self.pool)
            .await?;
            return Ok(row.map(|r| (r.current_days, r.total_days, r.total_minutes)));
        }
        let (period, start) = (q.period.as_str(), q.period_start);
        let row = sqlx::query!(
            "SELECT days, minutes FROM period_totals WHERE member_id = $1 AND period = $2 AND period_start = $3 AND days > 0",
            member_id,
            period,
            start,
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (r.days, r.minutes, 0)))
    }

    /// The score whose members include the row at `offset`, and how many rows come before it.
    pub(in crate::storage) async fn page_boundary(
        &self,
        q: &BoardQuery<'_>,
        offset: i64,
    ) -> Result<Option<(Score, i64)>, sqlx::Error> {
        let (platform, (board, start)) = (q.space.platform.as_str(), q.key());
        let space = &q.space.space_id;
        let found = if q.metric == Metric::Minutes {
            sqlx::query!(
                r#"SELECT first_value AS "first!: i64", second_value AS "second!: i64", third_value AS "third!: i64",
                          running - members AS "before!: i64"
                   FROM (SELECT first_value, second_value, third_value, members,
                                (SUM(members) OVER (ORDER BY second_value DESC, first_value DESC))::BIGINT AS running
                         FROM board_counts
                         WHERE platform = $1 AND space_id = $2 AND board = $3 AND period_start = $4 AND members > 0) AS scores
                   WHERE running > $5 ORDER BY running LIMIT 1"#,
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
                                (SUM(members) OVER (ORDER BY first_value DESC, second_value DESC, third_value DESC))::BIGINT
                                    AS running
                         FROM board_counts
                         WHERE platform = $1 AND space_id = $2 AND board = $3 AND period_start = $4 AND members > 0) AS scores
                   WHERE running > $5 ORDER BY running LIMIT 1"#,
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
