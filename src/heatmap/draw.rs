//! Drawing the heatmap fast. Rasterizing the whole SVG for every `/streak` cost about 2.5 ms
//! of CPU, most of it laying out and filling text and rounded squares that are the same for
//! every member. So the pieces are rasterized by resvg once and then copied: the frame (labels,
//! month names, legend) once per first day of the window, each square once per colour, each
//! title character once. A call copies the frame, stamps the squares and the title, and
//! encodes the PNG. Squares sit on whole pixels and the title font is sized so a character is
//! exactly 7 px wide, so the copies land where the SVG would have drawn them (a test compares
//! the two pictures).

use super::svg::{frame_svg, glyph_svg, square_svg, title, Palette, CELL, GLYPH_HEIGHT, HEIGHT, STEP};
use super::svg::{FAMILY, FONT, LEFT, TITLE_ADVANCE, TOP, WIDTH};
use super::{heatmap_start, HeatmapDay};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use resvg::tiny_skia::{Pixmap, PixmapPaint, Transform};
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
    let mut pixmap = (*frame(first)?).clone();
    let sprites = sprites()?;
    for day in days.iter().filter(|d| d.date >= first && d.date <= today) {
        let offset = (day.date - first).num_days();
        let sprite = &sprites.squares[&(Palette::of(day), day.date == today)];
        let (x, y) = (LEFT + offset / 7 * STEP - 1, TOP + offset % 7 * STEP - 1);
        copy_opaque(&mut pixmap, sprite, x, y);
    }
    for (i, character) in title(days).chars().enumerate() {
        if let Some(glyph) = sprites.glyphs.get(&character) {
            let x = LEFT + i as i64 * TITLE_ADVANCE - GLYPH_PAD;
            pixmap.draw_pixmap(
                x as i32,
                GLYPH_TOP as i32,
                glyph.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
        }
    }
    encode_png(pixmap.data()).context("the heatmap PNG could not be encoded")
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
fn frame(first: NaiveDate) -> Result<Arc<Pixmap>> {
    static FRAMES: Mutex<Vec<(NaiveDate, Arc<Pixmap>)>> = Mutex::new(Vec::new());
    let cached = FRAMES.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(d, _)| *d == first).cloned();
    if let Some((_, pixmap)) = cached {
        return Ok(pixmap);
    }
    // Drawn outside the lock: two members racing here both draw, and one copy is kept.
    let pixmap = Arc::new(rasterize(&frame_svg(first), WIDTH, HEIGHT)?);
    let mut frames = FRAMES.lock().unwrap_or_else(|e| e.into_inner());
    if !frames.iter().any(|(d, _)| *d == first) {
        if frames.len() == FRAMES_KEPT {
            frames.remove(0);
        }
        frames.push((first, pixmap.clone()));
    }
    Ok(pixmap)
}

struct Sprites {
    squares: HashMap<(Palette, bool), Pixmap>,
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
            squares.insert((palette, is_today), rasterize(&svg, SPRITE as u32, SPRITE as u32)?);
        }
    }
    let mut glyphs = HashMap::new();
    for character in TITLE_CHARACTERS.chars() {
        let width = (TITLE_ADVANCE + 2 * GLYPH_PAD) as u32;
        glyphs.insert(character, rasterize(&glyph_svg(character, GLYPH_PAD), width, GLYPH_HEIGHT)?);
    }
    Ok(SPRITES.get_or_init(|| Sprites { squares, glyphs }))
}

/// Copies an opaque sprite's rows onto the canvas at (x, y); the sprite lies inside it.
fn copy_opaque(canvas: &mut Pixmap, sprite: &Pixmap, x: i64, y: i64) {
    let (canvas_width, sprite_width) = (canvas.width() as usize * 4, sprite.width() as usize * 4);
    let data = canvas.data_mut();
    for (row, source) in sprite.data().chunks_exact(sprite_width).enumerate() {
        let start = (y as usize + row) * canvas_width + x as usize * 4;
        data[start..start + sprite_width].copy_from_slice(source);
    }
}

/// Encodes the canvas as an RGB PNG with fast compression. The background is opaque, so alpha
/// carries nothing (and premultiplied colours equal plain ones); flat squares compress well
/// even at the fastest setting.
fn encode_png(rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let rgb = rgb(rgba);
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

/// The colour channels of an opaque RGBA canvas, alpha dropped.
pub(super) fn rgb(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect()
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
