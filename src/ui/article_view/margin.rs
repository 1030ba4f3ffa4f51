//! Who said what, at a glance: in the margin beside the line where a quote ends, its
//! speaker's name; beside a checked claim, its verdict. Drawn outside the text column, so the
//! text and every offset stay exactly where they are.

use egui::{Color32, FontId, Pos2, Rect, pos2, vec2};

use crate::model::annotation::{Annotation, Kind, Verdict};
use crate::model::session::Session;
use crate::ui::style;
use crate::ui::text_engine::bidi::visual;

use super::highlight::{Layer, Part};
use super::layout::{self, Layout};

/// Least room the margin needs for a label; narrower windows show none (hover still tells).
const MIN_ROOM: f32 = 56.0;

/// One label: its text, and its colour (or a badge's fill).
struct Label {
    text: String,
    colour: Color32,
    badge: bool,
}

/// A label drawn in the margin.
pub(super) struct Drawn {
    /// What is drawn (maybe cut: "— unknown spe…").
    pub text: String,
    /// Where.
    pub rect: Rect,
    /// What it says whole ("— unknown speaker"), for a screen reader.
    pub full: String,
    /// Its annotation's position in the session.
    pub annotation: usize,
}

/// Paints the labels of the annotations that end on the visible blocks; returns each label's
/// text and screen rectangle.
pub(super) fn paint(
    ui: &egui::Ui,
    layout: &Layout<'_>,
    visible: std::ops::Range<usize>,
    origin: Pos2,
    right: f32,
) -> Vec<Drawn> {
    let mut drawn = Vec::new();
    let blocks = &*layout.blocks;
    let wrap = blocks.metrics.wrap;
    let x0 = origin.x + wrap + 14.0;
    if right - x0 < MIN_ROOM {
        return drawn;
    }
    let session = &layout.doc.session;
    let size = (layout.look.font_size * 0.72).max(10.0);
    let font = FontId::proportional(size);
    let painter = ui.painter();
    for b in visible {
        let r = blocks.range(b);
        // (y of the line, badge first, the annotation and its position in the session) for
        // every annotation ending in this block.
        let mut rows: Vec<(f32, bool, &Annotation, usize)> = Vec::new();
        for e in layout.index.overlapping(r.start, r.end) {
            let Layer::Annotation(i, part) = e.value else {
                continue;
            };
            let Some(a) = session.annotations.get(i as usize) else {
                continue;
            };
            // Only where the annotation ends (a quote's last part), and only once.
            if part == Part::Cue || e.end != last_end(a) || e.end <= r.start || e.end > r.end {
                continue;
            }
            let rects = layout::range_rects(blocks, b, e.end.saturating_sub(1), e.end, false);
            if let Some(rect) = rects.last() {
                let badge_last = !matches!(a.kind, Kind::Claim(_));
                rows.push((rect.center().y, badge_last, a, i as usize));
            }
        }
        // Row by row; on a row, verdict badges (short, fixed) before speakers' names, so a
        // name is chosen for the room the badges leave it.
        rows.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let mut x = x0;
        let mut last_y = f32::NAN;
        for (y, _, a, annotation) in rows {
            if (y - last_y).abs() > 1.0 {
                x = x0;
            }
            last_y = y;
            let room = right - x;
            let fits = |t: &str| {
                painter
                    .layout_no_wrap(visual(t).into_owned(), font.clone(), Color32::WHITE)
                    .size()
                    .x
                    <= room
            };
            let Some(label) = label_of(session, a, layout.look.panel, fits) else {
                continue;
            };
            // A label with no room left beside the others is not drawn, never drawn cut off
            // (hover still tells).
            let at = pos2(x, origin.y + y);
            let Some(rect) = draw(painter, at, &label, &font, layout.look.panel, right) else {
                continue;
            };
            x = rect.right() + 8.0;
            let full = label_of(session, a, layout.look.panel, |_| true)
                .map_or_else(|| label.text.clone(), |l| l.text);
            drawn.push(Drawn {
                text: label.text,
                rect,
                full,
                annotation,
            });
        }
    }
    drawn
}

/// Where the annotation's text ends: a quote's last part, else its span.
fn last_end(a: &Annotation) -> usize {
    match &a.kind {
        Kind::Quote(q) => q.more.iter().map(|s| s.end).fold(a.end, usize::max),
        _ => a.end,
    }
}

