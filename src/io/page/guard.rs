//! A linear look at a page before it is parsed: how deep its elements nest. An HTML parser
//! checks the stack of open elements at every tag, so a page nested thousands deep (a broken
//! export, or one made to stall readers) would take minutes; such a page is refused instead.

/// Deepest nesting read; news pages nest well under 100.
pub const MAX_DEPTH: usize = 1000;

/// Elements that never have content, and elements whose end tag may be left out (the parser
/// closes them itself): neither makes a page deeper.
const FLAT: [&str; 31] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html",
];

/// Text-only elements whose content is not markup.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// The deepest the page's elements nest, estimated from its tags without parsing it.
pub fn max_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)) {
        let at = i + off;
        let rest = html.get(at..).unwrap_or_default();
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = at + if closing { 2 } else { 1 };
        let name: String = html
            .get(name_start..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let end = bytes
            .get(at..)
            .and_then(|b| memchr::memchr(b'>', b))
            .map_or(bytes.len(), |e| at + e);
        i = end + 1;
        if name.is_empty() || FLAT.contains(&name.as_str()) || name == "head" || name == "body" {
            continue;
        }
        let self_closing = bytes.get(end.saturating_sub(1)) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
            if RAW.contains(&name.as_str()) {
                // Skip to the element's end tag: `<` inside a script is not a tag.
                let close = format!("</{name}");
                let lower_end = html
                    .get(i..)
                    .and_then(|r| find_ci(r, &close))
                    .map_or(bytes.len(), |e| i + e);
                i = lower_end;
            }
        }
    }
    max
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::max_depth;

    #[test]
    fn depth_is_counted_from_the_tags() {
        assert_eq!(
            max_depth("<html><body><div><p>a<p>b<br><div>c</div></div>"),
            2
        );
        assert_eq!(
            max_depth("<div><script>if (a<b) { x = '<div>' }</script></div>"),
            2
        );
        assert_eq!(max_depth("<!-- <div><div> --><img src=x/>"), 0);
        let deep = "<div>".repeat(5000);
        assert_eq!(max_depth(&deep), 5000);
    }
}
