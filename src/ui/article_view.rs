//! The central panel: the article at a reading width, highlights, selection, hover and click.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Id, Pos2, Rect, Stroke, TextEdit, Vec2};

use crate::io::document::Document;
use crate::model::annotation::{AnnotationId, Kind, KindTag, Span};

use super::app::{Action, NewsmarkApp};
use super::style;

/// Layout state of the article view, kept between frames.
pub struct ArticleView {
    /// The laid-out article and the key it was made for.
    cache: Option<(u64, Arc<Galley>)>,
    /// Bumped whenever the annotations change, so highlights are rebuilt.
    revision: u64,
    /// Annotation to bring on screen in the next frame.
    pub(crate) scroll_to: Option<AnnotationId>,
    /// Text range to bring on screen in the next frame (a search match).
    pub(crate) scroll_to_span: Option<Span>,
    /// Collapse the text cursor in the next frame.
    pub(crate) clear_cursor: bool,
    /// Where the galley was painted last frame (screen coordinates of its top-left).
    galley_pos: Pos2,
    /// The galley painted last frame.
    galley: Option<Arc<Galley>>,
    /// The text widget's id.
    text_id: Option<Id>,
    /// The scroll area's visible rectangle last frame, in screen coordinates.
    clip: Rect,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            cache: None,
            revision: 0,
            scroll_to: None,
            scroll_to_span: None,
            clear_cursor: false,
            galley_pos: Pos2::ZERO,
            galley: None,
            text_id: None,
            clip: Rect::NOTHING,
        }
    }
}

impl ArticleView {
    /// Forget the highlights; they are rebuilt on the next frame.
    pub fn invalidate(&mut self) {
        self.revision += 1;
    }

    /// Screen position of the middle of code point `at`, as laid out in the last frame.
    pub fn char_pos(&self, at: usize) -> Option<Pos2> {
        let galley = self.galley.as_ref()?;
        let r = galley.pos_from_cursor(CCursor::new(at));
        Some(self.galley_pos + r.center().to_vec2() + Vec2::new(1.0, 0.0))
    }

    /// Screen rectangle of a code-point range (first to last row), from the last frame.
    pub fn span_rect(&self, span: Span) -> Option<Rect> {
        let galley = self.galley.as_ref()?;
        let a = galley.pos_from_cursor(CCursor::new(span.start));
        let b = galley.pos_from_cursor(CCursor::new(span.end));
        Some(a.union(b).translate(self.galley_pos.to_vec2()))
    }

    /// The visible part of the article last frame.
    pub fn visible_rect(&self) -> Rect {
        self.clip
    }

    /// The id of the article text widget.
    pub fn text_id(&self) -> Option<Id> {
        self.text_id
    }
}

