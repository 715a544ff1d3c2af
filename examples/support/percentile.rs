//! The load tools' one statistic: a percentile of latencies already sorted, by the nearest
//! rank (no interpolation), zero for no samples.

use std::time::Duration;

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}
