//! The platform's file dialog (rfd), run on a thread so the window keeps painting.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use crate::io::formats::files::ImportFormat;

use super::Purpose;

/// Runs the platform file dialog on a thread so the window keeps painting. Tests and machines
/// without a dialog service get `None` and use the typed path.
pub(super) fn spawn(purpose: &Purpose, path: &str) -> Option<(Receiver<Option<PathBuf>>, Instant)> {
    if std::env::var_os("NEWSMARK_NO_NATIVE_DIALOG").is_some() {
        return None;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let purpose = purpose.clone();
    let start = PathBuf::from(path);
    std::thread::spawn(move || {
        let dialog = rfd::FileDialog::new();
        let dialog = match start.parent().filter(|p| p.is_dir()) {
            Some(dir) => dialog.set_directory(dir),
            None => dialog,
        };
        let suggested_name = start
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let picked = match purpose {
            Purpose::SaveAs => dialog
                .add_filter("newsmark session", &["ron"])
                .set_file_name(suggested_name)
                .save_file(),
            Purpose::Open => dialog
                .add_filter(
                    "Article, web page or session",
                    &[
                        "txt", "ron", "text", "md", "markdown", "html", "htm", "xhtml",
                    ],
                )
                .add_filter("All files", &["*"])
                .pick_file(),
            Purpose::Export(_) => dialog.set_file_name(suggested_name).save_file(),
            Purpose::Import(ImportFormat::Brat) => {
                dialog.add_filter("brat standoff", &["ann"]).pick_file()
            }
            Purpose::Import(ImportFormat::W3c) => dialog
                .add_filter("JSON-LD", &["json", "jsonld"])
                .pick_file(),
            Purpose::Compare => dialog.add_filter("newsmark session", &["ron"]).pick_file(),
            Purpose::LocateArticle { .. } => dialog.pick_file(),
            Purpose::OpenFolder => dialog.pick_folder(),
        };
        let _ = tx.send(picked);
    });
    Some((rx, Instant::now()))
}
