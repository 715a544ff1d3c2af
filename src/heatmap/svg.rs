//! The heatmap's pieces as SVG: the frame (day and month labels, the legend), one square per
//! colour, one sprite per title character; and the title's words.

use super::{HeatmapDay, WEEKS};
use crate::domain::history::DayMark;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write;

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
pub(super) const TITLE_SIZE: f64 = 7.0 * 2048.0 / 1233.0;

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

pub(super) fn square(x: i64, y: i64, palette: Palette, is_today: bool) -> String {
    let outline = if is_today { r##" stroke="#24292f" stroke-width="1.5""## } else { "" };
    format!(r#"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{}"{outline}/>"#, palette.fill())
}

/// One square on one pixel of background each side, as `draw.rs` copies it.
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
