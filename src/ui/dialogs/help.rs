//! The keyboard shortcut overlay (F1): every command of the table with its keys.

use egui::RichText;

/// The keyboard shortcut overlay; false once closed.
pub(super) fn help_ui(ctx: &egui::Context) -> bool {
    let mut open = true;
    // The description column takes what the window leaves after the name and keys.
    let tip_width = (ctx.content_rect().width() - 420.0).clamp(160.0, 420.0);
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        // Never taller or wider than the window: the close button stays on screen and the
        // list scrolls.
        .max_height((ctx.content_rect().height() - 60.0).max(120.0))
        .max_width((ctx.content_rect().width() - 40.0).max(200.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("help_scroll")
                .max_height((ctx.content_rect().height() - 120.0).max(80.0))
                .show(ui, |ui| {
                    egui::Grid::new("help_grid").striped(true).show(ui, |ui| {
                        for (label, keys, tooltip) in crate::ui::commands::help_rows() {
                            ui.label(label);
                            ui.monospace(keys);
                            ui.scope(|ui| {
                                ui.set_width(tip_width);
                                ui.add(egui::Label::new(RichText::new(tooltip).weak()).wrap());
                            });
                            ui.end_row();
                        }
                    });
                });
        });
    open
}
