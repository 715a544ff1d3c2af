//! Which prompt a server shows on a local date: every prompt once, in an order of its own for
//! each server and each pass, before any prompt repeats. `/prompt` and the scheduled post both
//! ask [`prompt_for_day`], so they show the same prompt on the same day.

/// The content index for post number `post` (0-based) of a server with this seed.
pub fn prompt_for_post(seed: u64, post: u64, count: usize) -> usize {
    if count <= 1 {
        return 0;
    }
    let pass = post / count as u64;
    let order = shuffled(seed ^ pass.wrapping_mul(0x9E37_79B9_7F4A_7C15), count);
    let position = (post % count as u64) as usize;
    if position == 0 && pass > 0 {
        // A pass must not open with the prompt that closed the one before.
        let previous = shuffled(seed ^ (pass - 1).wrapping_mul(0x9E37_79B9_7F4A_7C15), count);
        if order[0] == previous[count - 1] {
            return order[1];
        }
    }
    if position == 1 && pass > 0 {
        let previous = shuffled(seed ^ (pass - 1).wrapping_mul(0x9E37_79B9_7F4A_7C15), count);
        if order[0] == previous[count - 1] {
            return order[0];
        }
    }
    order[position]
}

/// The content index of the prompt a server with this seed shows on a local date: the dates
/// count as posts, one a day, from a fixed epoch.
pub fn prompt_for_day(seed: u64, date: chrono::NaiveDate, count: usize) -> usize {
    let epoch = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let day = (date - epoch).num_days().max(0) as u64;
    prompt_for_post(seed, day, count)
}

/// A seed for a server, stable across restarts and builds.
pub fn seed_for(space_id: &str) -> u64 {
    space_id.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01B3))
}

/// A Fisher-Yates shuffle of 0..count driven by SplitMix64.
fn shuffled(seed: u64, count: usize) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..count).collect();
    for i in (1..count).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_prompt_is_used_once_before_any_repeats() {
        let seed = seed_for("800000000000000001");
        for pass in 0..3u64 {
            let used: HashSet<usize> =
                (pass * 100..(pass + 1) * 100).map(|post| prompt_for_post(seed, post, 100)).collect();
            assert_eq!(used.len(), 100, "pass {pass} repeated a prompt");
        }
    }

    #[test]
    fn no_prompt_is_posted_twice_in_a_row_across_passes() {
        let seed = seed_for("guild");
        let posts: Vec<usize> = (0..1000).map(|post| prompt_for_post(seed, post, 7)).collect();
        assert!(posts.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn consecutive_days_show_every_prompt_and_never_the_same_twice_in_a_row() {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let days: Vec<usize> =
            (0..90).map(|d| prompt_for_day(seed_for("guild"), start + chrono::Duration::days(d), 45)).collect();
        // 90 days hold at least one whole pass of 45, whatever day the passes start on.
        assert_eq!(days.iter().collect::<HashSet<_>>().len(), 45);
        assert!(days.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn servers_get_different_orders() {
        let a: Vec<usize> = (0..10).map(|p| prompt_for_post(seed_for("a"), p, 100)).collect();
        let b: Vec<usize> = (0..10).map(|p| prompt_for_post(seed_for("b"), p, 100)).collect();
        assert_ne!(a, b);
    }
}
