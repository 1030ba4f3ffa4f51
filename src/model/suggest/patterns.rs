//! Attributions without a cue word: transcript turns and headlines (`NAME: …`).

use super::Doc;
use super::attribution::Found;
use super::sources::is_pronoun;
use super::tokens::TokKind;
use super::words::BOUNDARY;

/// Labels before a colon that introduce no speaker ("UPDATE:", "Editor’s Note:").
const NOT_SPEAKERS: [&str; 14] = [
    "update",
    "updated",
    "note",
    "editor’s",
    "editor's",
    "watch",
    "photo",
    "read",
    "related",
    "source",
    "sources",
    "video",
    "listen",
    "breaking",
];

/// Turns of a transcript or a headline: a paragraph that opens with a short name and a colon
/// (`FALLIN: I think …`, `Pat Caddell: Voters are worried`). Returns the colon's token index
/// and what it attributes.
pub fn turns(doc: &Doc) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    let starts = std::iter::once(0).chain(
        doc.toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokKind::Break)
            .map(|(i, _)| i + 1),
    );
    for p in starts {
        let name_len = (p..p + 5)
            .take_while(|&i| {
                doc.tok(i).is_some_and(|t| {
                    // "Clinton camp:" but not "Hannity interjected:" or "He tells the crowd:".
                    let verb_like = t.lower.ends_with("ed") || t.lower.ends_with('s');
                    let lower_ok = i > p && !BOUNDARY.contains(&t.lower.as_str()) && !verb_like;
                    let name = t.is_word() && (t.cap || lower_ok) && !is_pronoun(t);
                    (name && !NOT_SPEAKERS.contains(&t.lower.as_str())) || t.is('.') || t.is('-')
                })
            })
            .count();
        let colon = p + name_len;
        if name_len == 0 || name_len > 4 || !doc.tok(colon).is_some_and(|t| t.is(':')) {
            continue;
        }
        let end = (colon..doc.toks.len())
            .find(|&i| doc.tok(i).is_some_and(|t| t.kind == TokKind::Break))
            .unwrap_or(doc.toks.len());
        let words = (colon + 1..end)
            .filter(|&i| doc.tok(i).is_some_and(|t| t.is_word()))
            .count();
        let first_is_here = doc.tok(p).is_some_and(|t| t.lower.starts_with("here"));
        let Some(content) = doc
            .clause(colon + 1, end)
            .filter(|_| words >= 3 && !first_is_here)
        else {
            continue;
        };
        let content = vec![content];
        let quote_type = doc.type_of(&content);
        out.push((
            colon,
            Found {
                content,
                source: Some(p..colon),
                quote_type,
            },
        ));
    }
    out
}
