//! Drawing the heatmap fast. Rasterizing the whole SVG for every `/streak` cost about 2.5 ms
//! of CPU, most of it laying out and filling text and rounded squares that are the same for
//! every member. So the pieces are rasterized by resvg once and then copied: the frame (labels,
//! month names, legend) once per first day of the window, each square once per colour, each
//! title character once, all but the characters kept as RGB rows. A call copies the frame,
//! copies the squares in, blends the title's characters over it, and encodes the PNG. Squares sit on whole pixels and the title font is sized so a character is
//! exactly 7 px wide, so the copies land where the SVG would have drawn them (a test compares
//! the two pictures).

use super::svg::{frame_svg, glyph_svg, square_svg, title, Palette, CELL, GLYPH_HEIGHT, HEIGHT, STEP};
use super::svg::{FAMILY, FONT, LEFT, TITLE_ADVANCE, TOP, WIDTH};
use super::{heatmap_start, HeatmapDay};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use resvg::tiny_skia::{Pixmap, Transform};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A square's sprite is the square plus one pixel of background on each side, room for the
/// outline that marks today.
const SPRITE: i64 = CELL + 2;
/// Frames kept: members in zones on either side of a week boundary need two at once.
const FRAMES_KEPT: usize = 4;
/// Every character the title can use.
const TITLE_CHARACTERS: &str = "0123456789 ,abcdefghijklmnopqrstuvwxyz";
/// Room around a title character for strokes that reach past its 7 px.
const GLYPH_PAD: i64 = 3;
/// Where the title's glyph sprites sit: their baseline is 14 px down, the title's at 16.
const GLYPH_TOP: i64 = 2;

/// Renders the days (oldest first, from `heatmap_start(today)`) to PNG bytes.
pub fn render_heatmap(days: &[HeatmapDay], today: NaiveDate) -> Result<Vec<u8>> {
    let first = heatmap_start(today);
    let mut canvas = frame(first)?.to_vec();
    let sprites = sprites()?;
    for day in days.iter().filter(|d| d.date >= first && d.date <= today) {
        let offset = (day.date - first).num_days();
        let sprite = &sprites.squares[&(Palette::of(day), day.date == today)];
        let (x, y) = (LEFT + offset / 7 * STEP - 1, TOP + offset % 7 * STEP - 1);
        copy_rows(&mut canvas, sprite, SPRITE as usize, x, y);
    }
    for (i, character) in title(days).chars().enumerate() {
        if let Some(glyph) = sprites.glyphs.get(&character) {
            blend_glyph(&mut canvas, glyph, LEFT + i as i64 * TITLE_ADVANCE - GLYPH_PAD, GLYPH_TOP);
        }
    }
    encode_png(&canvas).context("the heatmap PNG could not be encoded")
}

