//! The article inside its scroll area: the pointer, the keyboard, painting, hover and the
//! accessibility node.

use egui::{Id, Pos2, Rect, Sense, pos2, vec2};

use crate::model::annotation::Span;

use super::layout::Layout;
use super::select::{self, Selection};
use super::{PAD_BOTTOM, PAD_TOP, a11y, describe, highlight, margin, paint, relations};
use crate::ui::text_engine::bidi::visual;
use crate::ui::vocabulary::Action;

/// The article inside the scroll area: interaction, painting. Returns the screen position of
/// the first block's top-left and the code points painted.
pub(super) fn body_ui(
    ui: &mut egui::Ui,
    viewport: Rect,
    layout: &mut Layout<'_>,
    sel: &mut Option<Selection>,
    app_selection: Option<Span>,
    actions: &mut Vec<Action>,
    id: Id,
) -> (Pos2, Option<Span>) {
    let visible = layout.ensure_range(ui, viewport.min.y - PAD_TOP, viewport.max.y - PAD_TOP);
    let wrap = layout.blocks.metrics.wrap;
    let height = layout.blocks.total_height() + PAD_TOP + PAD_BOTTOM;
    let rect = Rect::from_min_size(ui.max_rect().min, vec2(ui.available_width(), height));
    ui.allocate_rect(rect, Sense::hover());
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article"));
    let origin = pos2(
        (rect.center().x - wrap / 2.0).max(rect.left()),
        rect.top() + PAD_TOP,
    );
    let clip = ui.clip_rect();
    let doc = layout.doc;

    // Pointer: press, drag, double/triple click; the y is kept on screen so a drag past the
    // edge selects what is visible while the view scrolls.
    let pointer = response
        .interact_pointer_pos()
        .or(response.hover_pos())
        .or_else(|| {
            ui.input(|i| i.pointer.latest_pos())
                .filter(|p| clip.contains(*p))
        });
    let mut hit_at = |p: Pos2| {
        let y = p.y.clamp(
            clip.top() + 1.0,
            (clip.bottom() - 1.0).max(clip.top() + 1.0),
        );
        layout.hit_both(ui, vec2(p.x - origin.x, y - origin.y))
    };
    let hit = pointer.map(&mut hit_at);
    // From the events, not `press_origin`: a press and its release can share a frame.
    let press = ui
        .input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    ..
                } => Some(*pos),
                _ => None,
            })
        })
        .filter(|p| clip.contains(*p) && rect.contains(*p))
        .map(|p| hit_at(p).0);
    let blocks_ref = &*layout.blocks;
    let line = |at: usize| {
        let r = blocks_ref.range(blocks_ref.block_of(at));
        Span::new(r.start, r.end)
    };
    if select::pointer(sel, ui, &response, hit, press, &doc.text, line) {
        response.request_focus();
    }
    // A screen reader moving the caret or selecting, as in a text field.
    // The view follows, so reading past the screen scrolls it.
    if let Some(s) = a11y::requested_selection(ui, id) {
        *sel = Some(s);
        response.request_focus();
        let r = layout.cursor_rect(ui, s.head);
        ui.scroll_to_rect(r.translate(origin.to_vec2()).expand(4.0), None);
    }
    if response.dragged()
        && let Some(p) = response.interact_pointer_pos()
    {
        let dy = if p.y < clip.top() {
            (clip.top() - p.y).min(40.0)
        } else if p.y > clip.bottom() {
            (clip.bottom() - p.y).max(-40.0)
        } else {
            0.0
        };
        if dy != 0.0 {
            ui.scroll_with_delta(vec2(0.0, dy));
            ui.ctx().request_repaint();
        }
    }
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: false,
                },
            );
        });
        if select::keyboard(sel, ui, layout)
            && let Some(s) = sel
        {
            let r = layout.cursor_rect(ui, s.head);
            ui.scroll_to_rect(r.translate(origin.to_vec2()).expand(4.0), None);
        }
        match sel.map(Selection::span).filter(|s| !s.is_empty()) {
            // The window's selection changes through an action, applied after the frame.
            Some(span) if app_selection != Some(span) => {
                actions.push(Action::SetSelection(Some(span)));
            }
            None if (response.clicked() || response.drag_stopped()) && app_selection.is_some() => {
                actions.push(Action::SetSelection(None));
            }
            _ => {}
        }
    }

    // Click on a highlight selects it; hovering one describes it.
    let at_pointer = |at: usize| highlight::annotations_at(layout.index, &doc.session, at);
    if response.clicked()
        && sel.is_none_or(|s| s.anchor == s.head)
        && let Some((_, at)) = hit
    {
        actions.push(Action::Select(at_pointer(at).first().copied(), false));
    }
    if response.hovered()
        && !response.dragged()
        && let Some((_, at)) = hit
    {
        let ids = at_pointer(at);
        if !ids.is_empty() {
            response.clone().on_hover_ui_at_pointer(|ui| {
                for a in ids {
                    ui.label(visual(&describe(doc, a)).into_owned());
                }
            });
        }
    }

    layout.notdef = paint::paint(
        ui,
        layout,
        visible.clone(),
        origin,
        focused.then_some(*sel).flatten(),
    );
    if let Some(rel) = &layout.relations {
        layout.connectors = relations::paint(
            ui,
            layout.blocks,
            visible.clone(),
            origin,
            rel,
            layout.look.panel,
            clip,
        );
    }
    let margin = margin::paint(ui, layout, visible.clone(), origin, clip.right() - 4.0);
    layout.margin = margin.iter().map(|d| (d.text.clone(), d.rect)).collect();
    let blocks = &*layout.blocks;
    let painted = (!visible.is_empty()).then(|| {
        Span::new(
            blocks.range(visible.start).start,
            blocks.range(visible.end - 1).end,
        )
    });
    a11y::publish(ui, layout, id, (origin, visible), *sel, &margin);
    (origin, painted)
}

/// The view with no article: open one, or see the example.
pub(super) fn welcome_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading("newsmark");
        ui.label("Open a news article (.txt) or a session (.ron), or drop a file on this window.");
        ui.add_space(8.0);
        if ui.button("Open…").clicked() {
            actions.push(Action::Command(crate::ui::commands::UiCommand::Open));
        }
        ui.add_space(4.0);
        if ui
            .button("See an annotated example")
            .on_hover_text("A short news story with its claims, quotes and speakers marked")
            .clicked()
        {
            actions.push(Action::OpenSample);
        }
    });
}
