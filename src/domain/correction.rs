//! Moderator corrections: adding or removing a counted day for a member, always with a reason
//! that goes into an audit log the member can read. Only recent days can be corrected, so the
//! tool fixes outages rather than rewriting history.

use crate::error::UserError;
use chrono::{Duration, NaiveDate};

/// How far back a moderator may correct, in days before the member's today.
pub const CORRECTION_WINDOW_DAYS: i64 = 60;
pub const MIN_REASON_CHARS: usize = 3;
pub const MAX_REASON_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrectionKind {
    AddDay,
    RemoveDay,
}

impl CorrectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::AddDay => "add",
            CorrectionKind::RemoveDay => "remove",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "add" => Some(CorrectionKind::AddDay),
            "remove" | "delete" => Some(CorrectionKind::RemoveDay),
            _ => None,
        }
    }
}

/// Shown as the word the member's history and export use ("add", "remove").
impl std::fmt::Display for CorrectionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a moderator changed a day, stored as given (less NUL characters) and escaped when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason(String);

impl Reason {
    pub fn new(text: &str) -> Result<Self, UserError> {
        let kept = super::text::kept_text(text);
        let length = kept.chars().count();
        if !(MIN_REASON_CHARS..=MAX_REASON_CHARS).contains(&length) {
            return Err(UserError::ReasonLength { min: MIN_REASON_CHARS, max: MAX_REASON_CHARS });
        }
        Ok(Reason(kept))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Reads a local date typed as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<NaiveDate, UserError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| UserError::InvalidDate { given: text.trim().to_string() })
}

/// Refuses a date in the member's future or too far back.
pub fn check_correction_date(date: NaiveDate, member_today: NaiveDate) -> Result<NaiveDate, UserError> {
    let earliest = member_today - Duration::days(CORRECTION_WINDOW_DAYS);
    if date < earliest || date > member_today {
        return Err(UserError::CorrectionOutOfRange { date, earliest, latest: member_today });
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_needs_a_reason_and_a_recent_date() {
        assert!(Reason::new("  ").is_err());
        assert!(Reason::new(&"x".repeat(301)).is_err());
        let today = parse_date("2026-03-10").unwrap();
        assert!(check_correction_date(parse_date("2026-03-09").unwrap(), today).is_ok());
        assert!(check_correction_date(parse_date("2026-03-11").unwrap(), today).is_err());
        assert!(check_correction_date(parse_date("2025-12-01").unwrap(), today).is_err());
        assert!(parse_date("March 3").is_err());
    }
}
