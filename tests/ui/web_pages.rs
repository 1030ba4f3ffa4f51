//! Saved web pages and Markdown files opened in the window: the text is extracted once beside
//! the page, the session knows where it came from, and a changed page is reported.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::path::{Path, PathBuf};

use crate::common::harness_for;
use newsmark::ui::NewsmarkApp;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

/// Copies a fixture page into `dir`.
fn copy(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(fixture(name), &to).unwrap();
    to
}

#[test]
fn a_page_opens_as_its_article_written_once_beside_it_with_provenance_and_publication() {
    let dir = tempfile::tempdir().unwrap();
    let page = copy(dir.path(), "news.html");
    let mut h = harness_for(&page, &dir.path().join("saves"));
    let status = h.state().status().to_owned();
    assert!(
        status.contains("extracted the article of news.html"),
        "{status}"
    );
    crate::common::mark(&mut h, "58 million euros", egui::Key::C);
    let doc = h.state().document().unwrap();
    assert!(doc.text.as_str().contains("\nThe harbour authority said"));
    assert!(!doc.text.as_str().contains("Share on"));
    let written = std::fs::read_to_string(dir.path().join("news.txt")).unwrap();
    assert_eq!(written.trim_end(), doc.text.as_str().trim_end());
    assert!(doc.session.article.path.ends_with("news.txt"));
    let source = doc.session.source.as_ref().unwrap();
    assert_eq!(source.page, "news.html");
    assert_eq!(source.extractor, "dom_smoothie");
    assert_eq!(source.sha256.len(), 64);
    let url = "https://coastalherald.example/news/2024/03/05/breakwater-delayed";
    assert_eq!(source.url, url);
    let p = &doc.session.publication;
    assert_eq!(
        (
            p.article_url.as_str(),
            p.outlet.as_str(),
            p.article_date.as_str()
        ),
        (url, "The Coastal Herald", "2024-03-05")
    );
    // W3C export names the page's URL as every target's source.
    let w3c = newsmark::io::formats::w3c::export(doc);
    assert!(w3c.contains(&format!("\"source\": \"{url}\"")), "{w3c}");
}

#[test]
fn reopening_keeps_the_saved_text_and_reports_a_changed_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = copy(dir.path(), "news.html");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&page, &saves);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(saves.join("news.ron").is_file(), "{}", h.state().status());
    let text = h.state().document().unwrap().text.as_str().to_owned();
    // The page changes on disk (a newer version saved over it).
    let changed = std::fs::read_to_string(&page)
        .unwrap()
        .replace("two years later", "three years later");
    std::fs::write(&page, changed).unwrap();
    let h = harness_for(&saves.join("news.ron"), &saves);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.text.as_str(), text, "never re-extracted silently");
    let status = h.state().status();
    assert!(
        status.contains("news.html changed since its text was extracted"),
        "{status}"
    );
}

#[test]
fn an_existing_different_text_file_is_kept_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let page = copy(dir.path(), "og.html");
    let mine = "Der Stadtrat hat am Donnerstag – my corrected copy.\n";
    std::fs::write(dir.path().join("og.txt"), mine).unwrap();
    let h = harness_for(&page, &dir.path().join("saves"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("og.txt")).unwrap(),
        mine
    );
    assert_eq!(h.state().document().unwrap().text.as_str(), mine);
    assert!(
        h.state()
            .status()
            .contains("og.txt is not what og.html gives now")
    );
}

#[test]
fn a_page_without_an_article_is_an_error_not_an_empty_session() {
    let dir = tempfile::tempdir().unwrap();
    let page = copy(dir.path(), "navigation_only.html");
    let (app, err) = NewsmarkApp::new(dir.path().join("saves"))
        .typed_paths_only()
        .open_now(&page);
    let err = err.unwrap().to_string();
    assert!(
        err.contains("found no article text: 12 words of navigation"),
        "{err}"
    );
    assert!(app.document().is_none());
    assert!(!dir.path().join("navigation_only.txt").exists());
}

#[test]
fn a_dropped_web_page_complete_folder_opens_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let article = crate::common::copy_sample(dir.path(), "a.txt");
    let folder = dir.path().join("saved");
    std::fs::create_dir_all(folder.join("story_files")).unwrap();
    std::fs::copy(fixture("complete/story.html"), folder.join("story.html")).unwrap();
    let mut h = harness_for(&article, &dir.path().join("saves"));
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(folder.join("story_files"))));
    h.run_steps(2);
    let doc = h.state().document().unwrap();
    assert!(
        doc.text.as_str().starts_with("Tickets on the island ferry"),
        "{}",
        h.state().status()
    );
    assert_eq!(doc.session.publication.article_date, "2024-04-02");
}

