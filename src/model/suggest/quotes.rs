//! Quotations: pairs of quotation marks, outermost only.
//!
//! Straight `"` and `''`, curly `“ ”` and `‘ ’`, guillemets `« »` and `‹ ›`, German `„ “` and
//! CJK `「 」` / `『 』`. A straight mark opens after a space and closes otherwise; `’` closes a
//! `‘` only when no letter follows (`don’t` is a word). A quotation still open at a line break
//! ends there, as news paragraphs that continue a quote leave it open.

use super::tokens::{TokKind, Token};
use crate::model::quotation::closer_of;

/// An outermost quotation, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark (or of the last token before the line break).
    pub close: usize,
    /// First code point (the opening mark).
    pub start: usize,
    /// One past the last code point (the closing mark).
    pub end: usize,
}

/// Finds the outermost quotations in order.
pub fn find_quotations(chars: &[char], toks: &[Token]) -> Vec<Quotation> {
    let mut out = Vec::new();
    // Open marks: (token index, expected closer).
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let c = match t.kind {
            TokKind::Break => {
                if let Some(&(open, _)) = stack.first() {
                    push(&mut out, toks, open, i.saturating_sub(1));
                }
                stack.clear();
                continue;
            }
            TokKind::Punct(c) => c,
            TokKind::Word => continue,
        };
        let before = t.start.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after = chars.get(t.end).copied();
        let spaced_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
        let expected = stack.last().map(|&(_, e)| e);
        let double_open = stack.iter().any(|&(_, e)| family(e) == Family::Double);
        let closes = match c {
            '"' => expected == Some('"') || (double_open && !spaced_before),
            '’' => {
                stack.iter().any(|&(_, e)| e == '’') && !after.is_some_and(char::is_alphanumeric)
            }
            '“' => {
                stack.iter().any(|&(_, e)| e == '“')
                    || (double_open && !spaced_before && after.is_none_or(|a| !a.is_alphanumeric()))
            }
            '”' | '»' | '›' | '」' | '』' => true,
            _ => false,
        };
        if closes {
            // Any closing double mark ends any opening one: newsrooms mix `"` and `”`.
            let target = stack.iter().rposition(|&(_, e)| family(e) == family(c));
            if let Some(pos) = target {
                let open = stack.get(pos).map(|&(o, _)| o);
                stack.truncate(pos);
                if let (true, Some(o)) = (stack.is_empty(), open) {
                    push(&mut out, toks, o, i);
                }
            }
            continue;
        }
        let opens = match c {
            '"' | '‘' => spaced_before || before.is_some_and(|b| "“‘\"'«".contains(b)),
            _ => closer_of(c).is_some(),
        };
        if let (true, Some(e)) = (opens, closer_of(c)) {
            stack.push((i, e));
        }
    }
    if let Some(&(open, _)) = stack.first() {
        push(&mut out, toks, open, toks.len().saturating_sub(1));
    }
    out
}

/// Kinds of marks that close one another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Corner,
    WhiteCorner,
}

/// The family of a closing mark.
fn family(closer: char) -> Family {
    match closer {
        '’' | '›' => Family::Single,
        '」' => Family::Corner,
        '』' => Family::WhiteCorner,
        _ => Family::Double,
    }
}

fn push(out: &mut Vec<Quotation>, toks: &[Token], open: usize, close: usize) {
    let (Some(o), Some(c)) = (toks.get(open), toks.get(close)) else {
        return;
    };
    if close > open {
        out.push(Quotation {
            open,
            close,
            start: o.start,
            end: c.end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars);
        find_quotations(&chars, &toks)
            .iter()
            .map(|q| chars[q.start..q.end].iter().collect())
            .collect()
    }

    #[test]
    fn every_style_of_mark_pairs_outermost_only() {
        assert_eq!(
            quoted("“We won’t ‘go’ back,” she said. \"No,\" he said."),
            ["“We won’t ‘go’ back,”", "\"No,\""]
        );
        assert_eq!(
            quoted("Er sagte: „Nein“ und «non» 「はい」."),
            ["„Nein“", "«non»", "「はい」"]
        );
        assert_eq!(quoted("''It is over,'' he said."), ["''It is over,''"]);
        assert_eq!(quoted("\"Mixed marks” close too."), ["\"Mixed marks”"]);
        assert_eq!(quoted("the voters’ ‘heads’ and rock ’n’ roll"), ["‘heads’"]);
    }

    #[test]
    fn an_open_quote_ends_at_the_line_break() {
        assert_eq!(
            quoted("“First part.\n“Second.”"),
            ["“First part.", "“Second.”"]
        );
    }
}
