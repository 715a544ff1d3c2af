//! The `/streak` heatmap: the last 26 weeks as a PNG, one square per day shaded by minutes,
//! frozen and paused days in their own colours. Drawn as SVG and rasterized by resvg with the
//! DejaVu Sans Mono font embedded in the binary, so no system font is ever looked up and the
//! picture is the same on every machine.

use super::streaks::window_start;
use super::{App, HeatmapImage};
use crate::domain::history::{mark_days, DayMark};
use crate::domain::MemberRef;
use crate::error::Error;
use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::fmt::Write;
use std::sync::{Arc, OnceLock};

/// Weeks shown, one column each.
pub const WEEKS: i64 = 26;
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");
const FAMILY: &str = "DejaVu Sans Mono";
const CELL: i64 = 14;
const STEP: i64 = 17;
const LEFT: i64 = 34;
const TOP: i64 = 40;
const WIDTH: u32 = (LEFT + WEEKS * STEP + 12) as u32;
const HEIGHT: u32 = (TOP + 7 * STEP + 34) as u32;

/// One day to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatmapDay {
    pub date: NaiveDate,
    pub mark: DayMark,
    pub minutes: i64,
}

impl App {
    /// The member's heatmap as of their local today.
    pub async fn streak_heatmap(&self, member: &MemberRef, now: DateTime<Utc>) -> Result<HeatmapImage, Error> {
        let (member_id, zone) = self.member_and_zone(member).await?;
        let today = zone.local_date(now);
        let first = heatmap_start(today);
        let days: Vec<(NaiveDate, DayMark, i64)> = match member_id {
            None => mark_days(&[], &Default::default(), first, today).into_iter().map(|(d, m)| (d, m, 0)).collect(),
            Some(member_id) => {
                let neutral = self.store.neutral_days(member_id).await?;
                let every_day = self.store.checkin_days(member).await?;
                let rows = self.store.days_since(member_id, first).await?;
                let minutes = |d: NaiveDate| rows.iter().find(|r| r.local_date == d).map_or(0, |r| r.minutes);
                mark_days(&every_day, &neutral, first, today).into_iter().map(|(d, m)| (d, m, minutes(d))).collect()
            }
        };
        let days: Vec<HeatmapDay> =
            days.into_iter().map(|(date, mark, minutes)| HeatmapDay { date, mark, minutes }).collect();
        // Drawing takes a few milliseconds of CPU: off the async workers, so other members'
        // commands are not held up behind it.
        let png = tokio::task::spawn_blocking(move || render_heatmap(&days, today))
            .await
            .map_err(|e| anyhow::anyhow!("the heatmap render task failed: {e}"))??;
        Ok(HeatmapImage { png, first_day: first, last_day: today })
    }
}

/// The Monday 25 weeks before this week's Monday.
pub fn heatmap_start(today: NaiveDate) -> NaiveDate {
    let monday = window_start(today, i64::from(today.weekday().num_days_from_monday()) + 1);
    monday - Duration::weeks(WEEKS - 1)
}

/// Renders the days (oldest first, from `heatmap_start(today)`) to PNG bytes.
pub fn render_heatmap(days: &[HeatmapDay], today: NaiveDate) -> Result<Vec<u8>, Error> {
    let svg = heatmap_svg(days, today);
    let options =
        resvg::usvg::Options { fontdb: font_database(), font_family: FAMILY.to_string(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(&svg, &options).context("the heatmap SVG did not parse")?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).context("the heatmap canvas could not be made")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(encode_png(pixmap.data()).context("the heatmap PNG could not be encoded")?)
}

/// Encodes the canvas as an RGB PNG with fast compression. The background is opaque, so alpha
/// carries nothing (and premultiplied colours equal plain ones); flat squares compress well
/// even at the fastest setting, which keeps the render within its time budget.
fn encode_png(rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// The embedded font, loaded once: parsing it for every image would cost more than drawing.
fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = resvg::usvg::fontdb::Database::new();
            database.load_font_data(FONT.to_vec());
            Arc::new(database)
        })
        .clone()
}

/// The colour of one square: greens by minutes, blue for a freeze, grey for a pause.
fn colour(day: &HeatmapDay) -> &'static str {
    match day.mark {
        DayMark::Counted => match day.minutes {
            0..=14 => "#9be9a8",
            15..=44 => "#40c463",
            45..=89 => "#30a14e",
            _ => "#216e39",
        },
        DayMark::Frozen => "#79b8ff",
        DayMark::Paused | DayMark::Excused => "#c8c8d0",
        DayMark::Broke => "#f4a6a6",
        DayMark::Idle | DayMark::Open => "#ebedf0",
    }
}

fn heatmap_svg(days: &[HeatmapDay], today: NaiveDate) -> String {
    let first = heatmap_start(today);
    let counted = days.iter().filter(|d| d.mark == DayMark::Counted).count();
    let minutes: i64 = days.iter().map(|d| d.minutes).sum();
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="{FAMILY}" font-size="11" fill="#57606a"><rect width="100%" height="100%" fill="#ffffff"/><text x="{LEFT}" y="16" font-size="12" fill="#24292f">{counted} study days, {minutes} minutes in the last 26 weeks</text>"##
    );
    for (row, label) in [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
        let _ = write!(svg, r#"<text x="4" y="{}">{label}</text>"#, TOP + row * STEP + 11);
    }
    for week in 0..WEEKS {
        let monday = first + Duration::weeks(week);
        if monday.day() <= 7 {
            let _ = write!(svg, r#"<text x="{}" y="{}">{}</text>"#, LEFT + week * STEP, TOP - 6, monday.format("%b"));
        }
    }
    for day in days.iter().filter(|d| d.date >= first && d.date <= today) {
        let offset = (day.date - first).num_days();
        let (x, y) = (LEFT + offset / 7 * STEP, TOP + offset % 7 * STEP);
        let outline = if day.date == today { r##" stroke="#24292f" stroke-width="1.5""## } else { "" };
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{}"{outline}/>"#,
            colour(day)
        );
    }
    legend(&mut svg);
    svg.push_str("</svg>");
    svg
}

fn legend(svg: &mut String) {
    let y = TOP + 7 * STEP + 10;
    let _ = write!(svg, r#"<text x="{LEFT}" y="{}">less</text>"#, y + 11);
    for (i, fill) in ["#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39"].iter().enumerate() {
        let x = LEFT + 34 + i as i64 * STEP;
        let _ = write!(svg, r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{fill}"/>"#);
    }
    let x = LEFT + 34 + 5 * STEP + 4;
    let _ = write!(svg, r#"<text x="{x}" y="{}">more</text>"#, y + 11);
    let items = [("#79b8ff", "freeze"), ("#c8c8d0", "pause"), ("#f4a6a6", "streak ended")];
    let mut x = x + 50;
    for (fill, label) in items {
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{fill}"/><text x="{}" y="{}">{label}</text>"#,
            x + CELL + 4,
            y + 11
        );
        x += CELL + 12 + 7 * label.len() as i64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heatmap_is_a_png_of_26_weeks_starting_on_a_monday() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let first = heatmap_start(today);
        assert_eq!(first.weekday(), chrono::Weekday::Mon);
        assert_eq!((today - first).num_days(), 25 * 7 + 3);
        let days: Vec<HeatmapDay> = (0..=(today - first).num_days())
            .map(|i| HeatmapDay { date: first + Duration::days(i), mark: DayMark::Counted, minutes: i * 3 })
            .collect();
        let png = render_heatmap(&days, today).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert!(png.len() > 1000);
    }
}
