//! Help ▸ User guide: how to annotate an article, in a few short sections. Keys are read from
//! the command table, so the guide names the keys that work.

use egui::RichText;

use crate::ui::commands::UiCommand;

/// One section of the guide: a title and its paragraphs.
struct Section {
    title: &'static str,
    paragraphs: Vec<String>,
}

/// The key of `cmd` as menus show it ("Ctrl+S", "C").
fn k(cmd: UiCommand) -> String {
    cmd.shortcut_text()
}

/// The guide's sections, with today's keys.
fn sections() -> Vec<Section> {
    use UiCommand as C;
    vec![
        Section {
            title: "1. Open an article",
            paragraphs: vec![
                format!(
                    "File > Open ({}) opens an article (plain text) or a session (.ron). You can \
                     also drop a file on the window, open it from the file manager, or start \
                     newsmark FILE in a terminal. An article that already has a session opens \
                     with its annotations.",
                    k(C::Open)
                ),
                "newsmark decodes the text once (UTF-8, or Windows-1252 with a notice) and the \
                 status bar says what it did to it."
                    .into(),
            ],
        },
        Section {
            title: "2. Mark claims, quotes and mentions",
            paragraphs: vec![
                format!(
                    "Select text with the mouse (or Shift and the arrow keys), then press {} for a \
                     checkable claim, {} for a quote, {} for a mention of a speaker. The new \
                     annotation is selected in the side panel, where you edit its speaker, \
                     check-worthiness, verdict, sources and note.",
                    k(C::MarkClaim),
                    k(C::MarkQuote),
                    k(C::MarkMention)
                ),
                format!(
                    "{} and {} step through the annotations; {} deletes the selected one; {} \
                     undoes any change.",
                    k(C::NextAnnotation),
                    k(C::PrevAnnotation),
                    k(C::DeleteAnnotation),
                    k(C::Undo)
                ),
            ],
        },
        Section {
            title: "3. Who said it",
            paragraphs: vec![
                "A quote belongs to the current speaker: pick one in the toolbar, or press 1 to 9 \
                 for the speakers of the registry (0 for nobody)."
                    .into(),
                format!(
                    "After marking a quote, select its cue (\"said\") and press {}, the name or \
                     pronoun of its source and press {}, and a further part of a split quote and \
                     press {}. The open quote is outlined, with lines to its cue and source.",
                    k(C::SetCue),
                    k(C::SetSource),
                    k(C::AddQuotePart)
                ),
                format!(
                    "{} suggests quotes and mentions offline; {} accepts the first suggestion, \
                     {} rejects it.",
                    k(C::Suggest),
                    k(C::AcceptSuggestion),
                    k(C::RejectSuggestion)
                ),
            ],
        },
        Section {
            title: "4. Save, and never lose work",
            paragraphs: vec![
                format!(
                    "{} saves the session (Help > About says where); the article itself is never \
                     changed. Unsaved work is kept in a recovery file a second after each \
                     change, and offered back if newsmark was closed without saving.",
                    k(C::Save)
                ),
                "File > Export writes brat, W3C Web Annotation, CSV, ClaimReview or Citron, and \
                 says what it left out."
                    .into(),
            ],
        },
        Section {
            title: "5. Projects and teams",
            paragraphs: vec![format!(
                "File > Open Folder ({}) opens a folder of articles as a project: one session \
                 per article and annotator. {} and {} move between articles, {} marks one \
                 done. File > Compare with… sets another annotator's session beside yours.",
                k(C::OpenFolder),
                k(C::NextDocument),
                k(C::PrevDocument),
                k(C::ToggleDone)
            )],
        },
        Section {
            title: "6. More",
            paragraphs: vec![format!(
                "{} lists every command and its key. The README and `man newsmark` describe \
                 the command line (check, stats, export, import, agree, search, suggest).",
                k(C::Help)
            )],
        },
    ]
}

/// Draws the guide.
pub fn guide_ui(ui: &mut egui::Ui) {
    for section in sections() {
        ui.label(RichText::new(section.title).strong().size(15.0));
        for p in &section.paragraphs {
            ui.label(p.as_str());
        }
        ui.add_space(8.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guide names the keys of the command table, so it cannot name a key that no longer
    /// works.
    #[test]
    fn the_guide_names_todays_keys() {
        let text: String = sections()
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
            .collect();
        for cmd in [
            UiCommand::Open,
            UiCommand::Save,
            UiCommand::SetCue,
            UiCommand::Help,
        ] {
            assert!(text.contains(&cmd.shortcut_text()), "{cmd:?}");
        }
        assert!(text.contains("press C for a checkable claim"), "{text}");
    }
}
