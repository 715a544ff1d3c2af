//! Ids of deliveries already handled, so one delivered twice runs once: a Discord interaction
//! replayed after a gateway resume, a Slack event Slack retried. The second copy is dropped.
//! Slack's front end also keeps here the members whose zone is settled.
//!
//! The record is in memory and bounded: the last `per_shard` ids of each of `SHARDS` shards.
//! The shards keep every lock short and never shared by most deliveries at once. It is per
//! process: with several replicas the record belongs in the store (issue #12).

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

const SHARDS: usize = 16;

struct Shard<K> {
    seen: HashSet<K>,
    order: VecDeque<K>,
}

/// The ids of recently handled deliveries, about `SHARDS * per_shard` of them.
pub(crate) struct RecentIds<K> {
    shards: Vec<Mutex<Shard<K>>>,
    per_shard: usize,
}

impl<K: Hash + Eq + Clone> RecentIds<K> {
    /// Room grows with use: a bot that sees a few interactions an hour keeps a few ids, not the
    /// whole bound's worth of empty tables (1.7 MiB for Discord's 65,536).
    pub(crate) fn new(per_shard: usize) -> Self {
        let shard = || Mutex::new(Shard { seen: HashSet::new(), order: VecDeque::new() });
        RecentIds { shards: (0..SHARDS).map(|_| shard()).collect(), per_shard }
    }

    /// Records `id`; false when it was already recorded (a repeat).
    pub(crate) fn first_time(&self, id: K) -> bool {
        let mut shard = self.shard_of(&id);
        if !shard.seen.insert(id.clone()) {
            return false;
        }
        shard.order.push_back(id);
        if shard.order.len() > self.per_shard {
            if let Some(oldest) = shard.order.pop_front() {
                shard.seen.remove(&oldest);
            }
        }
        true
    }

    /// Whether `id` is recorded, without recording it.
    pub(crate) fn contains(&self, id: &K) -> bool {
        self.shard_of(id).seen.contains(id)
    }

    fn shard_of(&self, id: &K) -> std::sync::MutexGuard<'_, Shard<K>> {
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        let shard = &self.shards[(hasher.finish() % SHARDS as u64) as usize];
        shard.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_is_recognised_and_old_ids_are_forgotten() {
        let recent = RecentIds::new(4);
        assert!(!recent.contains(&7u64));
        assert!(recent.first_time(7u64));
        assert!(recent.contains(&7) && !recent.first_time(7));
        // Enough newer ids that the shard holding 7 overflows whatever the hash.
        for n in 8..8 + (SHARDS as u64) * 64 {
            assert!(recent.first_time(n));
        }
        assert!(!recent.contains(&7) && recent.first_time(7), "the oldest id of a full shard is forgotten");
        let texts = RecentIds::new(4);
        assert!(texts.first_time("Ev1".to_string()));
        assert!(!texts.first_time("Ev1".to_string()));
    }
}
