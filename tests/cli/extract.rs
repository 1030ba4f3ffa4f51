//! `newsmark extract`: saved web pages in several layouts, scripts and encodings, and the bad
//! pages a user meets, answered clearly.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::path::{Path, PathBuf};

use crate::cli_support::{newsmark, stderr, stdout};

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// `extract PAGE --json` on a fixture, parsed.
fn json_of(page: &str) -> serde_json::Value {
    let o = newsmark(&["extract", page, "--json"], &pages());
    assert!(o.status.success(), "{page}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn a_news_page_gives_its_article_without_navigation_ads_share_buttons_or_other_stories() {
    let j = json_of("news.html");
    assert_eq!(j["title"], "Breakwater delayed by two years");
    assert_eq!(j["byline"], "Jonas Berg");
    assert_eq!(j["published"], "2024-03-05T09:30:00+01:00");
    // The canonical URL wins over og:url (which carries a tracking parameter).
    assert_eq!(
        j["url"],
        "https://coastalherald.example/news/2024/03/05/breakwater-delayed"
    );
    assert_eq!(j["site"], "The Coastal Herald");
    assert_eq!(j["lang"], "en");
    let text = j["text"].as_str().unwrap();
    // Readability keeps the story's own byline line and date; the story starts after them.
    assert!(
        text.starts_with("By Jonas Berg\n\n5 March 2024\n\nThe harbour authority"),
        "{text}"
    );
    assert!(
        text.contains("58 million euros.\n\nBoats damaged\n\nFishermen"),
        "{text}"
    );
    assert!(text.ends_with("engineering plans."), "{text}");
    for junk in [
        "Subscribe",
        "ADVERTISEMENT",
        "Share on",
        "Ferry timetable",
        "Lighthouse",
        "Comments are closed",
        "Privacy",
        "dataLayer",
        "height:",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in:\n{text}");
    }
    // The fields come in the documented order.
    let out = stdout(&newsmark(&["extract", "news.html", "--json"], &pages()));
    let at = |k: &str| out.find(&format!("\"{k}\":")).unwrap();
    let keys = [
        "title",
        "byline",
        "published",
        "url",
        "site",
        "lang",
        "dir",
        "text",
    ];
    assert!(keys.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
}

#[test]
fn schema_org_json_ld_gives_authors_date_outlet_and_url() {
    let j = json_of("jsonld.html");
    assert_eq!(j["title"], "Library hours cut as budget shrinks");
    assert_eq!(j["byline"], "Priya Nair, Tom Okafor");
    assert_eq!(j["published"], "2023-11-20T07:00:00Z");
    assert_eq!(j["site"], "Valley Post");
    assert_eq!(j["url"], "https://valleypost.example/2023/library-hours");
    assert!(!j["text"].as_str().unwrap().contains("newsletter"));
}

#[test]
fn open_graph_gives_title_url_and_outlet() {
    let j = json_of("og.html");
    assert_eq!(j["title"], "Stadtrat beschließt neue Radwege");
    assert_eq!(j["url"], "https://stadtblatt.example/artikel/radwege");
    assert_eq!(j["site"], "Stadtblatt");
    assert_eq!(j["published"], serde_json::Value::Null);
    assert!(
        j["text"]
            .as_str()
            .unwrap()
            .contains("„Das ist der größte Ausbau")
    );
}

#[test]
fn an_arabic_page_is_right_to_left() {
    let j = json_of("rtl_arabic.html");
    assert_eq!(
        (j["dir"].as_str(), j["lang"].as_str()),
        (Some("rtl"), Some("ar"))
    );
    assert_eq!(j["published"], "2024-06-12");
    let text = j["text"].as_str().unwrap();
    assert!(text.starts_with("افتتحت البلدية"), "{text}");
    assert!(
        !text.contains("الرئيسية") && !text.contains("محفوظة"),
        "{text}"
    );
}

#[test]
fn pages_in_windows_1252_and_shift_jis_are_read_by_their_meta_charset() {
    let fr = json_of("windows1252.html");
    assert!(
        fr["text"]
            .as_str()
            .unwrap()
            .contains("« Les enfants seront accueillis")
    );
    assert_eq!(fr["site"], "Le Petit Écho");
    let ja = json_of("shift_jis.html");
    assert_eq!(ja["title"], "市立図書館、開館時間を延長へ");
    assert!(
        ja["text"]
            .as_str()
            .unwrap()
            .contains("図書館長の田中花子氏")
    );
    let o = newsmark(&["extract", "shift_jis.html"], &pages());
    assert!(stderr(&o).contains("read as shift_jis"), "{}", stderr(&o));
}

#[test]
fn a_page_declared_utf8_but_in_latin1_is_read_and_the_user_told() {
    let o = newsmark(&["extract", "wrong_charset.html"], &pages());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Élodie Marchand"));
    assert!(
        stderr(&o).contains("declares UTF-8 but its bytes are not: read as Windows-1252"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_pages_get_clear_answers_and_a_failing_exit() {
    let cases = [
        ("empty.html", "empty.html is empty"),
        (
            "navigation_only.html",
            "found no article text: 12 words of navigation",
        ),
        (
            "binary.html",
            "binary.html is not a web page: it contains NUL bytes",
        ),
        ("missing.html", "cannot read web page missing.html"),
    ];
    for (page, want) in cases {
        let o = newsmark(&["extract", page], &pages());
        assert_eq!(o.status.code(), Some(2), "{page}");
        assert!(stderr(&o).contains(want), "{page}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{page}");
    }
}

#[test]
fn a_50_mb_page_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.html");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 << 20)
        .unwrap();
    let o = newsmark(&["extract", "big.html"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("52428800 bytes, more than"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_is_written_once_and_a_different_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(pages().join("og.html"), d.join("og.html")).unwrap();
    let o = newsmark(&["extract", "og.html", "-o", "og.txt"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(d.join("og.txt")).unwrap();
    assert!(text.starts_with("Der Stadtrat hat am Donnerstag") && text.ends_with(".\n"));
    // The same text again: fine.
    assert!(
        newsmark(&["extract", "og.html", "-o", "og.txt"], d)
            .status
            .success()
    );
    std::fs::write(d.join("og.txt"), "my notes").unwrap();
    let o = newsmark(&["extract", "og.html", "-o", "og.txt"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("exists with other text"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("og.txt")).unwrap(),
        "my notes"
    );
}

#[test]
fn a_folder_is_converted_with_one_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = newsmark(
        &["extract", ".", "-o", out.to_str().unwrap(), "--json"],
        &pages(),
    );
    let err = stderr(&o);
    // Three bad pages make the exit 1; the others are written.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("11 page(s) in .: 8 written, 0 unchanged, 0 kept (a different file was there), 3 without an article"),
        "{err}"
    );
    assert!(err.contains("found no article text"), "{err}");
    for name in [
        "news",
        "jsonld",
        "og",
        "rtl_arabic",
        "windows1252",
        "shift_jis",
        "story",
    ] {
        assert!(out.join(format!("{name}.txt")).is_file(), "{name}.txt");
    }
    let md = std::fs::read_to_string(out.join("story.txt")).unwrap();
    assert!(md.starts_with("Bridge repairs to start in May\n\nThe city will close the old bridge"));
    assert!(
        !md.contains('*') && !md.contains("](") && !md.contains("> "),
        "{md}"
    );
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("news.json")).unwrap()).unwrap();
    assert_eq!(j["byline"], "Jonas Berg");
}

#[test]
fn a_web_page_complete_folder_is_its_page() {
    let o = newsmark(&["extract", "complete", "--json"], &pages());
    assert!(o.status.success(), "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Readability keeps the outlet in a title of four words or fewer.
    assert_eq!(j["title"], "Ferry prices rise again | The Coastal Herald");
    assert_eq!(j["url"], "https://coastalherald.example/news/ferry-prices");
    assert_eq!(j["published"], "2024-04-02");
}

#[test]
fn a_page_nested_thousands_deep_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body>{}<p>{}</p></body></html>",
        "<div>".repeat(100_000),
        "word ".repeat(100)
    );
    std::fs::write(dir.path().join("deep.html"), page).unwrap();
    let o = newsmark(&["extract", "deep.html"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("its elements nest 100000 deep, more than the 1000"),
        "{}",
        stderr(&o)
    );
}
