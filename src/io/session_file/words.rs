//! What is wrong with a session text, in words a user reads: merge conflicts by line, a file
//! that is not a session at all, and the RON parser's errors without Rust type names.

/// The first line (1-based) that is a git merge-conflict marker (`<<<<<<<`, `=======`,
/// `>>>>>>>`), if any. `conflict_line("(\n<<<<<<< HEAD\n")` is `Some(2)`.
pub fn conflict_line(text: &str) -> Option<usize> {
    text.lines().position(is_marker).map(|i| i + 1)
}

fn is_marker(line: &str) -> bool {
    let line = line.trim_end();
    line.starts_with("<<<<<<< ")
        || line == "<<<<<<<"
        || line.starts_with(">>>>>>> ")
        || line == ">>>>>>>"
        || line == "======="
        || line.starts_with("||||||| ")
}

/// Why `text` cannot be a session before the parser is asked, in words: it must begin (after
/// blank lines, `//` comments and a byte-order mark) with `(`.
pub fn not_a_session(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))?;
    if first.starts_with('(') || first.starts_with("#![") || first.starts_with("/*") {
        return None;
    }
    Some("not a newsmark session (it does not start with '(')".to_owned())
}

/// A RON parser error as "at line L, column C: what", with the names of newsmark's Rust types
/// left out (they mean nothing to a user).
pub fn ron_in_words(e: &ron::error::SpannedError) -> String {
    use ron::Error as E;
    let code = match e.code.clone() {
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => {
            "expected an opening '(' here".to_owned()
        }
        E::ExpectedDifferentStructName { .. } => {
            "a differently named entry was expected here".to_owned()
        }
        E::NoSuchStructField {
            expected, found, ..
        } => E::NoSuchStructField {
            expected,
            found,
            outer: None,
        }
        .to_string(),
        E::MissingStructField { field, .. } => {
            format!("the field '{field}' is missing")
        }
        E::DuplicateStructField { field, .. } => {
            format!("the field '{field}' is given twice")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => E::NoSuchEnumVariant {
            expected,
            found,
            outer: None,
        }
        .to_string(),
        E::Eof => "the file ends too early (it may be cut off)".to_owned(),
        other => without_type_names(
            &other.to_string(),
            "an entry in ( )",
            "one of the allowed names",
        ),
    };
    let mut chars = code.chars();
    let code: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    format!(
        "at line {}, column {}: {}",
        e.span.start.line, e.span.start.col, code
    )
}

/// `"invalid type: string \"x\", expected struct Annotation"` without `struct Annotation`:
/// a struct's name becomes `entry` ("an entry in ( )"), an enum's `choice` ("one of the
/// allowed names"); qualifiers such as "untagged" or "internally tagged" go with the name.
pub(crate) fn without_type_names(message: &str, entry: &str, choice: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut words = message.split(' ').peekable();
    while let Some(w) = words.next() {
        if matches!(w, "struct" | "enum" | "tuple")
            && words.peek().is_some_and(|n| {
                n.trim_matches(['`', '\'', ',', '"'])
                    .starts_with(char::is_uppercase)
            })
        {
            let name = words.next().unwrap_or_default();
            let comma = if name.ends_with(',') { "," } else { "" };
            while out
                .last()
                .is_some_and(|l| matches!(l.as_str(), "untagged" | "internally" | "tagged"))
            {
                out.pop();
            }
            let what = if w == "enum" { choice } else { entry };
            out.push(format!("{what}{comma}"));
            continue;
        }
        out.push(w.to_owned());
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_first_characters_are_named_in_words() {
        assert_eq!(
            conflict_line("(\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n"),
            Some(2)
        );
        assert_eq!(conflict_line("(note: \"=======\")"), None);
        assert_eq!(
            not_a_session("{\"a\": 1}").as_deref(),
            Some("not a newsmark session (it does not start with '(')")
        );
        assert_eq!(not_a_session("// header\n(format_version: 1)"), None);
        assert_eq!(
            without_type_names(
                "invalid type: string \"x\", expected struct Annotation",
                "an entry in ( )",
                "one of the allowed names"
            ),
            "invalid type: string \"x\", expected an entry in ( )"
        );
    }
}
