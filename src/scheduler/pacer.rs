//! Paces scheduled sends under the platform's global rate limit, and holds them back when the
//! platform says "slow down", so interactive answers always have room.
//!
//! Sends get evenly spaced slots; and since tasks woken late (a busy machine) would go out
//! together, each send also waits until fewer than `rate` sends left in the last second, so no
//! one-second window ever holds more than the rate.

use std::collections::VecDeque;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(1);

/// An evenly spaced send slot per 1/rate seconds, and at most `rate` sends in any second.
pub struct Pacer {
    interval: Duration,
    rate: usize,
    next_slot: Mutex<Instant>,
    /// When the last `rate` sends were let go, oldest first.
    recent: Mutex<VecDeque<Instant>>,
}

impl Pacer {
    pub fn new(per_second: u32) -> Self {
        let rate = per_second.max(1);
        let interval = Duration::from_secs_f64(1.0 / f64::from(rate));
        let rate = rate as usize;
        Pacer {
            interval,
            rate,
            next_slot: Mutex::new(Instant::now()),
            recent: Mutex::new(VecDeque::with_capacity(rate)),
        }
    }

    /// Waits for the next free slot, then for room in the last second.
    pub async fn wait(&self) {
        let slot = {
            let mut next = self.next_slot.lock().await;
            let slot = (*next).max(Instant::now());
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
        let mut recent = self.recent.lock().await;
        if recent.len() == self.rate {
            if let Some(&oldest) = recent.front() {
                tokio::time::sleep_until(oldest + WINDOW).await;
            }
            recent.pop_front();
        }
        recent.push_back(Instant::now());
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

    #[tokio::test(start_paused = true)]
    async fn sends_woken_late_together_still_keep_to_the_rate_in_every_second() {
        let pacer = std::sync::Arc::new(Pacer::new(10));
        let start = Instant::now();
        // Twenty sends whose slots all passed while the machine was busy wake at once.
        *pacer.next_slot.lock().await = start;
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let pacer = std::sync::Arc::clone(&pacer);
                tokio::spawn(async move {
                    pacer.wait().await;
                    Instant::now()
                })
            })
            .collect();
        tokio::time::advance(Duration::from_millis(1500)).await;
        let mut sent = Vec::new();
        for task in tasks {
            sent.push(task.await.unwrap());
        }
        sent.sort();
        for (i, at) in sent.iter().enumerate() {
            let in_window = sent[i..].iter().filter(|later| **later - *at < WINDOW).count();
            assert!(in_window <= 10, "{in_window} sends within a second of send {i}");
        }
    }
}
