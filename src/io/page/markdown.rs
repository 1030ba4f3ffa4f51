//! A Markdown article as its text: headings, emphasis, links, images, code fences, quotes and
//! list bullets lose their markup; a paragraph's wrapped lines become one line.

/// The text of a Markdown document: blocks separated by a blank line.
pub fn to_text(md: &str) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut in_fence = false;
    let flush = |para: &mut Vec<String>, blocks: &mut Vec<String>| {
        if !para.is_empty() {
            blocks.push(para.join(" "));
            para.clear();
        }
    };
    for raw in md.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut para, &mut blocks);
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            blocks.push(line.to_owned());
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) || is_link_definition(trimmed) {
            flush(&mut para, &mut blocks);
            continue;
        }
        // Setext underlines ("===" or "---" under a line) end a heading.
        if !para.is_empty() && trimmed.chars().all(|c| c == '=' || c == '-') {
            flush(&mut para, &mut blocks);
            continue;
        }
        let mut text = trimmed;
        while let Some(rest) = text.strip_prefix('>') {
            text = rest.trim_start();
        }
        let heading = text.starts_with('#');
        if heading {
            text = text
                .trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim_end();
        }
        let item = list_item(text);
        if heading || item.is_some() {
            flush(&mut para, &mut blocks);
        }
        let inline = inline_text(item.unwrap_or(text));
        if heading {
            blocks.push(inline);
        } else if item.is_some() {
            para.push(inline);
            flush(&mut para, &mut blocks);
        } else {
            para.push(inline);
        }
    }
    flush(&mut para, &mut blocks);
    blocks.retain(|b| !b.trim().is_empty());
    blocks.join("\n\n")
}

fn is_rule(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| squeezed.chars().all(|c| c.to_string() == *m))
}

fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && line.contains("]:") && !line.starts_with("[^")
}

/// The text of a list item without its bullet ("- ", "* ", "+ ", "1. ", "1) ").
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    (digits > 0 && digits < 10)
        .then(|| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
        .flatten()
        .map(str::trim_start)
}

/// Inline markup removed: `**b**`, `*i*`, `_i_`, `~~s~~`, `` `code` ``, `[text](url)`,
/// `![alt](url)`, `<https://…>`, and backslash escapes.
fn inline_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => {
                // [text](url) or [text][ref]: keep the text.
                let Some(close) = find(&chars, i + 1, ']') else {
                    out.push(c);
                    i += 1;
                    continue;
                };
                let label: String = chars.get(i + 1..close).unwrap_or_default().iter().collect();
                let after = close + 1;
                let end = match chars.get(after) {
                    Some('(') => find(&chars, after + 1, ')').map(|e| e + 1),
                    Some('[') => find(&chars, after + 1, ']').map(|e| e + 1),
                    _ => Some(after),
                };
                out.push_str(&inline_text(&label));
                i = end.unwrap_or(after);
            }
            '<' if chars
                .get(i + 1..i + 5)
                .is_some_and(|p| p.iter().collect::<String>() == "http") =>
            {
                let end = find(&chars, i + 1, '>').unwrap_or(chars.len());
                out.extend(chars.get(i + 1..end).unwrap_or_default());
                i = end + 1;
            }
            '*' | '`' | '~' => i += 1,
            '_' if is_emphasis_underscore(&chars, i) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An underscore at a word's edge is emphasis; inside a word (`snake_case`) it is text.
fn is_emphasis_underscore(chars: &[char], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|b| chars.get(b))
        .is_some_and(|c| c.is_alphanumeric());
    let after = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
    !(before && after)
}

fn find(chars: &[char], from: usize, want: char) -> Option<usize> {
    chars
        .get(from..)?
        .iter()
        .position(|&c| c == want)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn markup_goes_text_stays() {
        let md = "# The *headline*\n\nA paragraph with **bold**, a [link](https://x.org) and\n\
                  a wrapped line, `code` and snake_case.\n\n- one\n- two\n\n> “Quoted,” she said.\n\n\
                  ---\n\n![a photo](p.jpg)\n\n[ref]: https://x.org\n";
        assert_eq!(
            to_text(md),
            "The headline\n\nA paragraph with bold, a link and a wrapped line, code and snake_case.\
             \n\none\n\ntwo\n\n“Quoted,” she said.\n\na photo"
        );
    }
}
