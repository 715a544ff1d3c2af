//! Period totals: a member's days and minutes for their current week, month and all time,
//! written at every change of their days so the leaderboards read an index, never history.

use super::Tx;
use crate::domain::{MemberRef, Period};
use crate::storage::model::*;
use chrono::NaiveDate;

impl Tx {
    /// Writes the member's week, month and all-time totals in one statement.
    pub(super) async fn save_period_totals(
        &mut self,
        member_id: i64,
        member: &MemberRef,
        totals: &PeriodTotals,
    ) -> Result<(), sqlx::Error> {
        let platform = member.platform().as_str();
        let space = &member.space.space_id;
        let all_start = Period::AllTime.start(totals.week_start);
        sqlx::query!(
            r#"INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
               VALUES (?1, 'week', ?2, ?3, ?4, ?5, ?6), (?1, 'month', ?2, ?3, ?7, ?8, ?9), (?1, 'all', ?2, ?3, ?10, ?11, ?12)
               ON CONFLICT (member_id, period) DO UPDATE SET period_start = excluded.period_start,
                   days = excluded.days, minutes = excluded.minutes"#,
            member_id,
            platform,
            space,
            totals.week_start,
            totals.week.0,
            totals.week.1,
            totals.month_start,
            totals.month.0,
            totals.month.1,
            all_start,
            totals.all_time.0,
            totals.all_time.1,
        )
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

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
            r#"SELECT COUNT(CASE WHEN local_date BETWEEN ?2 AND ?3 THEN 1 END) AS "week_days!: i64",
                      COALESCE(SUM(CASE WHEN local_date BETWEEN ?2 AND ?3 THEN minutes END), 0) AS "week_minutes!: i64",
                      COUNT(CASE WHEN local_date BETWEEN ?4 AND ?5 THEN 1 END) AS "month_days!: i64",
                      COALESCE(SUM(CASE WHEN local_date BETWEEN ?4 AND ?5 THEN minutes END), 0) AS "month_minutes!: i64"
               FROM checkins WHERE member_id = ?1 AND local_date BETWEEN ?6 AND ?7"#,
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
