//! The `/streak` heatmap: the last 26 weeks as a PNG, one square per day shaded by minutes,
//! frozen and paused days in their own colours. Described here as SVG pieces, rasterized by
//! resvg with the DejaVu Sans Mono font embedded in the binary (so no system font is ever
//! looked up and the picture is the same on every machine), and put together by
//! `heatmap_draw`.

use super::streaks::window_start;
use super::{App, HeatmapImage};
use crate::domain::history::{mark_days, DayMark};
use crate::domain::MemberRef;
use crate::error::Error;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::fmt::Write;

/// Weeks shown, one column each.
pub const WEEKS: i64 = 26;
pub(super) const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");
pub(super) const FAMILY: &str = "DejaVu Sans Mono";
pub(super) const CELL: i64 = 14;
pub(super) const STEP: i64 = 17;
pub(super) const LEFT: i64 = 34;
pub(super) const TOP: i64 = 40;
pub(super) const WIDTH: u32 = (LEFT + WEEKS * STEP + 12) as u32;
pub(super) const HEIGHT: u32 = (TOP + 7 * STEP + 34) as u32;
/// The title's character width in pixels: DejaVu Sans Mono advances 1233/2048 of an em, so at
/// this size every character is exactly 7 px wide and lands on a whole pixel.
pub(super) const TITLE_ADVANCE: i64 = 7;
/// A title character's sprite height; its baseline is at 14 px.
pub(super) const GLYPH_HEIGHT: u32 = 20;
const TITLE_SIZE: f64 = 7.0 * 2048.0 / 1233.0;

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
        // Drawing takes over half a millisecond of CPU (copying pieces, encoding the PNG), far
        // longer than a task should hold an async worker: other members' commands would wait.
        let png = tokio::task::spawn_blocking(move || super::heatmap_draw::render_heatmap(&days, today))
            .await
            .map_err(|e| anyhow::anyhow!("the heatmap render task failed: {e}"))??;
        Ok(HeatmapImage { png, first_day: first, last_day: today })
    }

    /// Draws the heatmap's shared pieces in the background ahead of the first `/streak`, so the
    /// first member to ask does not wait for them. A failure is only logged: `/streak` draws
    /// them again and reports its own failure.
    pub fn prepare_heatmap(&self, now: DateTime<Utc>) {
        tokio::task::spawn_blocking(move || {
            if let Err(e) = super::heatmap_draw::render_heatmap(&[], now.date_naive()) {
                tracing::warn!(error = ?e, "could not draw the heatmap's pieces ahead of time");
            }
        });
    }
}

/// The Monday 25 weeks before this week's Monday.
pub fn heatmap_start(today: NaiveDate) -> NaiveDate {
    let monday = window_start(today, i64::from(today.weekday().num_days_from_monday()) + 1);
    monday - Duration::weeks(WEEKS - 1)
}

/// The colours a square can take: greens by minutes, blue for a freeze, grey for a pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Palette {
    Studied(u8),
    Frozen,
    Paused,
    Broke,
    Empty,
}

impl Palette {
    pub(super) const ALL: [Palette; 8] = [
        Palette::Studied(1),
        Palette::Studied(2),
        Palette::Studied(3),
        Palette::Studied(4),
        Palette::Frozen,
        Palette::Paused,
        Palette::Broke,
        Palette::Empty,
    ];

    pub(super) fn of(day: &HeatmapDay) -> Palette {
        match day.mark {
            DayMark::Counted => Palette::Studied(match day.minutes {
                i64::MIN..=14 => 1,
                15..=44 => 2,
                45..=89 => 3,
                _ => 4,
            }),
            DayMark::Frozen => Palette::Frozen,
            DayMark::Paused | DayMark::Excused => Palette::Paused,
            DayMark::Broke => Palette::Broke,
            DayMark::Idle | DayMark::Open => Palette::Empty,
        }
    }

    fn fill(self) -> &'static str {
        match self {
            Palette::Studied(1) => "#9be9a8",
            Palette::Studied(2) => "#40c463",
            Palette::Studied(3) => "#30a14e",
            Palette::Studied(_) => "#216e39",
            Palette::Frozen => "#79b8ff",
            Palette::Paused => "#c8c8d0",
            Palette::Broke => "#f4a6a6",
            Palette::Empty => "#ebedf0",
        }
    }
}

/// The line above the squares.
pub(super) fn title(days: &[HeatmapDay]) -> String {
    let counted = days.iter().filter(|d| d.mark == DayMark::Counted).count();
    let minutes: i64 = days.iter().map(|d| d.minutes).sum();
    let plural = |n: i64, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    format!("{}, {} in the last 26 weeks", plural(counted as i64, "study day"), plural(minutes, "minute"))
}