/// Rasterizes one SVG with the embedded font.
pub(super) fn rasterize(svg: &str, width: u32, height: u32) -> Result<Pixmap> {
    let options =
        resvg::usvg::Options { fontdb: font_database(), font_family: FAMILY.to_string(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &options).context("a heatmap SVG did not parse")?;
    let mut pixmap = Pixmap::new(width, height).context("a heatmap canvas could not be made")?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The frame for a window starting on `first`, drawn on first use.
fn frame(first: NaiveDate) -> Result<Arc<Vec<u8>>> {
    static FRAMES: Mutex<Vec<(NaiveDate, Arc<Vec<u8>>)>> = Mutex::new(Vec::new());
    let cached = FRAMES.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(d, _)| *d == first).cloned();
    if let Some((_, pixmap)) = cached {
        return Ok(pixmap);
    }
    // Drawn outside the lock: two members racing here both draw, and one copy is kept.
    let pixmap = Arc::new(rgb(rasterize(&frame_svg(first), WIDTH, HEIGHT)?.data()));
    let mut frames = FRAMES.lock().unwrap_or_else(|e| e.into_inner());
    if !frames.iter().any(|(d, _)| *d == first) {
        if frames.len() == FRAMES_KEPT {
            frames.remove(0);
        }
        frames.push((first, pixmap.clone()));
    }
    Ok(pixmap)
}

/// Squares as RGB rows (opaque, copied as they are); title characters as premultiplied RGBA
/// (anti-aliased strokes, blended onto the canvas).
struct Sprites {
    squares: HashMap<(Palette, bool), Vec<u8>>,
    glyphs: HashMap<char, Pixmap>,
}

fn sprites() -> Result<&'static Sprites> {
    static SPRITES: OnceLock<Sprites> = OnceLock::new();
    if let Some(sprites) = SPRITES.get() {
        return Ok(sprites);
    }
    let mut squares = HashMap::new();
    for palette in Palette::ALL {
        for is_today in [false, true] {
            let svg = square_svg(palette, is_today);
            squares.insert((palette, is_today), rgb(rasterize(&svg, SPRITE as u32, SPRITE as u32)?.data()));
        }
    }
    let mut glyphs = HashMap::new();
    for character in TITLE_CHARACTERS.chars() {
        let width = (TITLE_ADVANCE + 2 * GLYPH_PAD) as u32;
        glyphs.insert(character, rasterize(&glyph_svg(character, GLYPH_PAD), width, GLYPH_HEIGHT)?);
    }
    Ok(SPRITES.get_or_init(|| Sprites { squares, glyphs }))
}

/// Copies an RGB sprite `width` pixels wide onto the RGB canvas at (x, y); it lies inside.
fn copy_rows(canvas: &mut [u8], sprite: &[u8], width: usize, x: i64, y: i64) {
    let (canvas_row, sprite_row) = (WIDTH as usize * 3, width * 3);
    for (row, source) in sprite.chunks_exact(sprite_row).enumerate() {
        let start = (y as usize + row) * canvas_row + x as usize * 3;
        canvas[start..start + sprite_row].copy_from_slice(source);
    }
}

/// Draws a premultiplied RGBA glyph over the opaque RGB canvas at (x, y) ("source over":
/// the glyph's colour plus what its coverage leaves of the canvas). Glyphs overlap their
/// neighbours' padding, so they are blended, not copied.
fn blend_glyph(canvas: &mut [u8], glyph: &Pixmap, x: i64, y: i64) {
    let canvas_row = WIDTH as usize * 3;
    for (row, source) in glyph.data().chunks_exact(glyph.width() as usize * 4).enumerate() {
        let start = (y as usize + row) * canvas_row + x as usize * 3;
        for (target, pixel) in canvas[start..].chunks_exact_mut(3).zip(source.chunks_exact(4)) {
            let keep = 255 - u16::from(pixel[3]);
            if keep == 255 {
                continue;
            }
            for (channel, colour) in target.iter_mut().zip(pixel) {
                *channel = (u16::from(*colour) + (u16::from(*channel) * keep + 127) / 255) as u8;
            }
        }
    }
}

/// Encodes the RGB canvas as a PNG: the fastest DEFLATE (fdeflate) after the "Up" filter, the
/// pairing the png crate recommends for speed. The image is about 51 kB; choosing a filter per
/// row (32 kB) or zlib level 1 (13 kB) cost two to three times the render's whole time, and
/// `/streak` runs this on every call (BENCHMARKS.md).
fn encode_png(rgb: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(16 * 1024);
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fastest);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

/// The colour channels of an opaque RGBA canvas, alpha dropped.
pub(super) fn rgb(rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rgba.len() / 4 * 3);
    for pixel in rgba.chunks_exact(4) {
        out.extend_from_slice(&pixel[..3]);
    }
    out
}

/// The embedded font, loaded once: parsing it for every image would cost more than drawing. The
/// database reads the font where the binary holds it rather than from a copy on the heap.
fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = resvg::usvg::fontdb::Database::new();
            database.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(FONT)));
            Arc::new(database)
        })
        .clone()
}
