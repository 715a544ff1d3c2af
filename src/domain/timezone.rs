//! A validated IANA time zone, and the local-day arithmetic every streak rule depends on.

use crate::error::UserError;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;
use std::str::FromStr;

/// An IANA time zone such as `Europe/Berlin`, parsed at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timezone(Tz);

impl Timezone {
    pub const UTC: Timezone = Timezone(Tz::UTC);

    /// Accepts an IANA name in any letter case ("europe/berlin"); otherwise explains and suggests.
    pub fn parse(input: &str) -> Result<Self, UserError> {
        let trimmed = input.trim();
        if let Ok(tz) = Tz::from_str(trimmed) {
            return Ok(Timezone(tz));
        }
        if let Ok(tz) = Tz::from_str_insensitive(trimmed) {
            return Ok(Timezone(tz));
        }
        Err(UserError::InvalidTimezone { input: trimmed.to_string(), suggestions: suggest(trimmed) })
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    pub fn tz(&self) -> Tz {
        self.0
    }

    /// The calendar date in this zone at the given instant.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.0).date_naive()
    }

    /// The instant the given local day ends (the next local midnight), in this zone.
    /// Midnight can fall in a daylight-saving gap, so the earliest valid instant after it is used.
    pub fn end_of_day(&self, date: NaiveDate) -> DateTime<Tz> {
        let next = date.succ_opt().unwrap_or(date);
        let mut probe = next.and_hms_opt(0, 0, 0).unwrap_or_default();
        for _ in 0..4 {
            if let Some(at) = self.0.from_local_datetime(&probe).earliest() {
                return at;
            }
            probe += chrono::Duration::minutes(30);
        }
        Utc.from_utc_datetime(&probe).with_timezone(&self.0)
    }
}

impl fmt::Display for Timezone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Zone names containing the typed text, ignoring case and treating spaces as underscores;
/// names that start with it (or whose city does) come first.
pub fn matching(partial: &str) -> Vec<&'static str> {
    let wanted = partial.trim().to_lowercase().replace(' ', "_");
    let mut found: Vec<(bool, &'static str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.to_lowercase().contains(&wanted))
        .map(|name| {
            let lower = name.to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower).to_string();
            (!(lower.starts_with(&wanted) || city.starts_with(&wanted)), name)
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name).collect()
}

/// Up to three zone names that resemble what was typed, or that end with the typed city.
pub fn suggest(input: &str) -> Vec<String> {
    let wanted = input.to_lowercase().replace(' ', "_");
    let mut scored: Vec<(f64, &str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| {
            let name = tz.name();
            let lower = name.to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            let score = strsim::jaro_winkler(&wanted, &lower).max(strsim::jaro_winkler(&wanted, city));
            (score, name)
        })
        .filter(|(score, _)| *score > 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, name)| name.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_accepted_in_any_case() {
        assert_eq!(Timezone::parse("europe/berlin").unwrap().name(), "Europe/Berlin");
    }

    #[test]
    fn an_unknown_zone_is_refused_with_suggestions() {
        match Timezone::parse("Europe/Berlinn") {
            Err(UserError::InvalidTimezone { suggestions, .. }) => {
                assert!(suggestions.contains(&"Europe/Berlin".to_string()))
            }
            other => panic!("expected an invalid time zone, got {other:?}"),
        }
    }

    #[test]
    fn zones_are_found_by_city_in_any_case() {
        let found = matching("berlin");
        assert_eq!(found.first(), Some(&"Europe/Berlin"));
        assert!(matching("new york").contains(&"America/New_York"));
    }

    #[test]
    fn the_local_date_follows_the_zone() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 23, 30, 0).unwrap();
        let tokyo = Timezone::parse("Asia/Tokyo").unwrap();
        assert_eq!(tokyo.local_date(at), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(Timezone::UTC.local_date(at), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    }

    #[test]
    fn a_day_ends_at_the_next_local_midnight() {
        let berlin = Timezone::parse("Europe/Berlin").unwrap();
        let end = berlin.end_of_day(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(end.with_timezone(&Utc), Utc.with_ymd_and_hms(2026, 7, 1, 22, 0, 0).unwrap());
    }
}