/// Draws the article; returns what the user asked for.
pub fn article_ui(app: &mut NewsmarkApp, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(doc) = app.doc.as_ref() else {
        welcome_ui(ui, &mut actions);
        return actions;
    };
    let id = Id::unique("article_text");
    app.view.text_id = Some(id);
    if std::mem::take(&mut app.view.clear_cursor)
        && let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id)
    {
        state.cursor.set_char_range(None);
        state.store(ui.ctx(), id);
    }
    let focused = ui.memory(|m| m.has_focus(id));
    let dark = ui.visuals().dark_mode;
    let reading_width = (app.font_size * 36.0)
        .min(ui.available_width() - 24.0)
        .max(200.0);
    let kept_selection = if focused { None } else { app.selection };
    // Orphans keep stale offsets: painting them there would mark unrelated text.
    let hidden: Vec<AnnotationId> = doc.anchor_report.as_ref().map_or_else(Vec::new, |r| {
        app.recovery
            .review
            .iter()
            .copied()
            .filter(|id| r.outcome(*id) == Some(crate::model::anchor::Outcome::Orphan))
            .collect()
    });
    let params = Params {
        hidden,
        filter: app.filter.clone(),
        candidates: app
            .candidates
            .iter()
            .map(|&(span, sp)| {
                (
                    span,
                    style::kind_colour(&doc.session, KindTag::Mention, Some(sp)),
                )
            })
            .collect(),
        font_size: app.font_size,
        dark,
        selected: app.selected,
        kept_selection,
        text_colour: ui.visuals().text_color(),
        panel: ui.visuals().panel_fill,
    };
    let key = params.key(app.view.revision);
    let view = &mut app.view;
    let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, wrap: f32| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (key, wrap.to_bits()).hash(&mut h);
        let k = h.finish();
        if let Some((ck, g)) = &view.cache
            && *ck == k
        {
            return g.clone();
        }
        let mut job = highlight_job(doc, &params);
        job.wrap.max_width = wrap;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        view.cache = Some((k, galley.clone()));
        galley
    };
    let mut text: &str = doc.text.as_str();
    let scroll = egui::ScrollArea::vertical()
        .id_salt("article_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(16.0);
                let out = TextEdit::multiline(&mut text)
                    .id(id)
                    .frame(egui::Frame::NONE)
                    .desired_width(reading_width)
                    .layouter(&mut layouter)
                    .show(ui);
                ui.add_space(ui.available_height().clamp(40.0, 200.0));
                out
            })
            .inner
        });
    let out = scroll.inner;
    app.view.galley_pos = out.galley_pos;
    app.view.galley = Some(out.galley.clone());
    app.view.clip = scroll.inner_rect;

    if ui.memory(|m| m.has_focus(id))
        && let Some(range) = out.cursor_range
    {
        let span = Span::new(range.primary.index.0, range.secondary.index.0);
        if span.is_empty() {
            if out.response.response.drag_stopped() || out.response.response.clicked() {
                app.selection = None;
            }
        } else {
            app.selection = Some(span);
        }
    }

    let response = &out.response.response;
    let char_at = |pos: Pos2| out.galley.cursor_from_pos(pos - out.galley_pos).index.0;
    if response.clicked()
        && out.cursor_range.is_none_or(|r| r.primary == r.secondary)
        && let Some(pos) = response.interact_pointer_pos()
    {
        let hit = doc
            .session
            .annotations_at(char_at(pos))
            .first()
            .map(|a| a.id);
        actions.push(Action::Select(hit, false));
    }
    if let Some(pos) = response.hover_pos() {
        let hits = doc.session.annotations_at(char_at(pos));
        if !hits.is_empty() {
            response.clone().on_hover_ui_at_pointer(|ui| {
                for a in hits {
                    ui.label(describe(doc, a.id));
                }
            });
        }
    }
    if let Some(span) = app.view.scroll_to_span.take() {
        let rect = out
            .galley
            .pos_from_cursor(CCursor::new(span.start))
            .union(out.galley.pos_from_cursor(CCursor::new(span.end)))
            .translate(out.galley_pos.to_vec2());
        ui.scroll_to_rect(rect, Some(Align::Center));
    }
    if let Some(target) = app.view.scroll_to.take()
        && let Some(a) = doc.session.annotation(target)
    {
        let rect = out
            .galley
            .pos_from_cursor(CCursor::new(a.start))
            .union(out.galley.pos_from_cursor(CCursor::new(a.end)))
            .translate(out.galley_pos.to_vec2());
        ui.scroll_to_rect(rect, Some(Align::Center));
        // Select the span's text too, so Ctrl+C copies it.
        let mut state = out.state.clone();
        state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(a.start),
            CCursor::new(a.end),
        )));
        state.store(ui.ctx(), id);
    }
    actions
}

/// One line describing an annotation for tooltips and lists: "Quote · Stoltenberg · said".
pub fn describe(doc: &Document, id: AnnotationId) -> String {
    let Some(a) = doc.session.annotation(id) else {
        return String::new();
    };
    let who = doc.session.speaker_name(a.kind.speaker());
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
        Kind::Mention(_) => format!("Mention · {who}"),
    }
}

fn welcome_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading("newsmark");
        ui.label("Open a news article (.txt) or a session (.ron), or drop a file on this window.");
        ui.add_space(8.0);
        if ui.button("Open…").clicked() {
            actions.push(Action::Command(super::commands::UiCommand::Open));
        }
    });
}

/// Everything besides the annotations that changes how the article looks.
struct Params {
    /// Annotations not painted (orphans under review).
    hidden: Vec<AnnotationId>,
    /// What the user chose to see.
    filter: super::filter::Filter,
    /// Offered mentions ("find other mentions"), with their speaker's colour.
    candidates: Vec<(Span, [u8; 3])>,
    font_size: f32,
    dark: bool,
    selected: Option<AnnotationId>,
    kept_selection: Option<Span>,
    text_colour: Color32,
    panel: Color32,
}

impl Params {
    fn key(&self, revision: u64) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            revision,
            &self.hidden,
            &self.filter,
            &self.candidates,
            self.font_size.to_bits(),
            self.dark,
            self.selected,
            self.kept_selection,
            self.text_colour,
            self.panel,
        )
            .hash(&mut h);
        h.finish()
    }
}

