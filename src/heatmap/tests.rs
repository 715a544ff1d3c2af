//! The heatmap's pieces stamped together must look exactly like the whole picture drawn as
//! one SVG, and every kind of day must get its own colour.

use super::draw::{rasterize, rgb};
use super::svg::*;
use super::*;
use std::fmt::Write;
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
        svg.push_str(&square(LEFT + offset / 7 * STEP, TOP + offset % 7 * STEP, Palette::of(day), day.date == today));
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
