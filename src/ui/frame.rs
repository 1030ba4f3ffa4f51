//! One frame: input, menus, toolbar, panels, dialogs; then the collected actions are applied.

use crate::ui::text_engine::bidi::visual_ltr;
use egui::RichText;

use crate::model::annotation::KindTag;

use crate::ui::app::NewsmarkApp;
use crate::ui::commands::{self, UiCommand};
use crate::ui::vocabulary::Action;
use crate::ui::vocabulary::Pending;

impl eframe::App for NewsmarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.install_fonts(&ctx);
        self.prefs.theme =
            crate::ui::workflow::theme_name(ctx.options(|o| o.theme_preference)).into();
        let mut actions = self.input_actions(&ctx);
        egui::Panel::top("menu_bar").show(ui, |ui| {
            // A menu bar to assistive technology, named, with its menus inside.
            let bar = egui::UiBuilder::new()
                .accessibility_role(egui::accesskit::Role::MenuBar)
                .accessibility_label("Menu bar");
            ui.scope_builder(bar, |ui| {
                egui::MenuBar::new().ui(ui, |ui| crate::ui::menus::menu_ui(self, ui, &mut actions));
            });
        });
        egui::Panel::top("toolbar").show(ui, |ui| toolbar_ui(self, ui, &mut actions));
        if !self.prefs.annotator_asked {
            egui::Panel::top("annotator_bar").show(ui, |ui| {
                annotator_bar_ui(&mut self.ui.annotator_field, ui, &mut actions);
            });
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| status_ui(self, ui));
        if let Some(doc) = &self.work.doc {
            egui::Panel::right("side_panel")
                .default_size(380.0)
                .min_size(260.0)
                .max_size(560.0)
                .show(ui, |ui| {
                    fixed_width(ui, |ui| {
                        actions.extend(crate::ui::panels::side_panel::side_panel_ui(
                            doc,
                            self.work.project.as_ref(),
                            &self.ui,
                            ui,
                        ));
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            actions.extend(crate::ui::article_view::article_ui(
                &self.work,
                &mut self.ui,
                self.prefs.font_size,
                ui,
            ));
        });
        actions.extend(crate::ui::dialogs::dialogs_ui(
            &mut self.ui.dialogs,
            self.work.doc.as_ref(),
            self.ui.current_speaker,
            &self.prefs.annotator,
            &ctx,
        ));
        actions.extend(crate::ui::dialogs::recovery::recovery_ui(
            &self.work,
            self.ui.selection,
            &ctx,
        ));
        self.ui.search.focus = false;
        for action in actions {
            self.apply(&ctx, action);
        }
        // Sticky mode marks a new selection through the same place as every other change.
        if let Some(action) = self.sticky_action(&ctx) {
            self.apply(&ctx, action);
        }
        self.poll_training(&ctx);
        self.autosave(&ctx);
        self.update_title(&ctx);
        // The window's accessible name: what a screen reader says when it comes to the front.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(self.ui.title.as_str());
        });
        if self.ui.dialogs.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let prefs = self.prefs();
        eframe::set_value(storage, crate::ui::workflow::PREFS_KEY, &prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit leaves no recovery file; an exit with unsaved changes the user did not
        // discard keeps it (written now, so the last second of work is in it too).
        if self.is_dirty() && !self.ui.dialogs.quit_confirmed {
            self.write_recovery_now();
        } else if !self.is_dirty()
            && let Err(e) = self.discard_recovery()
        {
            // The window is gone: stderr is the only place left to say it.
            eprintln!("newsmark: {e}");
        }
    }
}

impl NewsmarkApp {
    /// Keys, dropped files and the window's close button.
    fn input_actions(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        for file in ctx.input(|i| i.raw.dropped_files.clone()) {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                actions.push(Action::Open(path.to_owned()));
            }
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.is_dirty()
            && !self.ui.dialogs.quit_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ui.dialogs.confirm = Some(Pending::Quit);
        }
        let article = self.ui.view.text_id();
        let focus = ctx.memory(|m| m.focused());
        // An open menu keeps its keys: Escape closes it, and a letter never marks the article
        // behind it.
        let single_keys = !self.ui.dialogs.any_open()
            && !self.work.recovery.asks()
            && !egui::Popup::is_any_open(ctx)
            && (focus.is_none() || focus == article);
        let pressed = commands::pressed(
            ctx,
            commands::Focus {
                single_keys,
                nothing_focused: focus.is_none(),
                answering: self.ui.dialogs.mention.is_some()
                    || self.ui.dialogs.sharing.is_some()
                    || self.ui.dialogs.folder.is_some(),
            },
        );
        // The search field takes the keyboard in this very frame, so what is typed right after
        // Ctrl+F lands in it.
        if pressed.contains(&UiCommand::Find) {
            self.ui.search.focus = true;
        }
        actions.extend(pressed.into_iter().map(Action::Command));
        actions
    }
}

/// Runs `add` in exactly the room `ui` has left, clipping whatever is wider, so the panel
/// keeps the width the user gave it whichever editor it shows (only dragging its edge resizes
/// it).
fn fixed_width(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let rect = ui.available_rect_before_wrap();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.shrink_clip_rect(rect);
    add(&mut child);
    ui.allocate_rect(rect, egui::Sense::hover());
}

