//! Glyphs rasterized by swash into one egui texture (alpha masks drawn in the text colour,
//! colour bitmaps such as emoji drawn as they are), uploaded piece by piece as partial
//! texture updates, and painted as textured quads.

use std::collections::HashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Rect, TextureHandle, TextureId, TextureOptions, pos2, vec2};

/// Side of the square atlas texture, in pixels.
const SIZE: usize = 2048;
/// Empty pixels around each glyph, so linear filtering never bleeds a neighbour in.
const PAD: usize = 1;

/// Where a rasterized glyph sits in the atlas and how to place it.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    /// Its texture coordinates (0..1).
    pub uv: Rect,
    /// Offset of its left edge from the pen position, in pixels.
    pub left: i32,
    /// Offset of its top edge above the baseline, in pixels.
    pub top: i32,
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// True for a colour bitmap (drawn untinted).
    pub colour: bool,
}

/// The glyph atlas: one texture, filled shelf by shelf.
pub struct Atlas {
    texture: Option<TextureHandle>,
    glyphs: HashMap<CacheKey, Option<Placed>>,
    swash: SwashCache,
    /// Next free position and the height of the current shelf.
    x: usize,
    y: usize,
    shelf: usize,
}

impl Default for Atlas {
    fn default() -> Self {
        Self {
            texture: None,
            glyphs: HashMap::new(),
            swash: SwashCache::new(),
            x: 0,
            y: 0,
            shelf: 0,
        }
    }
}

impl Atlas {
    /// The atlas texture (created on first use).
    pub fn texture_id(&mut self, ctx: &egui::Context) -> TextureId {
        self.texture
            .get_or_insert_with(|| {
                ctx.load_texture(
                    "newsmark-glyphs",
                    ColorImage::filled([SIZE, SIZE], Color32::TRANSPARENT),
                    TextureOptions::LINEAR,
                )
            })
            .id()
    }

    /// Number of glyphs rasterized so far (for tests and benchmarks).
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    /// True if nothing was rasterized yet.
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// The glyph `key`, rasterized and uploaded on first use; `None` for an empty glyph
    /// (a space) or one the font cannot draw.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        fs: &mut FontSystem,
        key: CacheKey,
    ) -> Option<Placed> {
        if let Some(p) = self.glyphs.get(&key) {
            return *p;
        }
        self.texture_id(ctx);
        let placed = self.rasterize(fs, key);
        self.glyphs.insert(key, placed);
        placed
    }

    fn rasterize(&mut self, fs: &mut FontSystem, key: CacheKey) -> Option<Placed> {
        let image = self.swash.get_image_uncached(fs, key)?;
        let (w, h) = (
            image.placement.width as usize,
            image.placement.height as usize,
        );
        if w == 0 || h == 0 || w + 2 * PAD > SIZE || h + 2 * PAD > SIZE {
            return None;
        }
        let colour = matches!(image.content, SwashContent::Color);
        let pixels: Vec<Color32> = match image.content {
            SwashContent::Mask => image
                .data
                .iter()
                .map(|&a| Color32::from_rgba_premultiplied(a, a, a, a))
                .collect(),
            SwashContent::SubpixelMask => image
                .data
                .chunks_exact(4)
                .map(|p| match *p {
                    [r, g, b, _] => {
                        let a = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8;
                        Color32::from_rgba_premultiplied(a, a, a, a)
                    }
                    _ => Color32::TRANSPARENT,
                })
                .collect(),
            SwashContent::Color => image
                .data
                .chunks_exact(4)
                .map(|p| match *p {
                    [r, g, b, a] => Color32::from_rgba_unmultiplied(r, g, b, a),
                    _ => Color32::TRANSPARENT,
                })
                .collect(),
        };
        if pixels.len() != w * h {
            return None;
        }
        // Next shelf when the row is full; start over when the texture is (glyphs are
        // rasterized again on demand).
        if self.x + w + 2 * PAD > SIZE {
            self.x = 0;
            self.y += self.shelf;
            self.shelf = 0;
        }
        if self.y + h + 2 * PAD > SIZE {
            self.glyphs.clear();
            self.x = 0;
            self.y = 0;
            self.shelf = 0;
        }
        let (x, y) = (self.x + PAD, self.y + PAD);
        self.x += w + 2 * PAD;
        self.shelf = self.shelf.max(h + 2 * PAD);
        let texture = self.texture.as_mut()?;
        texture.set_partial(
            [x, y],
            ColorImage::new([w, h], pixels),
            TextureOptions::LINEAR,
        );
        let s = SIZE as f32;
        Some(Placed {
            uv: Rect::from_min_size(
                pos2(x as f32 / s, y as f32 / s),
                vec2(w as f32 / s, h as f32 / s),
            ),
            left: image.placement.left,
            top: image.placement.top,
            size: [image.placement.width, image.placement.height],
            colour,
        })
    }
}
