//! What a check-in needs to read after writing its day, in one statement: the streak record, the
//! neutral days, the week's and month's days and minutes around the day, and (only for a member
//! with no record yet) every counted day and the minutes of all time, to replay the rules. One
//! round trip instead of five keeps the one writer connection free for the next check-in.

use super::{StoredStreak, Tx};
use crate::domain::{NeutralDays, Period};
use chrono::NaiveDate;

/// Days and minutes counted in the week and the month around one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAndMonth {
    pub around: NaiveDate,
    pub week: (i64, i64),
    pub month: (i64, i64),
}

/// A check-in's reads, as of its own write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinContext {
    pub record: Option<StoredStreak>,
    pub neutral: NeutralDays,
    pub sums: WeekAndMonth,
    /// Every counted day (oldest first) and the minutes of all time, when there is no record.
    pub history: Option<(Vec<NaiveDate>, i64)>,
}

impl Tx {
    /// Reads the check-in's context for the member's day `day` (see the module comment).
    pub async fn checkin_context(&mut self, member_id: i64, day: NaiveDate) -> Result<CheckinContext, sqlx::Error> {
        let (week_start, week_end) = (Period::Week.start(day), Period::Week.end(day));
        let (month_start, month_end) = (Period::Month.start(day), Period::Month.end(day));
        let row = sqlx::query!(
            r#"SELECT s.member_id AS "has_record?: i64", s.current_days AS "current_days?: i64",
                      s.longest_days AS "longest_days?: i64", s.total_days AS "total_days?: i64",
                      s.total_minutes AS "total_minutes?: i64", s.freezes_held AS "freezes_held?: i64",
                      s.freezes_used AS "freezes_used?: i64", s.days_toward_freeze AS "days_toward_freeze?: i64",
                      s.last_day AS "last_day?: NaiveDate",
                      (SELECT group_concat(n.first_day || ' ' || n.last_day || ' ' || n.reason, ',')
                       FROM neutral_days n WHERE n.member_id = m.id) AS "neutral?: String",
                      (SELECT COUNT(*) FROM checkins c WHERE c.member_id = m.id AND c.local_date BETWEEN ?2 AND ?3)
                          AS "week_days!: i64",
                      (SELECT COALESCE(SUM(c.minutes), 0) FROM checkins c
                       WHERE c.member_id = m.id AND c.local_date BETWEEN ?2 AND ?3) AS "week_minutes!: i64",
                      (SELECT COUNT(*) FROM checkins c WHERE c.member_id = m.id AND c.local_date BETWEEN ?4 AND ?5)
                          AS "month_days!: i64",
                      (SELECT COALESCE(SUM(c.minutes), 0) FROM checkins c
                       WHERE c.member_id = m.id AND c.local_date BETWEEN ?4 AND ?5) AS "month_minutes!: i64",
                      CASE WHEN s.member_id IS NULL THEN
                          (SELECT group_concat(c.local_date, ',') FROM checkins c WHERE c.member_id = m.id) END
                          AS "days?: String",
                      CASE WHEN s.member_id IS NULL THEN
                          (SELECT COALESCE(SUM(c.minutes), 0) FROM checkins c WHERE c.member_id = m.id) END
                          AS "all_minutes?: i64"
               FROM members m LEFT JOIN streaks s ON s.member_id = m.id WHERE m.id = ?1"#,
            member_id,
            week_start,
            week_end,
            month_start,
            month_end,
        )
        .fetch_one(&mut *self.inner)
        .await?;
        let record = row.has_record.map(|_| {
            super::streaks::StreakColumns {
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
        let neutral = super::streaks::neutral_from(row.neutral.as_deref());
        let history = record.is_none().then(|| (parse_days(row.days.as_deref()), row.all_minutes.unwrap_or(0)));
        let sums = WeekAndMonth {
            around: day,
            week: (row.week_days, row.week_minutes),
            month: (row.month_days, row.month_minutes),
        };
        Ok(CheckinContext { record, neutral, sums, history })
    }
}

/// Dates joined by commas, in any order, as the statement gathers them; oldest first.
fn parse_days(joined: Option<&str>) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = joined.unwrap_or("").split(',').filter_map(|day| day.trim().parse().ok()).collect();
    days.sort();
    days
}

#[cfg(test)]
mod tests {
    use super::parse_days;
    use chrono::NaiveDate;

    #[test]
    fn days_are_read_in_any_order_and_come_back_oldest_first() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(parse_days(Some("2026-03-05,2026-03-01,2026-03-03")), vec![day(1), day(3), day(5)]);
        assert_eq!(parse_days(None), Vec::<NaiveDate>::new());
        assert_eq!(parse_days(Some("")), Vec::<NaiveDate>::new());
    }
}
