//! A quote selected with its opening quotation mark takes in the closing one too, so a
//! hand-made selection that stops one character short still gives a balanced quote.

use super::annotation::Span;
use super::text::ArticleText;

/// Punctuation that may sit between a quote's last word and its closing mark (`that,”`).
const INNER_PUNCTUATION: [char; 6] = [',', '.', ';', ':', '!', '?'];

/// The closing mark expected for an opening mark, or `None` if `c` opens nothing: `“ ”`,
/// `‘ ’`, `« »`, `‹ ›`, German `„ “`, CJK `「 」` and `『 』`, and straight `"` closing itself.
/// The core's rule, which the quote finder in `suggest` uses too.
pub fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        '‹' => '›',
        '„' => '“',
        '「' => '」',
        '『' => '』',
        '"' => '"',
        _ => return None,
    })
}

/// `span` extended over the closing quotation mark when it starts with an opening mark whose
/// closer is not inside it and follows right after it (maybe after one punctuation mark).
/// Returns `span` unchanged otherwise.
pub fn take_in_closing_mark(text: &ArticleText, span: Span) -> Span {
    let inside: Vec<char> = text.slice(span.start..span.end).chars().collect();
    let Some(close) = inside.first().copied().and_then(closer_of) else {
        return span;
    };
    if inside[1..].contains(&close) {
        return span;
    }
    let after: Vec<char> = text.slice(span.end..span.end + 2).chars().collect();
    let reach = match after.as_slice() {
        [c, ..] if *c == close => 1,
        [p, c, ..] if INNER_PUNCTUATION.contains(p) && *c == close => 2,
        _ => return span,
    };
    Span::new(span.start, span.end + reach)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn took(text: &str, selected: &str) -> String {
        let t = ArticleText::new(text.into());
        let byte = text.find(selected).unwrap_or(0);
        let start = text[..byte].chars().count();
        let span = Span::new(start, start + selected.chars().count());
        let s = take_in_closing_mark(&t, span);
        t.slice(s.start..s.end).to_owned()
    }

    #[test]
    fn the_closing_mark_comes_along_with_the_opening_one() {
        let text = "He said: “We regret that,” and left. « Non », dit-il. 「はい」";
        assert_eq!(took(text, "“We regret that"), "“We regret that,”");
        assert_eq!(took(text, "“We regret that,"), "“We regret that,”");
        assert_eq!(took(text, "« Non "), "« Non »");
        assert_eq!(took(text, "「はい"), "「はい」");
    }

    #[test]
    fn nothing_changes_without_an_opening_mark_or_with_the_closer_inside() {
        let text = "He said: “We regret that,” and left. “Yes” “no";
        assert_eq!(took(text, "We regret that"), "We regret that");
        assert_eq!(took(text, "“We regret that,”"), "“We regret that,”");
        assert_eq!(took(text, "“Yes”"), "“Yes”");
        // The next mark is too far: the selection is left as it is.
        assert_eq!(took(text, "“We regret"), "“We regret");
        assert_eq!(took(text, "“no"), "“no", "the end of the text");
    }
}
