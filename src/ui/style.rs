//! Highlight colours that stay legible on both themes.

use egui::Color32;

use crate::model::annotation::KindTag;
use crate::model::session::Session;
use crate::model::speaker::SpeakerId;

/// Colour of claims (amber).
pub const CLAIM: [u8; 3] = [0xf2, 0xb7, 0x05];
/// Colour of annotations without a speaker.
pub const NO_SPEAKER: [u8; 3] = [0x9a, 0x9a, 0x9a];
/// Colour of the kept selection while the article does not have focus.
pub const SELECTION: [u8; 3] = [0x5b, 0x9b, 0xd5];

/// Opacity of a quote's or claim's highlight.
pub const ALPHA_ANNOTATION: f32 = 0.45;
/// Opacity of a mention's highlight (lighter: mentions are many and short).
pub const ALPHA_MENTION: f32 = 0.3;
/// Opacity of the selected annotation's highlight.
pub const ALPHA_SELECTED: f32 = 0.75;
/// Opacity of a search match.
pub const ALPHA_MATCH: f32 = 0.3;
/// Opacity of the kept text selection.
pub const ALPHA_KEPT_SELECTION: f32 = 0.5;
/// Every highlight opacity the article view paints.
pub const ALPHAS: [f32; 5] = [
    ALPHA_ANNOTATION,
    ALPHA_MENTION,
    ALPHA_SELECTED,
    ALPHA_MATCH,
    ALPHA_KEPT_SELECTION,
];
/// Least contrast of a line (underline) with what is under it: WCAG 2.1 non-text contrast.
pub const LINE_CONTRAST: f32 = 3.0;

/// `fg` blended over `bg` at `alpha` (0..1), as an opaque colour.
pub fn blend(bg: Color32, fg: [u8; 3], alpha: f32) -> Color32 {
    let mix = |b: u8, f: u8| (f32::from(b) * (1.0 - alpha) + f32::from(f) * alpha).round() as u8;
    Color32::from_rgb(mix(bg.r(), fg[0]), mix(bg.g(), fg[1]), mix(bg.b(), fg[2]))
}

/// WCAG relative luminance.
fn luminance(c: Color32) -> f32 {
    let lin = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Black or white, whichever reads better on `bg`.
pub fn text_on(bg: Color32) -> Color32 {
    if luminance(bg) > 0.179 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `colour`, darkened on a light background or lightened on a dark one just enough for a line
/// of it to stand out from `bg` (at least [`LINE_CONTRAST`]).
pub fn legible(colour: [u8; 3], bg: Color32) -> Color32 {
    let towards = if luminance(bg) > 0.179 {
        [0, 0, 0]
    } else {
        [255, 255, 255]
    };
    (0..=20)
        .map(|step| blend(rgb(colour), towards, step as f32 / 20.0))
        .find(|&c| contrast(c, bg) >= LINE_CONTRAST)
        .unwrap_or_else(|| rgb(towards))
}

/// The base colour of an annotation: claims amber, quotes and mentions their speaker's colour.
pub fn kind_colour(session: &Session, tag: KindTag, speaker: Option<SpeakerId>) -> [u8; 3] {
    match tag {
        KindTag::Claim => CLAIM,
        KindTag::Quote | KindTag::Mention => speaker
            .and_then(|id| session.speaker(id))
            .map_or(NO_SPEAKER, |s| s.colour),
    }
}

/// `[u8; 3]` as an egui colour.
pub fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// A count with its noun in the right number: `count(1, "mention")` is "1 mention",
/// `count(3, "mention")` "3 mentions".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panels of both themes, as egui paints them.
    fn panels() -> [Color32; 2] {
        [
            egui::Visuals::dark().panel_fill,
            egui::Visuals::light().panel_fill,
        ]
    }

    #[test]
    fn lines_stand_out_from_what_is_under_them_on_both_themes() {
        let colours =
            crate::model::speaker::PALETTE
                .iter()
                .chain([&CLAIM, &NO_SPEAKER, &[0x8a, 0x8a, 0x8a]]);
        for &c in colours {
            for panel in panels() {
                for bg in std::iter::once(panel).chain(ALPHAS.map(|a| blend(panel, c, a))) {
                    let line = legible(c, bg);
                    assert!(contrast(line, bg) >= LINE_CONTRAST, "{c:?} on {bg:?}");
                }
            }
        }
        // Raw yellow-ish colours would not: the adjustment is needed, not a formality.
        assert!(contrast(rgb(CLAIM), panels()[1]) < LINE_CONTRAST);
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(119), Color32::WHITE) - 4.48).abs() < 0.02);
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "mention"), "1 mention");
        assert_eq!(count(0, "quote"), "0 quotes");
        assert_eq!(count(12, "claim"), "12 claims");
    }

    /// A speaker's quote must not look like a claim: every palette colour is far from amber.
    #[test]
    fn no_speaker_colour_passes_for_a_claim() {
        let dist = |a: [u8; 3], b: [u8; 3]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| (f32::from(*x) - f32::from(y)).powi(2))
                .sum::<f32>()
                .sqrt()
        };
        for c in crate::model::speaker::PALETTE {
            assert!(dist(c, CLAIM) > 120.0, "{c:?} is too close to {CLAIM:?}");
        }
    }
}
