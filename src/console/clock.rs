//! The console's clock for local trials: off by default (the real time is used); `/clock` can
//! fix it to a UTC instant or move it by days or hours, so a learner can check in on simulated
//! days, miss one and watch a freeze being used. It changes nothing outside this console session.

use crate::error::UserError;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use std::sync::Mutex;

/// The span the clock may be set within. Trials need years, not millennia, and a bound keeps
/// every date the core computes from it (weeks ahead, a heatmap's weeks behind) representable.
const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date");
const LATEST: NaiveDate = NaiveDate::from_ymd_opt(2999, 12, 31).expect("a valid date");

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
        let invalid = || UserError::InvalidClock { given: setting.trim().to_string() };
        let out_of_range = || UserError::ClockOutOfRange { earliest: EARLIEST, latest: LATEST };
        let current = self.now_or(real);
        let next = match setting.trim().to_lowercase().as_str() {
            "off" | "real" => None,
            step if step.starts_with('+') || step.starts_with('-') => {
                let step = parse_step(step).ok_or_else(invalid)?.ok_or_else(out_of_range)?;
                Some(current.checked_add_signed(step).ok_or_else(out_of_range)?)
            }
            _ => Some(parse_instant(setting.trim()).ok_or_else(invalid)?),
        };
        if next.is_some_and(|at| !(EARLIEST..=LATEST).contains(&at.date_naive())) {
            return Err(out_of_range());
        }
        if let Ok(mut fixed) = self.fixed.lock() {
            *fixed = next;
        }
        Ok(next)
    }
}

/// "+1d", "+3h", "-30m"; `None` when it is not a step, `Some(None)` when it is one too large
/// for any date.
fn parse_step(step: &str) -> Option<Option<Duration>> {
    let unit = step.chars().next_back()?;
    let amount: i64 = step[..step.len() - unit.len_utf8()].parse().ok()?;
    match unit {
        'd' => Some(Duration::try_days(amount)),
        'h' => Some(Duration::try_hours(amount)),
        'm' => Some(Duration::try_minutes(amount)),
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

    #[test]
    fn huge_or_odd_steps_are_refused_and_leave_the_clock_where_it_was() {
        let real = Utc.with_ymd_and_hms(2026, 3, 5, 20, 0, 0).unwrap();
        let clock = ConsoleClock::default();
        clock.set("2026-03-05T20:00", real).unwrap();
        for setting in ["+99999999999d", "-99999999999d", "+9223372036854775807m", "+9000000h", "-30000d", "+1é"] {
            assert!(clock.set(setting, real).is_err(), "{setting} is refused");
            assert_eq!(clock.now_or(real), real, "{setting} left the clock alone");
        }
        assert!(matches!(clock.set("+99999999999d", real), Err(UserError::ClockOutOfRange { .. })));
        assert!(matches!(clock.set("1500-01-01T00:00", real), Err(UserError::ClockOutOfRange { .. })));
    }
}
