//! Which daily learning prompt a local date gets.
//!
//! Until per-server rotation exists, every space walks the prompt list in order, one per local
//! day, so consecutive days never repeat until the whole list has been shown.

use chrono::NaiveDate;

/// The position in a list of `count` prompts for the given local date.
pub fn prompt_index_for(date: NaiveDate, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let epoch = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let days = (date - epoch).num_days().rem_euclid(count as i64);
    days as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_days_get_consecutive_prompts_without_repeats() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let seen: std::collections::HashSet<usize> =
            (0..90).map(|i| prompt_index_for(start + chrono::Duration::days(i), 90)).collect();
        assert_eq!(seen.len(), 90);
    }
}
