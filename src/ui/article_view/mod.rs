//! The central panel: the article at a reading width, highlights, selection, hover and click.
//!
//! Per-frame cost does not grow with the article: the text is a column of blocks (its lines)
//! whose heights are estimated until laid out; only blocks on screen are laid out (one cached
//! galley each) and painted. Highlights of a block come from an interval index of the
//! annotations, rebuilt only when they change. Selection is our own (anchor and head code
//! points), so it spans blocks and survives clicks elsewhere.

mod a11y;
mod blocks;
mod body;
mod highlight;
mod layout;
mod margin;
mod paint;
mod query;
mod relations;
mod select;

use egui::{Id, Pos2, Rect};

pub(in crate::ui) use a11y::describe_annotation;

use crate::io::document::Document;
use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};
use crate::model::index::IntervalIndex;

use crate::ui::state::{UiState, Work};
use crate::ui::style;
use crate::ui::text_engine::atlas::Atlas;
use crate::ui::text_engine::{fonts, shaped};
use crate::ui::vocabulary::Action;
use blocks::{Blocks, Metrics};
use highlight::{Layer, Look};
use layout::Layout;
use select::Selection;

/// Space above the first line.
const PAD_TOP: f32 = 16.0;
/// Space below the last line.
const PAD_BOTTOM: f32 = 120.0;

/// A keyboard scroll of the article, applied in the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// Down by most of a screen.
    Down,
    /// Up by most of a screen.
    Up,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
}

/// Layout state of the article view, kept between frames.
#[derive(Default)]
pub struct ArticleView {
    /// Bumped whenever the annotations change, so highlights are rebuilt.
    revision: u64,
    /// Bumped whenever the search matches change, so the blocks on screen are painted again
    /// (the annotations' index stays).
    matches_revision: u64,
    /// Annotation to bring on screen in the next frame.
    pub(crate) scroll_to: Option<AnnotationId>,
    /// Text range to bring on screen and select in the next frame (a search match).
    pub(crate) scroll_to_span: Option<Span>,
    /// Collapse the text cursor in the next frame.
    pub(crate) clear_cursor: bool,
    /// A keyboard scroll to apply in the next frame.
    pub(crate) page: Option<Page>,
    /// Give the article the keyboard, with a caret, in the next frame (F6, and when opened).
    pub(crate) focus: bool,
    /// The first frame of this article was drawn (its caret placed, focus given).
    started: bool,
    /// Frames left in which the article takes the keyboard if nothing has it (the click that
    /// opened it may clear the focus a frame later).
    focus_frames: u8,
    /// The scroll offset shown last frame, in points from the top.
    offset: f32,
    /// The article's blocks, heights and galleys (built on the first frame).
    blocks: Option<Blocks>,
    /// Interval index of the painted spans, and the revision it was built for.
    index: IntervalIndex<Layer>,
    index_revision: Option<u64>,
    /// Row height and average character width, and the font size they were measured for.
    char_metrics: Option<(u32, f32, f32)>,
    /// The text selection (our own, so it spans blocks).
    sel: Option<Selection>,
    /// Screen position of the top-left of the first block, last frame.
    origin: Pos2,
    /// The scroll area's visible rectangle last frame, in screen coordinates.
    clip: Option<Rect>,
    /// Code points of the blocks painted last frame.
    painted: Option<Span>,
    /// The text widget's id.
    text_id: Option<Id>,
    /// The scroll area's id, to read its offset before showing it.
    scroll_id: Option<Id>,
    /// Frames drawn, for the layout cache's recency.
    frame: u64,
    /// Rasterized glyphs, in one texture.
    atlas: Atlas,
    /// .notdef glyphs drawn last frame (characters no installed font has).
    notdef: usize,
    /// Connectors drawn last frame from the open quote's cue and sources to it.
    connectors: usize,
    /// Margin labels drawn last frame (who said a quote, a claim's verdict) and where.
    margin: Vec<(String, Rect)>,
}

impl ArticleView {
    /// How far the article was scrolled last frame, in points from the top.
    pub fn scroll_offset(&self) -> f32 {
        self.offset
    }

    /// The margin labels drawn last frame: a quote's speaker ("— Stoltenberg"), a checked
    /// claim's verdict, each with its screen rectangle.
    pub fn margin_labels(&self) -> &[(String, Rect)] {
        &self.margin
    }

    /// Forget the highlights; they are rebuilt on the next frame.
    pub fn invalidate(&mut self) {
        self.revision += 1;
    }

    /// The search matches changed: repaint them on the next frame, keeping everything else.
    pub fn invalidate_matches(&mut self) {
        self.matches_revision += 1;
    }

