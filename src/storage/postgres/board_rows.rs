//! The row reads behind a leaderboard page: members sharing one score in join order, the rows
//! after a score along the board's index, a group's rows, and settling streaks that have ended.

use super::Store;
use crate::domain::{Metric, SpaceRef};
use crate::storage::model::*;

impl Store {
    /// Members with exactly the given score, in join order, from `skip`. The skipping happens in
    /// the covering index before the join, so a page deep inside a large tie reads ten members.
    pub(in crate::storage) async fn tied_rows(
        &self,
        q: &BoardQuery<'_>,
        (first, second, third): Score,
        skip: i64,
        limit: i64,
    ) -> Result<Vec<BoardRow>, sqlx::Error> {
        let (platform, space) = (q.space.platform.as_str(), &q.space.space_id);
        if q.metric == Metric::Streak {
            return sqlx::query_as!(
                BoardRow,
                r#"SELECT s.member_id AS "member_id!: i64", m.user_id, s.total_days AS days,
                          s.total_minutes AS minutes, s.current_days AS streak
                   FROM (SELECT member_id, current_days, total_days, total_minutes FROM streaks
                         WHERE platform = $1 AND space_id = $2 AND current_days = $3 AND total_days = $4
                           AND total_minutes = $5
                         ORDER BY member_id LIMIT $6 OFFSET $7) s
                   JOIN members m ON m.id = s.member_id ORDER BY s.member_id"#,
                platform,
                space,
                first,
                second,
                third,
                limit,
                skip,
            )
            .fetch_all(&self.pool)
            .await;
        }
        let (period, start) = (q.period.as_str(), q.period_start);
        sqlx::query_as!(
            BoardRow,
            r#"SELECT p.member_id AS "member_id!: i64", m.user_id, p.days, p.minutes, 0::BIGINT AS "streak!: i64"
               FROM (SELECT member_id, days, minutes FROM period_totals
                     WHERE platform = $1 AND space_id = $2 AND period = $3 AND period_start = $4 AND days = $5 AND minutes = $6
                     ORDER BY member_id LIMIT $7 OFFSET $8) p
               JOIN members m ON m.id = p.member_id ORDER BY p.member_id"#,
            platform,
            space,
            period,
            start,
            first,
            second,
            limit,
            skip,
        )
        .fetch_all(&self.pool)
        .await
    }

