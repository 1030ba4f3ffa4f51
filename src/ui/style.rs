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

/// `fg` blended over `bg` at `alpha` (0..1), as an opaque colour.
pub fn blend(bg: Color32, fg: [u8; 3], alpha: f32) -> Color32 {
    let mix = |b: u8, f: u8| (f32::from(b) * (1.0 - alpha) + f32::from(f) * alpha).round() as u8;
    Color32::from_rgb(mix(bg.r(), fg[0]), mix(bg.g(), fg[1]), mix(bg.b(), fg[2]))
}

/// Black or white, whichever reads better on `bg` (WCAG relative luminance).
pub fn text_on(bg: Color32) -> Color32 {
    let lin = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(bg.r()) + 0.7152 * lin(bg.g()) + 0.0722 * lin(bg.b());
    if l > 0.179 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
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

    #[test]
    fn text_contrasts_with_every_palette_colour_on_both_themes() {
        let contrast = |a: Color32, b: Color32| {
            let l = |c: Color32| {
                let f = |v: u8| {
                    let v = f32::from(v) / 255.0;
                    if v <= 0.04045 {
                        v / 12.92
                    } else {
                        ((v + 0.055) / 1.055).powf(2.4)
                    }
                };
                0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
            };
            let (x, y) = (l(a), l(b));
            (x.max(y) + 0.05) / (x.min(y) + 0.05)
        };
        let colours = crate::model::speaker::PALETTE
            .iter()
            .chain([&CLAIM, &NO_SPEAKER]);
        for &c in colours {
            for bg in [Color32::from_gray(27), Color32::from_gray(248)] {
                for alpha in [0.35, 0.6] {
                    let hl = blend(bg, c, alpha);
                    assert!(contrast(hl, text_on(hl)) >= 4.5, "{c:?} on {bg:?}");
                }
            }
        }
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