/// Asks once for the annotator's name, without blocking anything: it signs the sessions they
/// save (W3C `creator`, the ClaimReview author when no reviewer is set).
fn annotator_bar_ui(field: &mut String, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Your name, to sign the sessions you save:");
        let edit = ui
            .add(
                egui::TextEdit::singleline(field)
                    .hint_text("e.g. Ana Lima")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Use this name").clicked() || entered) && !field.trim().is_empty() {
            actions.push(Action::SetAnnotator(Some(field.clone())));
        }
        if ui.button("Not now").clicked() {
            actions.push(Action::SetAnnotator(None));
        }
    });
}

fn toolbar_ui(app: &NewsmarkApp, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    // Wraps onto a second row in a narrow window instead of clipping Redo, Sticky, Find, A±.
    ui.horizontal_wrapped(|ui| {
        let sel = app.ui.selection.is_some();
        for (cmd, tag) in [
            (UiCommand::MarkClaim, KindTag::Claim),
            (UiCommand::MarkQuote, KindTag::Quote),
            (UiCommand::MarkMention, KindTag::Mention),
        ] {
            let text = format!("{}  {}", tag.label(), cmd.shortcut_text());
            let r = ui
                .add_enabled(sel, egui::Button::new(text))
                .on_hover_text(cmd.tooltip())
                .on_disabled_hover_text("Select text in the article first");
            if r.clicked() {
                actions.push(Action::Command(cmd));
            }
        }
        ui.separator();
        let speaker_label = ui.label("speaker:");
        if let Some(doc) = &app.work.doc
            && let Some(choice) = crate::ui::panels::widgets::speaker_combo(
                doc,
                ui,
                "current_speaker",
                app.ui.current_speaker,
                "none",
                speaker_label.id,
            )
        {
            actions.push(Action::SetCurrentSpeaker(choice));
        }
        ui.separator();
        if ui
            .add_enabled(
                app.work.history.undo_label().is_some(),
                egui::Button::new("Undo"),
            )
            .on_hover_text(UiCommand::Undo.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::Undo));
        }
        if ui
            .add_enabled(
                app.work.history.redo_label().is_some(),
                egui::Button::new("Redo"),
            )
            .on_hover_text(UiCommand::Redo.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::Redo));
        }
        ui.separator();
        let sticky = match app.ui.sticky {
            Some(k) => format!("Sticky: {}", k.label()),
            None => "Sticky".to_owned(),
        };
        if ui
            .selectable_label(app.ui.sticky.is_some(), sticky)
            .on_hover_text(UiCommand::ToggleSticky.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::ToggleSticky));
        }
        ui.separator();
        if app.work.doc.is_some() {
            crate::ui::panels::search::search_ui(&app.ui.search, ui, actions);
            ui.separator();
        }
        if ui
            .button("A−")
            .on_hover_text(UiCommand::ZoomOut.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::ZoomOut));
        }
        ui.label(format!("{:.0}", app.prefs.font_size));
        if ui
            .button("A+")
            .on_hover_text(UiCommand::ZoomIn.hover_text())
            .clicked()
        {
            actions.push(Action::Command(UiCommand::ZoomIn));
        }
    });
}

fn status_ui(app: &NewsmarkApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        if let Some(doc) = &app.work.doc {
            let s = &doc.session;
            let file = doc
                .session_path
                .as_ref()
                .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
            let state = match (app.is_dirty(), &doc.session_path) {
                (true, _) => "unsaved changes",
                (false, Some(p)) if p.is_file() => "saved",
                (false, Some(_)) => "no changes, not saved yet",
                (false, None) => "no changes",
            };
            ui.label(format!(
                "{file} · {state} · {} · {} · {} · {} · {} · {}",
                crate::ui::style::count(s.count(KindTag::Quote), "quote"),
                crate::ui::style::count(s.count(KindTag::Claim), "claim"),
                crate::ui::style::count(s.count(KindTag::Mention), "mention"),
                crate::ui::style::count(s.speakers.len(), "speaker"),
                s.article.encoding.to_uppercase(),
                if s.article.had_crlf {
                    "CRLF shown as LF"
                } else {
                    "LF"
                },
            ));
            ui.separator();
        }
        if let Some(t) = &app.ui.suggestions.training {
            ui.add(
                egui::ProgressBar::new(t.fraction)
                    .desired_width(180.0)
                    .text(format!("Training: {}", t.stage)),
            );
            ui.separator();
        }
        // A long message ends in "…" at the window's edge; hovering shows it whole.
        let status = visual_ltr(&app.ui.status).into_owned();
        let r = ui.add(egui::Label::new(RichText::new(status.as_str()).weak()).truncate());
        // A polite live region: a screen reader says each new message once it is quiet.
        ui.ctx().accesskit_node_builder(r.id, |node| {
            node.set_live(egui::accesskit::Live::Polite);
        });
        r.on_hover_text(status);
    });
}
