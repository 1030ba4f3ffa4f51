//! The text of an article's HTML as blocks: every paragraph, heading, quote and list is a block
//! separated from the next by a blank line (also when it follows loose text, such as a date
//! right before the first paragraph); list items and `<br>` lines are lines of their block.

use dom_query::NodeRef;

/// Elements that are blocks of their own.
const BLOCKS: [&str; 28] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "table",
    "article",
    "section",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
];

/// Elements that are lines inside a block.
const LINES: [&str; 6] = ["li", "dt", "dd", "tr", "caption", "hr"];

/// Elements whose content is never text a reader sees.
const HIDDEN: [&str; 5] = ["script", "style", "noscript", "template", "head"];

enum Step<'a> {
    Open(NodeRef<'a>),
    Close(Break),
}

#[derive(Clone, Copy)]
enum Break {
    Block,
    Line,
    Cell,
    None,
}

/// The text of `root`'s descendants, blocks separated by a blank line.
pub fn block_text(root: &NodeRef) -> String {
    let mut out = String::new();
    let mut steps: Vec<Step> = root.children_it(true).map(Step::Open).collect();
    while let Some(step) = steps.pop() {
        match step {
            Step::Close(b) => end(&mut out, b),
            Step::Open(node) if node.is_text() => push_text(&mut out, &node.text()),
            Step::Open(node) if node.is_element() => {
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                let name = name.as_str();
                if HIDDEN.contains(&name) {
                    continue;
                }
                if name == "br" {
                    out.truncate(out.trim_end_matches(' ').len());
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    continue;
                }
                let kind = if BLOCKS.contains(&name) {
                    Break::Block
                } else if LINES.contains(&name) {
                    Break::Line
                } else if matches!(name, "td" | "th") {
                    Break::Cell
                } else {
                    Break::None
                };
                end(&mut out, kind);
                if name == "pre" {
                    out.push_str(node.text().trim_end());
                    end(&mut out, Break::Block);
                    continue;
                }
                steps.push(Step::Close(kind));
                steps.extend(node.children_it(true).map(Step::Open));
            }
            Step::Open(_) => {}
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Ends what came before a break: a blank line before and after a block, a line break around
/// a line, a space between cells.
fn end(out: &mut String, b: Break) {
    if out.is_empty() {
        return;
    }
    let want = match b {
        Break::Block => 2,
        Break::Line => 1,
        Break::Cell => {
            if !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            return;
        }
        Break::None => return,
    };
    out.truncate(out.trim_end_matches(' ').len());
    let have = out.len() - out.trim_end_matches('\n').len();
    for _ in have..want {
        out.push('\n');
    }
}

/// Text with its white space collapsed, a space kept where it separates words.
fn push_text(out: &mut String, text: &str) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        if !text.is_empty() && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        return;
    }
    if text.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    out.push_str(&words.join(" "));
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::block_text;

    fn text(html: &str) -> String {
        let doc = dom_query::Document::from(html);
        let body = doc.select("body");
        body.nodes().first().map(block_text).unwrap_or_default()
    }

    #[test]
    fn blocks_lines_and_loose_text() {
        assert_eq!(
            text(
                "<div><time>5 March</time><p>First <b>bold</b>\n  para.</p><h2>Head</h2>\
                  <ul><li>one</li><li>two</li></ul>line<br>next<script>x()</script></div>"
            ),
            "5 March\n\nFirst bold para.\n\nHead\n\none\ntwo\n\nline\nnext"
        );
        assert_eq!(text("<table><tr><td>a</td><td>b</td></tr></table>"), "a b");
        assert_eq!(
            text("<pre>  x = 1\n  y = 2</pre><p>after</p>"),
            "  x = 1\n  y = 2\n\nafter"
        );
    }
}