/// What paints one stretch of text.
#[derive(Clone, Copy, PartialEq)]
struct Paint {
    background: Option<Color32>,
    underline: Option<Color32>,
    italics: bool,
}

/// Builds the layout job: the text split at every annotation boundary, each piece coloured by
/// the annotations covering it (innermost decides the background, an outer one underlines).
fn highlight_job(doc: &Document, p: &Params) -> LayoutJob {
    let text = &doc.text;
    let session = &doc.session;
    // (span, colour, alpha, is_cue) for every painted range.
    let mut layers: Vec<(Span, [u8; 3], f32, bool)> = Vec::new();
    for a in session
        .annotations
        .iter()
        .filter(|a| !p.hidden.contains(&a.id))
    {
        let colour = style::kind_colour(session, a.kind.tag(), a.kind.speaker());
        let chosen = p.selected == Some(a.id);
        let alpha = match (a.kind.tag(), chosen) {
            (_, true) => 0.75,
            (KindTag::Mention, false) => 0.3,
            _ => 0.45,
        };
        layers.push((a.span(), colour, alpha, false));
        if let Kind::Quote(q) = &a.kind {
            for part in &q.more {
                layers.push((*part, colour, alpha, false));
            }
            if let Some(cue) = q.cue {
                layers.push((cue, colour, 0.0, true));
            }
        }
    }
    for &(span, colour) in &p.candidates {
        layers.push((span, colour, 0.0, true));
    }
    if let Some(sel) = p.kept_selection {
        layers.push((sel, style::SELECTION, 0.5, false));
    }
    let mut cuts: Vec<usize> = vec![0, text.len_chars()];
    for (s, ..) in &layers {
        cuts.push(s.start.min(text.len_chars()));
        cuts.push(s.end.min(text.len_chars()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    layers.sort_by_key(|(s, ..)| s.start);

    let base = TextFormat {
        font_id: FontId::proportional(p.font_size),
        color: p.text_colour,
        line_height: Some(p.font_size * 1.55),
        ..Default::default()
    };
    let mut job = LayoutJob {
        text: text.as_str().to_owned(),
        ..Default::default()
    };
    let mut active: Vec<usize> = Vec::new();
    let mut next_layer = 0;
    let mut last: Option<(Paint, usize)> = None;
    for w in cuts.windows(2) {
        let [from, to] = [w[0], w[1]];
        while next_layer < layers.len() && layers[next_layer].0.start <= from {
            active.push(next_layer);
            next_layer += 1;
        }
        active.retain(|&i| layers[i].0.end > from);
        let mut covering: Vec<&(Span, [u8; 3], f32, bool)> = active
            .iter()
            .map(|&i| &layers[i])
            .filter(|l| l.0.end >= to)
            .collect();
        covering.sort_by_key(|l| std::cmp::Reverse(l.0.len()));
        let fills: Vec<_> = covering.iter().filter(|l| !l.3).collect();
        let paint = Paint {
            background: fills.last().map(|l| style::blend(p.panel, l.1, l.2)),
            underline: if fills.len() > 1 {
                fills.first().map(|l| style::rgb(l.1))
            } else {
                covering.iter().find(|l| l.3).map(|l| style::rgb(l.1))
            },
            italics: covering.iter().any(|l| l.3),
        };
        match &mut last {
            Some((prev, _)) if *prev == paint => {}
            _ => {
                if let Some((prev, start)) = last.take() {
                    push(&mut job, text, start..from, prev, &base);
                }
                last = Some((paint, from));
            }
        }
        if to == text.len_chars()
            && let Some((prev, start)) = last.take()
        {
            push(&mut job, text, start..to, prev, &base);
        }
    }
    if job.sections.is_empty() {
        push(
            &mut job,
            text,
            0..text.len_chars(),
            Paint {
                background: None,
                underline: None,
                italics: false,
            },
            &base,
        );
    }
    job
}

fn push(
    job: &mut LayoutJob,
    text: &crate::model::text::ArticleText,
    chars: std::ops::Range<usize>,
    paint: Paint,
    base: &TextFormat,
) {
    let mut format = base.clone();
    if let Some(bg) = paint.background {
        format.background = bg;
        format.color = style::text_on(bg);
    }
    if let Some(u) = paint.underline {
        format.underline = Stroke::new(2.0, u);
    }
    format.italics = paint.italics;
    let bytes = text.byte_range(chars);
    job.sections.push(egui::text::LayoutSection {
        leading_space: 0.0,
        byte_range: bytes.start.into()..bytes.end.into(),
        format,
    });
}
