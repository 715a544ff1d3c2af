//! Leaderboard terms: the period (this week, this month, all time), the measure (current
//! streak, study days, minutes), paging ten to a page, and the tie-break rules.
//!
//! Weeks run Monday to Sunday and months are calendar months, both in members' own local dates,
//! so a period total can be kept up to date at check-in instead of summed from history.

use crate::error::UserError;
use chrono::{Datelike, Duration, NaiveDate};

/// Rows on one leaderboard page.
pub const PAGE_SIZE: u32 = 10;

/// How ties are broken, in words for the board's footer.
pub const TIE_BREAK_RULES: &str = "Ties: on the streak board more study days, then more minutes; on the days board more minutes; on the minutes board more days; then whoever joined first. No two members share a place.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Week,
    Month,
    #[default]
    AllTime,
}

impl Period {
    pub fn parse(text: &str) -> Result<Self, UserError> {
        match text.trim().to_lowercase().replace([' ', '_'], "-").as_str() {
            "week" | "weekly" | "this-week" => Ok(Period::Week),
            "month" | "monthly" | "this-month" => Ok(Period::Month),
            "all-time" | "alltime" | "all" | "ever" => Ok(Period::AllTime),
            _ => Err(UserError::UnknownPeriod { given: text.trim().to_string() }),
        }
    }

    /// The stored name of a period total ("week", "month", "all").
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::AllTime => "all",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::Week => "this week",
            Period::Month => "this month",
            Period::AllTime => "all time",
        }
    }

    /// The first day of the period containing `day` (the all-time period has one fixed start).
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Period::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Period::Month => day.with_day(1).unwrap_or(day),
            Period::AllTime => NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default(),
        }
    }

    /// The last day of the period containing `day`.
    pub fn end(self, day: NaiveDate) -> NaiveDate {
        match self {
            Period::Week => self.start(day) + Duration::days(6),
            Period::Month => {
                let next = if day.month() == 12 {
                    NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)
                };
                next.and_then(|n| n.pred_opt()).unwrap_or(day)
            }
            Period::AllTime => NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Metric {
    /// The current streak; the period does not apply to it.
    #[default]
    Streak,
    Days,
    Minutes,
}

impl Metric {
    pub fn parse(text: &str) -> Result<Self, UserError> {
        match text.trim().to_lowercase().as_str() {
            "streak" | "streaks" => Ok(Metric::Streak),
            "days" | "day" => Ok(Metric::Days),
            "minutes" | "minute" | "time" => Ok(Metric::Minutes),
            _ => Err(UserError::UnknownMetric { given: text.trim().to_string() }),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::Streak => "current streak",
            Metric::Days => "study days",
            Metric::Minutes => "minutes studied",
        }
    }
}

/// Number of pages for `total` ranked members; an empty board still has its one (empty) page.
pub fn page_count(total: u32) -> u32 {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The page a 1-based rank is on.
pub fn page_of_rank(rank: u32) -> u32 {
    rank.saturating_sub(1) / PAGE_SIZE + 1
}

/// Reads a typed page number.
pub fn parse_page(text: &str) -> Result<u32, UserError> {
    match text.trim().parse::<u32>() {
        Ok(page) if page >= 1 => Ok(page),
        _ => Err(UserError::InvalidPage { given: text.trim().to_string() }),
    }
}

/// Refuses a page past the end.
pub fn check_page(page: u32, total: u32) -> Result<u32, UserError> {
    let pages = page_count(total);
    if page == 0 || page > pages {
        return Err(UserError::PageOutOfRange { page, pages });
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let thursday = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Period::Week.start(thursday).to_string(), "2026-03-02");
        assert_eq!(Period::Week.end(thursday).to_string(), "2026-03-08");
        assert_eq!(Period::Month.start(thursday).to_string(), "2026-03-01");
        assert_eq!(Period::Month.end(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()).to_string(), "2026-12-31");
    }

    #[test]
    fn pages_hold_ten_and_a_page_past_the_end_is_refused() {
        assert_eq!((page_count(0), page_count(10), page_count(11)), (1, 1, 2));
        assert_eq!((page_of_rank(1), page_of_rank(10), page_of_rank(11)), (1, 1, 2));
        assert!(matches!(check_page(3, 11), Err(UserError::PageOutOfRange { page: 3, pages: 2 })));
        assert!(parse_page("0").is_err() && parse_page("x").is_err());
    }

    #[test]
    fn periods_and_measures_read_what_people_type() {
        assert_eq!(Period::parse("All Time").unwrap(), Period::AllTime);
        assert_eq!(Metric::parse("Minutes").unwrap(), Metric::Minutes);
        assert!(Period::parse("year").is_err() && Metric::parse("xp").is_err());
    }
}
