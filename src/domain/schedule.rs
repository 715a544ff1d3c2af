//! When scheduled things happen: a local time of day, on chosen weekdays, in a time zone.
//!
//! Each occurrence belongs to a local date, which is what makes a send exactly-once: a post or
//! nudge is claimed for its (target, local date). Daylight-saving changes are handled here, so
//! they neither skip nor double a day: a time that falls in a spring-forward gap moves to the
//! first valid instant after it, and a time that happens twice in a fall-back hour uses the first.

use super::Timezone;
use crate::error::UserError;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// A time of day such as 09:00 or 19:30, read from "9:00", "09:00", "9am" or "7:30pm".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime(NaiveTime);

impl LocalTime {
    pub fn parse(text: &str) -> Result<Self, UserError> {
        let cleaned = text.trim().to_lowercase().replace(' ', "");
        let invalid = || UserError::InvalidTime { given: text.trim().to_string() };
        let (digits, offset) = match (cleaned.strip_suffix("am"), cleaned.strip_suffix("pm")) {
            (Some(d), _) => (d, Some(0)),
            (_, Some(d)) => (d, Some(12)),
            _ => (cleaned.as_str(), None),
        };
        let (hour, minute) = match digits.split_once(':') {
            Some((h, m)) => (h.parse::<u32>().map_err(|_| invalid())?, m.parse::<u32>().map_err(|_| invalid())?),
            None => (digits.parse::<u32>().map_err(|_| invalid())?, 0),
        };
        let hour = match offset {
            Some(_) if !(1..=12).contains(&hour) => return Err(invalid()),
            Some(add) => hour % 12 + add,
            None => hour,
        };
        NaiveTime::from_hms_opt(hour, minute, 0).map(LocalTime).ok_or_else(invalid)
    }

    pub fn from_hm(hour: u32, minute: u32) -> Option<Self> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(LocalTime)
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }

    /// As stored and shown: "09:00".
    pub fn to_hhmm(self) -> String {
        self.0.format("%H:%M").to_string()
    }
}

/// A set of weekdays, read from "daily", "weekdays", "weekends", "mon,wed,fri" or "mon-fri".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weekdays(u8);

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Weekdays {
    pub const EVERY_DAY: Weekdays = Weekdays(0b111_1111);

    pub fn parse(text: &str) -> Result<Self, UserError> {
        let lowered = text.trim().to_lowercase();
        let invalid = || UserError::InvalidWeekdays { given: text.trim().to_string() };
        match lowered.as_str() {
            "daily" | "every day" | "everyday" | "all" => return Ok(Self::EVERY_DAY),
            "weekdays" | "workdays" => return Ok(Weekdays(0b001_1111)),
            "weekends" | "weekend" => return Ok(Weekdays(0b110_0000)),
            _ => {}
        }
        let mut bits = 0u8;
        for part in lowered.split([',', ' ']).filter(|p| !p.is_empty()) {
            let (from, to) = part.split_once('-').unwrap_or((part, part));
            let (from, to) = (day_index(from).ok_or_else(invalid)?, day_index(to).ok_or_else(invalid)?);
            let mut day = from;
            loop {
                bits |= 1 << day;
                if day == to {
                    break;
                }
                day = (day + 1) % 7;
            }
        }
        // A list that names no day (",,," or nothing) would save a schedule that never fires.
        if bits == 0 {
            return Err(invalid());
        }
        Ok(Weekdays(bits))
    }

    pub fn from_bits(bits: u8) -> Self {
        Weekdays(bits & 0b111_1111)
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// "every day", "weekdays", or "mon, wed, fri".
    pub fn describe(self) -> String {
        match self.0 {
            0b111_1111 => "every day".into(),
            0b001_1111 => "weekdays".into(),
            0b110_0000 => "weekends".into(),
            bits => (0..7).filter(|d| bits & (1 << d) != 0).map(|d| DAY_NAMES[d]).collect::<Vec<_>>().join(", "),
        }
    }
}

fn day_index(text: &str) -> Option<usize> {
    let short: String = text.chars().take(3).collect();
    DAY_NAMES.iter().position(|d| *d == short)
}

/// A daily time on some weekdays in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub time: LocalTime,
    pub zone: Timezone,
    pub weekdays: Weekdays,
}

/// Whether an occurrence should be sent now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Due and within the grace window: send it, for this local date.
    Send {
        date: NaiveDate,
        at: DateTime<Utc>,
    },
    /// Its time passed longer ago than the grace window (after downtime): skip and log it.
    Missed {
        date: NaiveDate,
        at: DateTime<Utc>,
    },
    NotYet,
}

impl Schedule {
    /// The instant of the occurrence on a local date, or `None` when that weekday is off.
    pub fn occurrence_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        if !self.weekdays.contains(date.weekday()) {
            return None;
        }
        Some(resolve_local(self.zone.tz(), date, self.time.time()))
    }

    /// The latest occurrence at or before `now` (looking at today and yesterday, local), and
    /// whether it is still within `grace`.
    pub fn due_at(&self, now: DateTime<Utc>, grace: Duration) -> Due {
        let today = self.zone.local_date(now);
        let candidates = [Some(today), today.pred_opt()];
        for date in candidates.into_iter().flatten() {
            let Some(at) = self.occurrence_on(date) else { continue };
            if at > now {
                continue;
            }
            return if now - at <= grace { Due::Send { date, at } } else { Due::Missed { date, at } };
        }
        Due::NotYet
    }

    /// The next `count` occurrences strictly after `after`, in local time.
    pub fn next_occurrences(&self, after: DateTime<Utc>, count: usize) -> Vec<DateTime<Tz>> {
        let mut date = self.zone.local_date(after).pred_opt().unwrap_or_else(|| self.zone.local_date(after));
        let mut found = Vec::with_capacity(count);
        // Eight days always contain an enabled weekday when any is enabled.
        for _ in 0..(count * 8 + 8) {
            if found.len() == count || self.weekdays.bits() == 0 {
                break;
            }
            if let Some(at) = self.occurrence_on(date).filter(|at| *at > after) {
                found.push(at.with_timezone(&self.zone.tz()));
            }
            date = date.succ_opt().unwrap_or(date);
        }
        found
    }
}

/// A local date and time as an instant: the first of two in a fall-back hour, and the first
/// valid instant after a spring-forward gap.
fn resolve_local(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    if let Some(at) = tz.from_local_datetime(&local).earliest() {
        return at.with_timezone(&Utc);
    }
    let mut probe = local;
    for _ in 0..(4 * 60) {
        probe += Duration::minutes(1);
        if let Some(at) = tz.from_local_datetime(&probe).earliest() {
            return at.with_timezone(&Utc);
        }
    }
    Utc.from_utc_datetime(&local)
}
