//! What a check-in needs to read after writing its day, in one statement: the streak record, the
//! neutral days, the week's and month's days and minutes around the day, and (only for a member
//! with no record yet) every counted day and the minutes of all time, to replay the rules. One
//! round trip instead of five keeps short the transaction that holds the member row's lock.

use super::Tx;
use crate::domain::Period;
use crate::storage::model::columns::*;
use crate::storage::model::*;
use chrono::NaiveDate;

impl Tx {
    /// Reads the check-in's context for the member's day `day` (see the module comment).
    pub(crate) async fn checkin_context(
        &mut self,
        member_id: i64,
        day: NaiveDate,
    ) -> Result<CheckinContext, sqlx::Error> {
        let (week_start, week_end) = (Period::Week.start(day), Period::Week.end(day));
        let (month_start, month_end) = (Period::Month.start(day), Period::Month.end(day));
        let row = sqlx::query!(
            r#"SELECT s.member_id AS "has_record?: i64", s.current_days AS "current_days?: i64",
                      s.longest_days AS "longest_days?: i64", s.total_days AS "total_days?: i64",
                      s.total_minutes AS "total_minutes?: i64", s.freezes_held AS "freezes_held?: i64",
                      s.freezes_used AS "freezes_used?: i64", s.days_toward_freeze AS "days_toward_freeze?: i64",
                      s.last_day AS "last_day?: NaiveDate",
                      (SELECT string_agg(n.first_day::TEXT || ' ' || n.last_day::TEXT || ' ' || n.reason, ',')
                       FROM neutral_days n WHERE n.member_id = m.id) AS "neutral?: String",
                      (SELECT COUNT(*) FROM checkins c WHERE c.member_id = m.id AND c.local_date BETWEEN $2 AND $3)
                          AS "week_days!: i64",
                      (SELECT COALESCE(SUM(c.minutes), 0)::BIGINT FROM checkins c
                       WHERE c.member_id = m.id AND c.local_date BETWEEN $2 AND $3) AS "week_minutes!: i64",
                      (SELECT COUNT(*) FROM checkins c WHERE c.member_id = m.id AND c.local_date BETWEEN $4 AND $5)
                          AS "month_days!: i64",
                      (SELECT COALESCE(SUM(c.minutes), 0)::BIGINT FROM checkins c
                       WHERE c.member_id = m.id AND c.local_date BETWEEN $4 AND $5) AS "month_minutes!: i64",
                      CASE WHEN s.member_id IS NULL THEN
                          (SELECT string_agg(c.local_date::TEXT, ',') FROM checkins c WHERE c.member_id = m.id) END
                          AS "days?: String",
                      CASE WHEN s.member_id IS NULL THEN
                          (SELECT COALESCE(SUM(c.minutes), 0)::BIGINT FROM checkins c WHERE c.member_id = m.id) END
                          AS "all_minutes?: i64"
               FROM members m LEFT JOIN streaks s ON s.member_id = m.id WHERE m.id = $1 FOR UPDATE OF m"#,
            member_id,
            week_start,
            week_end,
            month_start,
            month_end,
        )
        .fetch_one(&mut *self.inner)
        .await?;
        let record = row.has_record.map(|_| {
            StreakColumns {
                current_days: row.current_days.unwrap_or(0),
                longest_days: row.longest_days.unwrap_or(0),
                total_days: row.total_days.unwrap_or(0),
                total_minutes: row.total_minutes.unwrap_or(0),
                freezes_held: row.freezes_held.unwrap_or(0),
                freezes_used: row.freezes_used.unwrap_or(0),
                days_toward_freeze: row.days_toward_freeze.unwrap_or(0),
                last_day: row.last_day,
                neutral: None,
            }
            .stored()
        });
        let neutral = neutral_from(row.neutral.as_deref());
        let history = record.is_none().then(|| (parse_days(row.days.as_deref()), row.all_minutes.unwrap_or(0)));
        let sums = WeekAndMonth {
            around: day,
            week: (row.week_days, row.week_minutes),
            month: (row.month_days, row.month_minutes),
        };
        Ok(CheckinContext { record, neutral, sums, history })
    }
}
