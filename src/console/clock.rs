//! The console's clock for local trials: off by default (the real time is used); `/clock` can
//! fix it to a UTC instant or move it by days or hours, so a learner can check in on simulated
//! days, miss one and watch a freeze being used. It changes nothing outside this console session.

use crate::error::UserError;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct ConsoleClock {
    fixed: Mutex<Option<DateTime<Utc>>>,
}

impl ConsoleClock {
    /// The fixed time when one is set, else `real`.
    pub fn now_or(&self, real: DateTime<Utc>) -> DateTime<Utc> {
        self.fixed.lock().map(|f| f.unwrap_or(real)).unwrap_or(real)
    }

    /// Applies a `/clock` setting; returns the clock's time afterwards (`None` when off).
    pub fn set(&self, setting: &str, real: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, UserError> {
        let invalid = || UserError::InvalidClock { given: setting.to_string() };
        let current = self.now_or(real);
        let next = match setting.trim().to_lowercase().as_str() {
            "off" | "real" => None,
            step if step.starts_with('+') || step.starts_with('-') => {
                Some(current + parse_step(step).ok_or_else(invalid)?)
            }
            _ => Some(parse_instant(setting.trim()).ok_or_else(invalid)?),
        };
        if let Ok(mut fixed) = self.fixed.lock() {
            *fixed = next;
        }
        Ok(next)
    }
}

/// "+1d", "+3h", "-30m".
fn parse_step(step: &str) -> Option<Duration> {
    let (number, unit) = step.split_at(step.len().checked_sub(1)?);
    let amount: i64 = number.parse().ok()?;
    match unit {
        "d" => Some(Duration::days(amount)),
        "h" => Some(Duration::hours(amount)),
        "m" => Some(Duration::minutes(amount)),
        _ => None,
    }
}

/// "2026-03-05T20:00", with optional seconds and a trailing Z; always UTC.
fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim_end_matches(['Z', 'z']);
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|naive| naive.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_clock_is_off_until_set_and_steps_from_where_it_is() {
        let real = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        let clock = ConsoleClock::default();
        assert_eq!(clock.now_or(real), real);
        clock.set("2026-03-05T20:00", real).unwrap();
        clock.set("+1d", real).unwrap();
        assert_eq!(clock.now_or(real), Utc.with_ymd_and_hms(2026, 3, 6, 20, 0, 0).unwrap());
        assert!(clock.set("tomorrow", real).is_err());
        clock.set("off", real).unwrap();
        assert_eq!(clock.now_or(real), real);
    }
}