    /// Row height and average character width of the article's text at `look`'s font size.
    fn metrics(&mut self, doc: &Document, look: &Look, wrap: f32) -> Metrics {
        let bits = look.font_size.to_bits();
        let (row_height, char_width) = match self.char_metrics {
            Some((b, r, c)) if b == bits => (r, c),
            _ => {
                let mut sample = doc.text.slice(0..3000).replace('\n', " ");
                if sample.trim().is_empty() {
                    sample = "The quick brown fox jumps over the lazy dog.".into();
                }
                let n = sample.chars().count().max(1) as f32;
                let row = look.row_height();
                let mut fs = fonts::system().engine();
                let s = shaped::shape(&mut fs, &sample, look.font_size, row, f32::MAX);
                let width: f32 = s.lines.iter().flat_map(|l| &l.glyphs).map(|g| g.w).sum();
                let m = (
                    s.height.max(row).min(row * 2.0).max(1.0),
                    (width / n).max(1.0),
                );
                self.char_metrics = Some((bits, m.0, m.1));
                m
            }
        };
        Metrics {
            wrap,
            row_height,
            char_width,
        }
    }
}

/// Draws the article; returns what the user asked for.
pub fn article_ui(
    work: &Work,
    state: &mut UiState,
    font_size: f32,
    ui: &mut egui::Ui,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(doc) = work.doc.as_ref() else {
        body::welcome_ui(ui, &mut actions);
        return actions;
    };
    let view = &mut state.view;
    let id = Id::unique("article_text");
    view.text_id = Some(id);
    view.frame += 1;
    // After an annotation key the selection becomes a caret where it ended, so the keyboard
    // and a screen reader still have a place in the text.
    if std::mem::take(&mut view.clear_cursor) {
        view.sel = view.sel.map(|s| Selection::caret(s.head));
    }
    // At start-up and after opening, and on F6: the keyboard is in the article, at a caret.
    if !std::mem::replace(&mut view.started, true) {
        view.focus_frames = 3;
    }
    let asked = std::mem::take(&mut view.focus);
    if asked || view.focus_frames > 0 {
        view.focus_frames = view.focus_frames.saturating_sub(1);
        if asked || ui.memory(|m| m.focused().is_none()) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        if view.sel.is_none() {
            view.sel = Some(Selection::caret(view.painted.map_or(0, |p| p.start)));
        }
    }
    let focused = ui.memory(|m| m.has_focus(id));
    let look = Look {
        font_size,
        selected: state.selected,
        kept_selection: if focused { None } else { state.selection },
        text_colour: ui.visuals().text_color(),
        panel: ui.visuals().panel_fill,
    };
    let wrap = (font_size * 36.0)
        .min(ui.available_width() - 24.0)
        .max(200.0);
    if view.index_revision != Some(view.revision) {
        // Suggestions share the candidates' underline, in grey: never drawn like annotations.
        let suggested = state.suggestions.pending.iter().flat_map(|s| match s {
            crate::ui::state::suggestions::Suggested::Quote(q) => q.content.clone(),
            crate::ui::state::suggestions::Suggested::Mention(m) => vec![m.span],
        });
        let candidates: Vec<(Span, [u8; 3])> = state
            .candidates
            .iter()
            .map(|&(span, sp)| {
                let colour = style::kind_colour(&doc.session, KindTag::Mention, Some(sp));
                (span, colour)
            })
            .chain(suggested.map(|span| (span, [0x8a, 0x8a, 0x8a])))
            .collect();
        let filter = &state.filter;
        let recovery = &work.recovery;
        // Orphans and file offsets that re-anchoring replaced do not hold their text (they may
        // even lie past its end): painting them would mark unrelated text.
        let shown = |a: &crate::model::annotation::Annotation| {
            filter.shows(a) && recovery.is_placed(doc, a)
        };
        let theirs = state
            .compare
            .as_ref()
            .map(crate::ui::state::compare::their_marks)
            .unwrap_or_default();
        view.index = highlight::build_index(&doc.session, shown, &candidates, &theirs);
        view.index_revision = Some(view.revision);
    }
    let metrics = view.metrics(doc, &look, wrap);
    let mut sel = view.sel;
    let reveal = view
        .scroll_to
        .take()
        .and_then(|target| doc.session.annotation(target))
        .map(|a| a.span())
        .or(view.scroll_to_span.take())
        .map(|span| {
            sel = Some(Selection {
                anchor: span.start,
                head: span.end,
            });
            span.start
        });
    let viewport_h = view
        .clip
        .map_or_else(|| ui.available_height(), |c| c.height());
    let offset = view
        .scroll_id
        .and_then(|sid| egui::scroll_area::State::load(ui.ctx(), sid))
        .map_or(0.0, |s| s.clamped_offset().y);
    let mut layout = Layout {
        blocks: view
            .blocks
            .get_or_insert_with(|| Blocks::new(&doc.text, metrics)),
        doc,
        index: &view.index,
        matches: &state.search.matches,
        look,
        look_key: look.key(view.revision, view.matches_revision, wrap),
        frame: view.frame,
        atlas: &mut view.atlas,
        notdef: 0,
        margin: Vec::new(),
        relations: relations::of(doc, state.open_quote),
        connectors: 0,
    };
    let forced = layout::plan_scroll(
        &mut layout,
        ui,
        offset - PAD_TOP,
        viewport_h,
        metrics,
        reveal,
    )
    .map(|o| (o + PAD_TOP).max(0.0))
    .or_else(|| {
        // A page keeps a tenth of the screen in view, so the reader does not lose the line.
        let page = viewport_h * 0.9;
        view.page.take().map(|p| match p {
            Page::Down => offset + page,
            Page::Up => (offset - page).max(0.0),
            Page::Top => 0.0,
            // The content's height, not "infinity": glyphs placed absurdly far off screen for a
            // frame overflow the rasterizer's pixel arithmetic.
            Page::Bottom => {
                (layout.blocks.total_height() + PAD_TOP + PAD_BOTTOM - viewport_h).max(0.0)
            }
        })
    });

    let mut area = egui::ScrollArea::vertical()
        .id_salt("article_scroll")
        .auto_shrink([false, false])
        .content_margin(egui::Margin::ZERO);
    if let Some(o) = forced {
        area = area.vertical_scroll_offset(o);
    }
    let selection = state.selection;
    let scroll = area.show_viewport(ui, |ui, viewport| {
        body::body_ui(
            ui,
            viewport,
            &mut layout,
            &mut sel,
            selection,
            &mut actions,
            id,
        )
    });
    let (origin, painted) = scroll.inner;
    layout.blocks.evict(view.frame);
    view.notdef = layout.notdef;
    view.connectors = layout.connectors;
    view.margin = std::mem::take(&mut layout.margin);
    view.sel = sel;
    view.origin = origin;
    view.painted = painted;
    view.scroll_id = Some(scroll.id);
    view.clip = Some(scroll.inner_rect);
    view.offset = scroll.state.clamped_offset().y;
    actions
}

