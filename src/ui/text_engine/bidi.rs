//! Right-to-left text in egui's own labels, which lay text out left to right with no bidi.
//!
//! egui shapes each run of one font by itself, and harfrust shapes a Hebrew or Arabic run
//! right to left, so a single RTL word comes out right; what goes wrong is the order of the
//! words and neutrals around it. [`visual`] puts a label's text in visual order (UAX #9) in a
//! way that survives that: inside a right-to-left run, each stretch that egui will shape as
//! one run (characters its Latin font lacks) keeps its logical order, and the stretches and
//! the characters between them (spaces, hyphens, brackets — mirrored) are reversed.

use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_bidi::BidiInfo;

/// True for characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …).
fn is_rtl_char(c: char) -> bool {
    let c = u32::from(c);
    matches!(
        c,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// True if egui's first proportional font (Ubuntu) has `c`: such characters start a new
/// shaping run in egui.
fn in_ui_font(c: char) -> bool {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(epaint_default_fonts::UBUNTU_LIGHT, 0).ok())
        .as_ref()
        .is_some_and(|f| f.glyph_index(c).is_some())
}

/// The bracket facing the other way, as a right-to-left run draws it.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        other => other,
    }
}

/// `text` reordered so that egui's left-to-right layout shows it as UAX #9 would; text with
/// no right-to-left character is returned as it is. For labels only: the result is not the
/// stored text (never copy or save it).
///
/// ```text
/// "נועה בן-דוד"        → "דוד-בן נועה"   (egui then draws each word right to left)
/// "Noa (נועה בן) said" → "Noa (בן נועה) said"
/// ```
pub fn visual(text: &str) -> Cow<'_, str> {
    reorder(text, None)
}

/// Like [`visual`] for a sentence of the window's own (English, left to right) with names or
/// article text inside: the sentence stays left to right whatever script its first word is
/// in, and each right-to-left name is reordered in place. Wrap names in [`isolate`] so the
/// neutrals around them (quotation marks, digits) stay with the sentence.
///
/// ```text
/// "“נועה” is not a known name" → "“נועה” is not a known name" (the word drawn RTL in place)
/// ```
pub fn visual_ltr(text: &str) -> Cow<'_, str> {
    reorder(text, Some(unicode_bidi::Level::ltr()))
}

/// `name` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9), for names put
/// into a sentence: the name takes its own direction and does not turn the sentence around.
/// [`visual`] and [`visual_ltr`] drop the two marks from what they draw.
pub fn isolate(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

fn is_isolate_mark(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

fn reorder(text: &str, level: Option<unicode_bidi::Level>) -> Cow<'_, str> {
    if !text.chars().any(is_rtl_char) {
        if text.chars().any(is_isolate_mark) {
            return Cow::Owned(text.chars().filter(|c| !is_isolate_mark(*c)).collect());
        }
        return Cow::Borrowed(text);
    }
    let bidi = BidiInfo::new(text, level);
    let mut out = String::with_capacity(text.len());
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let Some(s) = text.get(run.clone()) else {
                continue;
            };
            if levels.get(run.start).is_some_and(|l| l.is_rtl()) {
                push_rtl(&mut out, s);
            } else {
                out.push_str(s);
            }
        }
    }
    Cow::Owned(out.chars().filter(|c| !is_isolate_mark(*c)).collect())
}

/// Appends a right-to-left run in visual order, egui's shaping runs kept whole.
fn push_rtl(out: &mut String, run: &str) {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in run.chars() {
        if in_ui_font(c) && !is_rtl_char(c) {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
            pieces.push(mirror(c).to_string());
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    for p in pieces.iter().rev() {
        out.push_str(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtl_words_are_put_in_visual_order_and_ltr_text_is_untouched() {
        assert!(matches!(visual("Jens Stoltenberg"), Cow::Borrowed(_)));
        assert_eq!(visual("נועה בן-דוד"), "דוד-בן נועה");
        assert_eq!(visual("Noa (נועה בן) said"), "Noa (בן נועה) said");
        assert_eq!(visual("عمر حداد"), "حداد عمر");
        // An RTL paragraph with a Latin name inside: the name stays readable.
        assert_eq!(visual("אמר NATO היום"), "היום NATO אמר");
        assert_eq!(visual("(שלום)"), "(שלום)");
    }

    #[test]
    fn an_rtl_name_inside_an_english_sentence_does_not_turn_it_around() {
        let sentence = format!("“{}” is not a known name.", isolate("נועה בן"));
        assert_eq!(visual_ltr(&sentence), "“בן נועה” is not a known name.");
        // Without the isolate and the LTR sentence, the first strong letter decides.
        assert_ne!(
            visual("“נועה בן” is not a known name."),
            "“בן נועה” is not a known name."
        );
        assert_eq!(visual_ltr(&isolate("Jens")), "Jens");
    }
}
