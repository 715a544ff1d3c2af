//! Paces scheduled sends under the platform's global rate limit, and holds them back when the
//! platform says "slow down", so interactive answers always have room.

use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// An evenly spaced send slot per 1/rate seconds.
pub struct Pacer {
    interval: Duration,
    next_slot: Mutex<Instant>,
}

impl Pacer {
    pub fn new(per_second: u32) -> Self {
        let interval = Duration::from_secs_f64(1.0 / f64::from(per_second.max(1)));
        Pacer { interval, next_slot: Mutex::new(Instant::now()) }
    }

    /// Waits for the next free slot.
    pub async fn wait(&self) {
        let slot = {
            let mut next = self.next_slot.lock().await;
            let slot = (*next).max(Instant::now());
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }

    /// The earliest instant the next `wait` can return.
    pub async fn next_slot(&self) -> Instant {
        (*self.next_slot.lock().await).max(Instant::now())
    }

    /// No slot before `delay` from now (after a 429 or a server error).
    pub async fn hold_for(&self, delay: Duration) {
        let mut next = self.next_slot.lock().await;
        *next = (*next).max(Instant::now() + delay);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_spaced_by_the_rate_and_a_hold_delays_them() {
        let pacer = Pacer::new(40);
        let start = Instant::now();
        for _ in 0..41 {
            pacer.wait().await;
        }
        assert_eq!(start.elapsed(), Duration::from_millis(1000));
        pacer.hold_for(Duration::from_secs(5)).await;
        pacer.wait().await;
        assert!(start.elapsed() >= Duration::from_millis(6000));
    }
}