/// One line describing an annotation for tooltips and lists: "Quote · Stoltenberg · said".
pub fn describe(doc: &Document, id: AnnotationId) -> String {
    let Some(a) = doc.session.annotation(id) else {
        return String::new();
    };
    // Who, as the margin and the marks say it: nobody named is "unknown speaker" (a quote
    // signed by its source mention's words), a claim nobody makes is the outlet's.
    let who = match &a.kind {
        Kind::Quote(_) => a11y::quote_speaker(&doc.session, a),
        Kind::Claim(c) if c.speaker.is_none() => "the outlet".to_owned(),
        _ => a
            .kind
            .speaker()
            .and_then(|s| doc.session.speaker(s))
            .map_or_else(|| "unknown speaker".to_owned(), |s| s.name.clone()),
    };
    let line = describe_kind(doc, a, id, &who);
    if a.tags.is_empty() {
        line
    } else {
        format!("{line} · tags: {}", a.tags.join(", "))
    }
}

/// [`describe`] without the tags.
fn describe_kind(
    doc: &Document,
    a: &crate::model::annotation::Annotation,
    id: AnnotationId,
    who: &str,
) -> String {
    match &a.kind {
        Kind::Claim(c) => format!(
            "Claim · {who} · check-worthiness {} · {}",
            c.check_worthiness.label(),
            c.verdict.label()
        ),
        Kind::Quote(q) => {
            let cue = q.cue.map(|c| doc.text.slice(c.start..c.end).to_owned());
            format!(
                "Quote ({}) · {who}{}",
                q.quote_type.label(),
                cue.map(|c| format!(" · {c}")).unwrap_or_default()
            )
        }
        Kind::Mention(_) => {
            let sourced = crate::model::attribution::source_users(&doc.session, id, id);
            let quotes: Vec<String> = sourced
                .iter()
                .filter_map(|q| doc.session.annotation(*q))
                .map(|q| crate::model::attribution::short_name(q, 24))
                .collect();
            if quotes.is_empty() {
                format!("Mention · {who}")
            } else {
                format!("Mention · {who} · source of {}", quotes.join(", "))
            }
        }
    }
}
