//! The one source of the current time. The composition root (`startup`) makes it once and hands
//! it to every front end and the scheduler, which pass `now` down to `App` as an argument, so
//! nothing below the adapters reads the clock. The system clock is the real time; a fixed clock
//! reads one instant until it is set or moved, for tests and benchmarks that step through days.
//! (The console's `/clock` is a per-session setting on top of this clock, `console/clock.rs`.)

use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

/// The current time, shared by everything one process starts.
#[derive(Clone)]
pub struct Clock(Arc<Source>);

enum Source {
    System,
    /// Moves only when told to, so a test decides what "now" is at every step.
    Fixed(Mutex<DateTime<Utc>>),
}

impl Clock {
    /// The real time.
    pub fn system() -> Self {
        Clock(Arc::new(Source::System))
    }

    /// A clock that reads `at` until `set` or `advance` moves it.
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Clock(Arc::new(Source::Fixed(Mutex::new(at))))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &*self.0 {
            Source::System => Utc::now(),
            // A poisoned lock still holds the last instant set, which is the right answer.
            Source::Fixed(at) => *at.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        }
    }

    /// Moves a fixed clock to `at` (every holder sees it); the system clock cannot be moved,
    /// and says so by returning false.
    pub fn set(&self, at: DateTime<Utc>) -> bool {
        match &*self.0 {
            Source::System => false,
            Source::Fixed(current) => {
                *current.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = at;
                true
            }
        }
    }

    /// Moves a fixed clock forward (or back) by `by`; false for the system clock, or when the
    /// result would be past the last representable instant (the clock then stays).
    pub fn advance(&self, by: Duration) -> bool {
        self.now().checked_add_signed(by).is_some_and(|at| self.set(at))
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            Source::System => f.write_str("Clock::system"),
            Source::Fixed(_) => write!(f, "Clock::fixed({})", self.now()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_reads_its_instant_until_moved_and_every_clone_sees_the_move() {
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let clock = Clock::fixed(start);
        let shared = clock.clone();
        assert_eq!(clock.now(), start);
        assert!(clock.advance(Duration::hours(25)));
        assert_eq!(shared.now(), start + Duration::hours(25));
        let later = Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap();
        assert!(shared.set(later));
        assert_eq!(clock.now(), later);
    }

    #[test]
    fn the_system_clock_follows_the_real_time_and_cannot_be_moved() {
        let clock = Clock::system();
        let before = Utc::now();
        assert!(!clock.set(before - Duration::days(400)));
        assert!(!clock.advance(Duration::days(1)));
        let read = clock.now();
        assert!(read >= before && read <= Utc::now(), "{read} is the real time");
    }
}