fn square(x: i64, y: i64, palette: Palette, is_today: bool) -> String {
    let outline = if is_today { r##" stroke="#24292f" stroke-width="1.5""## } else { "" };
    format!(r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{}"{outline}/>"#, palette.fill())
}

/// One square on one pixel of background each side, as `heatmap_draw` stamps it.
pub(super) fn square_svg(palette: Palette, is_today: bool) -> String {
    let size = CELL + 2;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}"><rect width="100%" height="100%" fill="#ffffff"/>{}</svg>"##,
        square(1, 1, palette, is_today)
    )
}

/// One title character on a transparent sprite, `pad` pixels in from its left edge.
pub(super) fn glyph_svg(character: char, pad: i64) -> String {
    let width = TITLE_ADVANCE + 2 * pad;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{GLYPH_HEIGHT}" font-family="{FAMILY}"><text x="{pad}" y="14" font-size="{TITLE_SIZE}" fill="#24292f">{character}</text></svg>"##
    )
}

/// Everything but the title and the squares: the same for every member on the same week.
pub(super) fn frame_svg(first: NaiveDate) -> String {
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="{FAMILY}" font-size="11" fill="#57606a"><rect width="100%" height="100%" fill="#ffffff"/>"##
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
    legend(&mut svg);
    svg.push_str("</svg>");
    svg
}
fn legend(svg: &mut String) {
    let y = TOP + 7 * STEP + 10;
    let _ = write!(svg, r#"<text x="{LEFT}" y="{}">less</text>"#, y + 11);
    for (i, palette) in Palette::ALL[..4].iter().copied().chain([Palette::Empty]).enumerate() {
        let x = LEFT + 34 + ((i + 1) % 5) as i64 * STEP;
        svg.push_str(&square(x, y, palette, false));
    }
    let x = LEFT + 34 + 5 * STEP + 4;
    let _ = write!(svg, r#"<text x="{x}" y="{}">more</text>"#, y + 11);
    let items = [(Palette::Frozen, "freeze"), (Palette::Paused, "pause"), (Palette::Broke, "streak ended")];
    let mut x = x + 50;
    for (palette, label) in items {
        svg.push_str(&square(x, y, palette, false));
        let _ = write!(svg, r#"<text x="{}" y="{}">{label}</text>"#, x + CELL + 4, y + 11);
        x += CELL + 12 + 7 * label.len() as i64;
    }
}

#[cfg(test)]
mod tests {
    use super::super::heatmap_draw::{rasterize, render_heatmap, rgb};
    use super::*;

    fn days_until(today: NaiveDate) -> Vec<HeatmapDay> {
        let first = heatmap_start(today);
        let marks = [DayMark::Counted, DayMark::Frozen, DayMark::Paused, DayMark::Broke, DayMark::Idle];
        (0..=(today - first).num_days())
            .map(|i| HeatmapDay { date: first + Duration::days(i), mark: marks[i as usize % 5], minutes: i * 3 })
            .collect()
    }

    /// The whole picture as one SVG, the way the stamped copies are meant to look.
    fn reference_svg(days: &[HeatmapDay], today: NaiveDate) -> String {
        let first = heatmap_start(today);
        let mut svg = frame_svg(first).replace("</svg>", "");
        let _ = write!(
            svg,
            r##"<text x="{LEFT}" y="16" font-size="{TITLE_SIZE}" fill="#24292f" xml:space="preserve">{}</text>"##,
            title(days)
        );
        for day in days {
            let offset = (day.date - first).num_days();
            svg.push_str(&square(
                LEFT + offset / 7 * STEP,
                TOP + offset % 7 * STEP,
                Palette::of(day),
                day.date == today,
            ));
        }
        svg + "</svg>"
    }

    fn decode_rgb(png: &[u8]) -> Vec<u8> {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height, info.color_type), (WIDTH, HEIGHT, png::ColorType::Rgb));
        pixels
    }

    #[test]
    fn the_heatmap_is_a_png_of_26_weeks_starting_on_a_monday() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let first = heatmap_start(today);
        assert_eq!(first.weekday(), chrono::Weekday::Mon);
        assert_eq!((today - first).num_days(), 25 * 7 + 3);
        let png = render_heatmap(&days_until(today), today).unwrap();
        assert_eq!(decode_rgb(&png).len(), (WIDTH * HEIGHT * 3) as usize);
    }

    #[test]
    fn the_stamped_heatmap_matches_the_whole_svg_rasterized() {
        for today in [NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()] {
            let days = days_until(today);
            let stamped = decode_rgb(&render_heatmap(&days, today).unwrap());
            let reference = rasterize(&reference_svg(&days, today), WIDTH, HEIGHT).unwrap();
            let reference = rgb(reference.data());
            // Anti-aliased edges may round a shade apart; a misplaced piece differs by far more.
            let off = stamped.iter().zip(&reference).filter(|(a, b)| a.abs_diff(**b) > 16).count();
            assert_eq!(off, 0, "{off} of {} channel values differ on {today}", stamped.len());
        }
    }
}
