//! Per-member cooldowns on the expensive answers: the `/streak` heatmap is drawn at most once
//! per [`HEATMAP_COOLDOWN_SECONDS`] for each member, so one member repeating it cannot take the
//! drawing threads from everyone else. Within the cooldown the streak is still answered, without
//! a new image, saying when to ask again.
//!
//! The times are this process's memory: with several replicas a member could have one heatmap
//! per replica per cooldown, which is harmless (the limit protects each process's threads).
//! Time comes in as an argument, as everywhere in the core.

use crate::domain::{MemberRef, Platform};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Mutex;

/// How long a member waits between two heatmaps.
pub const HEATMAP_COOLDOWN_SECONDS: i64 = 10;

/// Past this many remembered members, the ones whose cooldown is over are forgotten.
const PRUNE_ABOVE: usize = 5000;

#[derive(Debug, Default)]
pub(crate) struct Cooldowns {
    last_heatmap: Mutex<HashMap<MemberRef, DateTime<Utc>>>,
}

impl Cooldowns {
    /// Takes the member's heatmap turn at `now`, or says how many seconds remain. The console
    /// has one member and nobody to starve, so it has no cooldown.
    pub(crate) fn take_heatmap(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<(), u32> {
        if member.platform() == Platform::Console {
            return Ok(());
        }
        let mut last = self.last_heatmap.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(previous) = last.get(member) {
            let waited = (now - *previous).num_seconds();
            if (0..HEATMAP_COOLDOWN_SECONDS).contains(&waited) {
                return Err((HEATMAP_COOLDOWN_SECONDS - waited) as u32);
            }
        }
        if last.len() > PRUNE_ABOVE {
            last.retain(|_, at| (now - *at).num_seconds() < HEATMAP_COOLDOWN_SECONDS);
        }
        last.insert(member.clone(), now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn a_second_heatmap_within_the_cooldown_is_refused_with_the_seconds_left() {
        let cooldowns = Cooldowns::default();
        let ada = MemberRef::new(Platform::Discord, "s1", "ada");
        let bob = MemberRef::new(Platform::Discord, "s1", "bob");
        assert_eq!(cooldowns.take_heatmap(&ada, at(0)), Ok(()));
        assert_eq!(cooldowns.take_heatmap(&ada, at(3)), Err(7));
        assert_eq!(cooldowns.take_heatmap(&bob, at(3)), Ok(()), "another member is not held back");
        assert_eq!(cooldowns.take_heatmap(&ada, at(9)), Err(1));
        assert_eq!(cooldowns.take_heatmap(&ada, at(10)), Ok(()));
        assert_eq!(cooldowns.take_heatmap(&ada, at(12)), Err(8), "the new turn starts its own cooldown");
    }

    #[test]
    fn the_console_has_no_cooldown_and_a_clock_set_back_does_not_lock_anyone_out() {
        let cooldowns = Cooldowns::default();
        let me = MemberRef::new(Platform::Console, "local", "me");
        assert_eq!(cooldowns.take_heatmap(&me, at(0)), Ok(()));
        assert_eq!(cooldowns.take_heatmap(&me, at(1)), Ok(()));
        let ada = MemberRef::new(Platform::Slack, "T1", "ada");
        assert_eq!(cooldowns.take_heatmap(&ada, at(100)), Ok(()));
        assert_eq!(cooldowns.take_heatmap(&ada, at(50)), Ok(()), "a time before the last turn is not a wait");
    }

    #[test]
    fn members_whose_cooldown_is_over_are_forgotten_past_the_limit() {
        let cooldowns = Cooldowns::default();
        for n in 0..=PRUNE_ABOVE {
            cooldowns.take_heatmap(&MemberRef::new(Platform::Discord, "s", n.to_string()), at(0)).unwrap();
        }
        cooldowns.take_heatmap(&MemberRef::new(Platform::Discord, "s", "late"), at(60)).unwrap();
        assert_eq!(cooldowns.last_heatmap.lock().unwrap().len(), 1);
    }
}