    /// How many members with exactly the given score joined before `member_id`.
    pub(in crate::storage) async fn tied_before(
        &self,
        q: &BoardQuery<'_>,
        (first, second, third): Score,
        member_id: i64,
    ) -> Result<i64, sqlx::Error> {
        let (platform, space) = (q.space.platform.as_str(), &q.space.space_id);
        if q.metric == Metric::Streak {
            return sqlx::query_scalar!(
                r#"SELECT COUNT(*) AS "n!: i64" FROM streaks
                   WHERE platform = $1 AND space_id = $2 AND current_days = $3 AND total_days = $4 AND total_minutes = $5
                     AND member_id < $6"#,
                platform,
                space,
                first,
                second,
                third,
                member_id,
            )
            .fetch_one(&self.pool)
            .await;
        }
        let (period, start) = (q.period.as_str(), q.period_start);
        sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i64" FROM period_totals
               WHERE platform = $1 AND space_id = $2 AND period = $3 AND period_start = $4
                 AND days = $5 AND minutes = $6 AND member_id < $7"#,
            platform,
            space,
            period,
            start,
            first,
            second,
            member_id,
        )
        .fetch_one(&self.pool)
        .await
    }

    /// Up to `limit` rows ranked after every member with the given score.
    pub(in crate::storage) async fn rows_after(
        &self,
        q: &BoardQuery<'_>,
        (first, second, third): Score,
        limit: i64,
    ) -> Result<Vec<BoardRow>, sqlx::Error> {
        let (platform, space) = (q.space.platform.as_str(), &q.space.space_id);
        let (period, start) = (q.period.as_str(), q.period_start);
        match q.metric {
            Metric::Streak => {
                sqlx::query_as!(
                    BoardRow,
                    r#"SELECT s.member_id AS "member_id!: i64", m.user_id, s.total_days AS days,
                          s.total_minutes AS minutes, s.current_days AS streak
                   FROM streaks s JOIN members m ON m.id = s.member_id
                   WHERE s.platform = $1 AND s.space_id = $2 AND s.current_days > 0
                     AND (s.current_days, s.total_days, s.total_minutes) < ($3, $4, $5)
                   ORDER BY s.current_days DESC, s.total_days DESC, s.total_minutes DESC, s.member_id LIMIT $6"#,
                    platform,
                    space,
                    first,
                    second,
                    third,
                    limit,
                )
                .fetch_all(&self.pool)
                .await
            }
            Metric::Days => sqlx::query_as!(
                BoardRow,
                r#"SELECT p.member_id AS "member_id!: i64", m.user_id, p.days, p.minutes, 0::BIGINT AS "streak!: i64"
                   FROM period_totals p JOIN members m ON m.id = p.member_id
                   WHERE p.platform = $1 AND p.space_id = $2 AND p.period = $3 AND p.period_start = $4 AND p.days > 0
                     AND (p.days, p.minutes) < ($5, $6)
                   ORDER BY p.days DESC, p.minutes DESC, p.member_id LIMIT $7"#,
                platform,
                space,
                period,
                start,
                first,
                second,
                limit,
            )
            .fetch_all(&self.pool)
            .await,
            Metric::Minutes => sqlx::query_as!(
                BoardRow,
                r#"SELECT p.member_id AS "member_id!: i64", m.user_id, p.days, p.minutes, 0::BIGINT AS "streak!: i64"
                   FROM period_totals p JOIN members m ON m.id = p.member_id
                   WHERE p.platform = $1 AND p.space_id = $2 AND p.period = $3 AND p.period_start = $4 AND p.days > 0
                     AND (p.minutes, p.days) < ($5, $6)
                   ORDER BY p.minutes DESC, p.days DESC, p.member_id LIMIT $7"#,
                platform,
                space,
                period,
                start,
                second,
                first,
                limit,
            )
            .fetch_all(&self.pool)
            .await,
        }
    }

    /// Settles every streak of the space that ran out before `now_unix`: all freezes it held
    /// were used and it ended. This is `StreakState::ended` (see the domain) done in bulk, so
    /// the streak board and its counts never show a streak that is over. The partial index is
    /// named because the planner, seeing the wide board index on the same columns, would
    /// otherwise walk every streak of the space.
    pub(crate) async fn expire_streaks(&self, space: &SpaceRef, now_unix: i64) -> Result<u64, sqlx::Error> {
        let platform = space.platform.as_str();
        let done = sqlx::query!(
            r#"UPDATE streaks SET current_days = 0, freezes_used = freezes_used + freezes_held, freezes_held = 0,
                   days_toward_freeze = 0, alive_until = 0
               WHERE platform = $1 AND space_id = $2 AND current_days > 0 AND alive_until <= $3"#,
            platform,
            space.space_id,
            now_unix,
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Every member of a group with their totals for the period and their live streak.
    pub(crate) async fn group_rows(&self, group_id: i64, q: &BoardQuery<'_>) -> Result<Vec<BoardRow>, sqlx::Error> {
        let period = q.period.as_str();
        sqlx::query_as!(
            BoardRow,
            r#"SELECT g.member_id AS "member_id!: i64", m.user_id,
                      COALESCE(p.days, 0) AS "days!: i64", COALESCE(p.minutes, 0) AS "minutes!: i64",
                      CASE WHEN s.alive_until > $3 THEN s.current_days ELSE 0 END AS "streak!: i64"
               FROM group_members g JOIN members m ON m.id = g.member_id
               LEFT JOIN period_totals p ON p.member_id = g.member_id AND p.period = $2 AND p.period_start = $4
               LEFT JOIN streaks s ON s.member_id = g.member_id
               WHERE g.group_id = $1"#,
            group_id,
            period,
            q.now_unix,
            q.period_start,
        )
        .fetch_all(&self.pool)
        .await
    }
}
