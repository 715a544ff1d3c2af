//! Interactions already handled, so one delivered twice (a gateway replay after a resume) runs
//! once: the second copy is dropped, as its first answer is already on its way.
//!
//! The record is in memory and bounded: the last `PER_SHARD` ids of each of `SHARDS` shards,
//! about half a minute of traffic at 2,000 interactions a second, which covers a replay. The
//! shards keep every lock short and never shared by most interactions at once. It is per
//! process: with several replicas behind one gateway session the record belongs in the store
//! (issue #12).

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

const SHARDS: usize = 16;
const PER_SHARD: usize = 4096;

#[derive(Default)]
struct Shard {
    seen: HashSet<u64>,
    order: VecDeque<u64>,
}

/// The ids of recently handled interactions.
pub struct RecentInteractions {
    shards: Vec<Mutex<Shard>>,
}

impl Default for RecentInteractions {
    fn default() -> Self {
        let shard = || {
            let (seen, order) = (HashSet::with_capacity(PER_SHARD + 1), VecDeque::with_capacity(PER_SHARD + 1));
            Mutex::new(Shard { seen, order })
        };
        RecentInteractions { shards: (0..SHARDS).map(|_| shard()).collect() }
    }
}

impl RecentInteractions {
    /// Records `id`; false when it was already recorded (a repeat).
    pub fn first_time(&self, id: u64) -> bool {
        // A snowflake's low bits count up per worker, so they spread ids over the shards.
        let shard = &self.shards[(id % SHARDS as u64) as usize];
        let mut shard = shard.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !shard.seen.insert(id) {
            return false;
        }
        shard.order.push_back(id);
        if shard.order.len() > PER_SHARD {
            if let Some(oldest) = shard.order.pop_front() {
                shard.seen.remove(&oldest);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_is_recognised_and_old_ids_are_forgotten() {
        let recent = RecentInteractions::default();
        assert!(recent.first_time(7));
        assert!(!recent.first_time(7));
        for n in 1..=PER_SHARD as u64 {
            assert!(recent.first_time(7 + n * SHARDS as u64));
        }
        assert!(recent.first_time(7), "the oldest id of a full shard is forgotten");
    }
}
