//! The `/streak` heatmap, a pure leaf: the last 26 weeks as a PNG, one square per day shaded by
//! minutes, frozen and paused days in their own colours. `svg` describes the pieces, `draw`
//! rasterizes them once with resvg (the DejaVu Sans Mono font is embedded in the binary, so no
//! system font is ever looked up and the picture is the same on every machine) and stamps them
//! together for each member. No I/O beyond the CPU, no clock: the day is passed in.

mod draw;
mod svg;
#[cfg(test)]
mod tests;

pub use draw::render_heatmap;

use crate::domain::history::DayMark;
use chrono::{Datelike, Duration, NaiveDate};

/// Weeks shown, one column each.
pub const WEEKS: i64 = 26;

/// One day to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatmapDay {
    pub date: NaiveDate,
    pub mark: DayMark,
    pub minutes: i64,
}

/// The Monday 25 weeks before this week's Monday.
pub fn heatmap_start(today: NaiveDate) -> NaiveDate {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    monday - Duration::weeks(WEEKS - 1)
}