#[test]
fn markdown_opens_as_its_text_without_markup() {
    let dir = tempfile::tempdir().unwrap();
    let md = copy(dir.path(), "story.md");
    let h = harness_for(&md, &dir.path().join("saves"));
    let doc = h.state().document().unwrap();
    assert!(
        doc.text
            .as_str()
            .starts_with("Bridge repairs to start in May\n\n")
    );
    assert!(!doc.text.as_str().contains("**"));
    assert_eq!(
        doc.session.source.as_ref().unwrap().extractor,
        "newsmark-markdown"
    );
}

#[test]
fn projects_list_pages_and_markdown_until_their_text_is_written() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), "news.html");
    copy(dir.path(), "story.md");
    std::fs::create_dir(dir.path().join("news_files")).unwrap();
    std::fs::write(dir.path().join("news_files/x.html"), "<p>script frame</p>").unwrap();
    let names = |d: &Path| -> Vec<String> {
        newsmark::io::project::articles(d)
            .unwrap()
            .iter()
            .map(|p| newsmark::io::project::relative_name(d, p))
            .collect()
    };
    assert_eq!(names(dir.path()), ["news.html", "story.md"]);
    newsmark::io::document::Document::open(&dir.path().join("news.html")).unwrap();
    assert_eq!(names(dir.path()), ["news.txt", "story.md"]);
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn copied_html() -> Option<newsmark::ui::dialogs::paste::Clip> {
    Some(newsmark::ui::dialogs::paste::Clip {
        content: "<meta charset=\"utf-8\"><h2>Bridge to close</h2><p>The old bridge will close \
                  for six weeks from May, the city said.</p><p>“It is the last repair,” said \
                  engineer Ida Moreau.</p><script>track()</script>"
            .into(),
        html: true,
    })
}

#[test]
fn ctrl_shift_v_makes_an_article_of_the_copied_html_and_asks_for_its_url() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    let article = crate::common::copy_sample(dir.path(), "a.txt");
    let (app, _) = NewsmarkApp::new(saves.clone())
        .typed_paths_only()
        .with_clipboard(copied_html)
        .open_now(&article);
    let mut h = crate::common::harness(app);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::V,
    );
    h.run_steps(3);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "URL:")
        .type_text("https://city.example/bridge");
    h.run_steps(1);
    h.get_by_label("Create").click();
    h.run_steps(3);
    let doc = h.state().document().unwrap();
    assert_eq!(
        doc.text.as_str().trim_end(),
        "Bridge to close\n\nThe old bridge will close for six weeks from May, the city said.\n\n\
         “It is the last repair,” said engineer Ida Moreau.",
        "{}",
        h.state().status()
    );
    assert_eq!(
        doc.session.publication.article_url,
        "https://city.example/bridge"
    );
    let source = doc.session.source.as_ref().unwrap();
    assert!(source.page.starts_with("pasted-") && source.page.ends_with(".html"));
    let kept = saves.join("pasted").join(&source.page);
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("Bridge to close")
    );
}

#[test]
fn an_empty_clipboard_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let article = crate::common::copy_sample(dir.path(), "a.txt");
    let (app, _) = NewsmarkApp::new(dir.path().join("saves"))
        .typed_paths_only()
        .with_clipboard(|| None)
        .open_now(&article);
    let mut h = crate::common::harness(app);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::V,
    );
    h.run_steps(2);
    assert!(h.state().status().contains("clipboard holds no text"));
    assert!(h.state().document().unwrap().display_name() == "a.txt");
}

#[test]
fn opening_a_changed_page_again_opens_its_session_on_the_saved_text_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let page = copy(dir.path(), "jsonld.html");
    let saves = dir.path().join("saves");
    let mut h = harness_for(&page, &saves);
    crate::common::mark(&mut h, "twelve per cent", egui::Key::C);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    let text = h.state().document().unwrap().text.as_str().to_owned();
    let newer = std::fs::read_to_string(&page)
        .unwrap()
        .replace("twelve per cent", "fifteen per cent");
    std::fs::write(&page, newer).unwrap();
    let h = harness_for_user(&page, &saves);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.text.as_str(), text);
    assert_eq!(doc.session.annotations.len(), 1);
    let status = h.state().status();
    assert!(status.contains("has a session already"), "{status}");
    assert!(
        status.contains("jsonld.html changed since its text was extracted"),
        "{status}"
    );
    assert!(
        std::fs::read_to_string(dir.path().join("jsonld.txt"))
            .unwrap()
            .contains("twelve per cent")
    );
}

/// A window opened on `path` as File ▸ Open does (an article with a session opens it).
fn harness_for_user(path: &Path, saves: &Path) -> egui_kittest::Harness<'static, NewsmarkApp> {
    let mut app = NewsmarkApp::new(saves.to_owned()).typed_paths_only();
    assert_eq!(app.open_as_user_would(path), None);
    crate::common::harness(app)
}