/// A quote's speaker, or a checked claim's verdict; mentions and unchecked claims get none.
/// The speaker is named by the longest of their names that `fits` the margin (full name,
/// then aliases from the longest), else the shortest name cut with "…".
fn label_of(
    session: &Session,
    a: &Annotation,
    panel: Color32,
    fits: impl Fn(&str) -> bool,
) -> Option<Label> {
    match &a.kind {
        Kind::Quote(q) => {
            let speaker = q.speaker.and_then(|id| session.speaker(id));
            let colour = speaker.map_or(style::NO_SPEAKER, |s| s.colour);
            // Without a speaker, the words of its source mention ("The group", "she").
            let source = q
                .source_mentions
                .iter()
                .find_map(|id| session.annotation(*id))
                .map(|m| m.exact.trim().to_owned());
            let text = match speaker {
                None => {
                    let name = source.unwrap_or_else(|| "unknown speaker".to_owned());
                    Some(format!("— {name}"))
                        .filter(|t| fits(t))
                        .unwrap_or_else(|| cut(&name, &fits))
                }
                Some(s) => {
                    let mut names: Vec<&str> = std::iter::once(s.name.as_str())
                        .chain(s.aliases.iter().map(String::as_str))
                        .collect();
                    names[1..].sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
                    let shortest = names.iter().min_by_key(|n| n.chars().count()).copied();
                    names
                        .iter()
                        .map(|n| format!("— {n}"))
                        .find(|t| fits(t))
                        .unwrap_or_else(|| cut(shortest.unwrap_or_default(), &fits))
                }
            };
            Some(Label {
                text,
                colour: style::legible(colour, panel),
                badge: false,
            })
        }
        Kind::Claim(c) if c.verdict != Verdict::Unchecked => Some(Label {
            text: c.verdict.label().to_owned(),
            colour: style::rgb(verdict_colour(c.verdict)),
            badge: true,
        }),
        _ => None,
    }
}

/// "— name", cut to the longest prefix that fits, with "…".
fn cut(name: &str, fits: impl Fn(&str) -> bool) -> String {
    let chars: Vec<char> = name.chars().collect();
    (1..chars.len())
        .rev()
        .map(|n| format!("— {}…", chars[..n].iter().collect::<String>().trim_end()))
        .find(|t| fits(t))
        .unwrap_or_else(|| "—".to_owned())
}

/// The colour of a verdict badge: green to red through amber, grey when it cannot be told.
pub fn verdict_colour(v: Verdict) -> [u8; 3] {
    match v {
        Verdict::True => [0x2e, 0x8b, 0x57],
        Verdict::MostlyTrue => [0x6a, 0x9a, 0x3a],
        Verdict::Mixed => [0xc0, 0x8a, 0x1a],
        Verdict::MostlyFalse => [0xd0, 0x60, 0x30],
        Verdict::False => [0xc0, 0x39, 0x2b],
        Verdict::Unverifiable | Verdict::Unchecked => [0x80, 0x80, 0x80],
    }
}

/// Draws one label with its left edge at `at` (vertically centred) if it ends before `right`
/// and is more than a bare dash; returns where it went.
fn draw(
    painter: &egui::Painter,
    at: Pos2,
    label: &Label,
    font: &FontId,
    panel: Color32,
    right: f32,
) -> Option<Rect> {
    let text = visual(&label.text).into_owned();
    let colour = if label.badge {
        style::text_on(label.colour)
    } else {
        label.colour
    };
    let galley = painter.layout_no_wrap(text, font.clone(), colour);
    let pad = if label.badge { 5.0 } else { 0.0 };
    let size = galley.size() + vec2(2.0 * pad, 0.0);
    let rect = Rect::from_min_size(pos2(at.x, at.y - size.y / 2.0), size);
    if rect.right() > right || label.text == "—" {
        return None;
    }
    if label.badge {
        painter.rect_filled(rect.expand2(vec2(0.0, 1.0)), 4.0, label.colour);
    } else {
        // A faint plate keeps the name readable over anything drawn behind the margin.
        painter.rect_filled(rect, 2.0, panel);
    }
    painter.galley(rect.min + vec2(pad, 0.0), galley, colour);
    Some(rect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, KindTag, Quote, Span};
    use crate::model::session::{ArticleRef, make_annotation};
    use crate::model::text::ArticleText;

    /// A quote sourced to "The group" (a mention with no speaker) is signed with those words.
    #[test]
    fn a_quote_without_a_speaker_is_signed_by_its_source_mention() {
        let text = ArticleText::new("The group said: “No way.”".into());
        let mut s = Session::new(ArticleRef::default());
        let mention = KindTag::Mention.with_speaker(None);
        s.annotations.push(make_annotation(
            &text,
            AnnotationId(1),
            Span::new(0, 9),
            mention,
        ));
        let mut quote = make_annotation(
            &text,
            AnnotationId(2),
            Span::new(16, 25),
            KindTag::Quote.with_speaker(None),
        );
        if let Kind::Quote(q) = &mut quote.kind {
            *q = Quote {
                source_mentions: vec![AnnotationId(1)],
                ..q.clone()
            };
        }
        let panel = Color32::from_gray(27);
        let all = |_: &str| true;
        let label = label_of(&s, &quote, panel, all).map(|l| l.text);
        assert_eq!(label.as_deref(), Some("— The group"));
        let short = |t: &str| t.chars().count() <= 7;
        let label = label_of(&s, &quote, panel, short).map(|l| l.text);
        assert_eq!(label.as_deref(), Some("— The…"));
    }
}
