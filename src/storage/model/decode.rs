//! Stored text back into domain types, written once for every table. A value that no longer
//! parses (a zone renamed by a chrono-tz upgrade, a row written by hand) is logged and read as
//! absent, so the caller falls back (to the default zone) or passes the row over; it never fails
//! every command that reads it.

use crate::domain::correction::CorrectionKind;
use crate::domain::schedule::{LocalTime, Weekdays};
use crate::domain::{Platform, Timezone};

/// A stored zone name; `None` when it no longer parses (the caller uses its default).
pub(in crate::storage) fn zone(name: &str) -> Option<Timezone> {
    let parsed = Timezone::parse(name).ok();
    if parsed.is_none() {
        tracing::warn!(zone = name, "stored time zone no longer parses; using the default");
    }
    parsed
}

/// A stored "HH:MM"; `None` (logged) when it does not parse.
pub(in crate::storage) fn local_time(text: &str) -> Option<LocalTime> {
    let parsed = LocalTime::parse(text).ok();
    if parsed.is_none() {
        tracing::warn!(time = text, "stored local time does not parse; its schedule is passed over");
    }
    parsed
}

/// The weekday bits as stored; bits above the seven days are dropped.
pub(in crate::storage) fn weekdays(bits: i64) -> Weekdays {
    Weekdays::from_bits((bits & 0b111_1111) as u8)
}

/// A stored platform name; `None` (logged) for one this build does not know.
pub(in crate::storage) fn platform(name: &str) -> Option<Platform> {
    let found = [Platform::Discord, Platform::Slack, Platform::Console].into_iter().find(|p| p.as_str() == name);
    if found.is_none() {
        tracing::warn!(platform = name, "stored platform is not known; its row is passed over");
    }
    found
}

/// A stored correction action; `None` (logged) for one this build does not know.
pub(in crate::storage) fn correction_kind(action: &str) -> Option<CorrectionKind> {
    let found = [CorrectionKind::AddDay, CorrectionKind::RemoveDay].into_iter().find(|k| k.as_str() == action);
    if found.is_none() {
        tracing::warn!(action, "stored correction action is not known; the entry is passed over");
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stored_value_round_trips_and_an_unknown_one_reads_as_absent() {
        for zone_name in ["UTC", "Europe/Berlin", "America/New_York"] {
            assert_eq!(zone(zone_name).map(|z| z.name().to_string()).as_deref(), Some(zone_name));
        }
        assert!(zone("Mars/Olympus_Mons").is_none());
        assert_eq!(local_time("09:30").map(LocalTime::to_hhmm).as_deref(), Some("09:30"));
        assert!(local_time("9 o'clock").is_none());
        for p in [Platform::Discord, Platform::Slack, Platform::Console] {
            assert_eq!(platform(p.as_str()), Some(p));
        }
        assert!(platform("irc").is_none());
        for k in [CorrectionKind::AddDay, CorrectionKind::RemoveDay] {
            assert_eq!(correction_kind(k.as_str()), Some(k));
        }
        assert!(correction_kind("delete").is_none(), "only what is written is read back");
    }
}
