//! Period totals: a member's days and minutes for their current week, month and all time,
//! written at every change of their days so the leaderboards read an index, never history. The
//! write goes with the streak record's, in one statement (`streaks.rs`); here are the reads.

use super::Tx;
use crate::domain::Period;
use chrono::NaiveDate;

impl Tx {
    /// Days and minutes counted in the week and the month containing `anchor`, in one read.
    pub(crate) async fn week_and_month(
        &mut self,
        member_id: i64,
        anchor: NaiveDate,
    ) -> Result<((i64, i64), (i64, i64)), sqlx::Error> {
        let (week, month) = (
            (Period::Week.start(anchor), Period::Week.end(anchor)),
            (Period::Month.start(anchor), Period::Month.end(anchor)),
        );
        let (first, last) = (week.0.min(month.0), week.1.max(month.1));
        let row = sqlx::query!(
            r#"SELECT COUNT(CASE WHEN local_date BETWEEN $2 AND $3 THEN 1 END) AS "week_days!: i64",
                      COALESCE(SUM(CASE WHEN local_date BETWEEN $2 AND $3 THEN minutes END), 0)::BIGINT AS "week_minutes!: i64",
                      COUNT(CASE WHEN local_date BETWEEN $4 AND $5 THEN 1 END) AS "month_days!: i64",
                      COALESCE(SUM(CASE WHEN local_date BETWEEN $4 AND $5 THEN minutes END), 0)::BIGINT AS "month_minutes!: i64"
               FROM checkins WHERE member_id = $1 AND local_date BETWEEN $6 AND $7"#,
            member_id,
            week.0,
            week.1,
            month.0,
            month.1,
            first,
            last,
        )
        .fetch_one(&mut *self.inner)
        .await?;
        Ok(((row.week_days, row.week_minutes), (row.month_days, row.month_minutes)))
    }
}
