//! Project folders through the built binary: `newsmark search DIR QUERY`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failure should panic with its message"
)]

use std::path::Path;
use std::process::{Command, Output};

fn newsmark(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

#[test]
fn search_lists_code_point_offsets_in_every_article_and_skips_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("wire/.newsmark")).unwrap();
    // BOM and CRLF are normalized away; the emoji and the curly quote count one each.
    std::fs::write(
        d.join("wire/a.txt"),
        "\u{feff}Stoltenberg 😀 said “NATO”\r\nand NATO again.\r\n",
    )
    .unwrap();
    std::fs::write(d.join("b.txt"), "Nothing here about the alliance.\n").unwrap();
    std::fs::write(d.join("wire/.newsmark/c.txt"), "NATO in a hidden folder\n").unwrap();
    let o = newsmark(&["search", ".", "nato"], d);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "wire/a.txt:20: Stoltenberg 😀 said “[NATO]” and NATO again. ",
            "wire/a.txt:30: Stoltenberg 😀 said “NATO” and [NATO] again. ",
        ]
    );
    let o = newsmark(&["search", ".", "absent words"], d);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(d.join("bin.txt"), b"\x00\x01\x02").unwrap();
    let o = newsmark(&["search", ".", "nato"], d);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bin.txt is not a text article"));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
}
