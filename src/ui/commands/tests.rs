//! Tests of the command table.
use super::*;

/// Two commands on one key would make one of them unreachable.
#[test]
fn no_two_commands_share_a_key() {
    let mut seen: Vec<((bool, Modifiers, Key), UiCommand)> = Vec::new();
    for &c in UiCommand::ALL {
        for t in c.triggers() {
            let id = t.identity();
            if let Some((_, other)) = seen.iter().find(|(k, _)| *k == id) {
                panic!("{c:?} and {other:?} share {id:?}");
            }
            seen.push((id, c));
        }
    }
}

#[test]
fn the_help_lists_every_command_once_and_the_digits_on_one_row() {
    let rows = help_rows();
    let speaker: Vec<_> = rows
        .iter()
        .filter(|(l, _, _)| *l == "Current speaker")
        .collect();
    assert_eq!(speaker.len(), 1);
    assert_eq!(speaker[0].1, "1, 2, 3, 4, 5, 6, 7, 8, 9, 0");
    let redo = rows.iter().find(|(l, _, _)| *l == "Redo").unwrap();
    assert_eq!(redo.1, "Ctrl+Y, Ctrl+Shift+Z");
    // The ten speaker digits are one row, and so are the nine answer digits.
    assert_eq!(rows.len(), UiCommand::ALL.len() - 9 - 8);
}

/// Keys are named as they are typed ("[", not "OpenBracket").
#[test]
fn keys_are_named_as_typed() {
    let rows = help_rows();
    let key = |label: &str| {
        rows.iter()
            .find(|(l, _, _)| *l == label)
            .map(|(_, k, _)| k.clone())
            .unwrap_or_default()
    };
    assert_eq!(key("Take A"), "[");
    assert_eq!(key("Take B"), "]");
    assert_eq!(key("Both"), "\\");
    assert_eq!(key("Next undecided"), ".");
    assert_eq!(key("Source of the open quote"), "W");
    for (label, keys, _) in &rows {
        assert!(
            !keys.contains("Bracket") && !keys.contains("Backslash") && !keys.contains("Period"),
            "{label}: {keys}"
        );
    }
}

/// The README's key table is the command table's: regenerate it with the table this prints.
#[test]
fn the_readme_key_table_is_the_command_table() {
    let readme = include_str!("../../../README.md");
    let start = "<!-- keys: generated from src/ui/commands; a test checks it -->\n";
    let end = "<!-- end of keys -->";
    let from = readme.find(start).map(|i| i + start.len());
    let to = readme.find(end);
    let (Some(from), Some(to)) = (from, to) else {
        panic!("README.md lacks the key table markers");
    };
    let expected = markdown_key_table();
    assert!(
        readme.get(from..to) == Some(expected.as_str()),
        "README.md's key table differs from the command table; it should be:\n{expected}"
    );
}

/// The README's key table, made from the command table: one row per [`help_rows`] row that
/// has a key, `| label | keys |`, keys in backticks. A test keeps the README equal to it.
fn markdown_key_table() -> String {
    let mut out = String::from("| Command | Keys |\n|---|---|\n");
    for (label, keys, _) in help_rows() {
        if keys.is_empty() {
            continue;
        }
        let keys: Vec<String> = keys
            .split(", ")
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect();
        out.push_str(&format!("| {label} | {} |\n", keys.join(", ")));
    }
    out
}
