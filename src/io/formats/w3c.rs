//! W3C Web Annotation (JSON-LD) export and import.
//!
//! The export is one `AnnotationCollection` whose `first` page holds every annotation:
//!
//! - `motivation`: `classifying` for claims and quotes, `identifying` for mentions;
//! - `body`: `TextualBody`s — the kind with `purpose: "tagging"` (`Claim`/`Quote`/`Mention`),
//!   the speaker's name with `purpose: "identifying"` and `newsmark:speaker` (its id), each
//!   attribute with `purpose: "classifying"` and `newsmark:attribute` (`checkWorthiness`,
//!   `verdict`, `quoteType`; the value is the variant name, `MostlyTrue`, as in brat — import
//!   also takes the label, `Mostly true`), the note with `purpose: "commenting"`;
//!   a quote's cue is a `SpecificResource` body (`purpose: "describing"`, `newsmark:role: "cue"`)
//!   with the same selectors as a target and the id `<base>:cue-<start>-<end>`: quotes that
//!   share a cue (one "said" for two contents) name the same resource, one node of the graph,
//!   which each annotation still describes in place so that it stands alone (the Web Annotation
//!   protocol serves annotations one by one); import gives every such quote that span, also
//!   to a quote that names the cue only by its id (an IRI body, or `{"id": …}`);
//!   a claim's sources are `SpecificResource` bodies with `purpose: "linking"` and the source
//!   as `source`;
//! - `target`: `SpecificResource`s whose `source` is the article's public URL
//!   (`publication.article_url`) or else `urn:sha256:<hash of the article file>` (never a local
//!   path), each with a `TextPositionSelector`
//!   (code points of the normalized text) and a `TextQuoteSelector` (exact, prefix, suffix); a
//!   quote's `more` fragments are further targets marked `newsmark:role: "more"`;
//! - `newsmark:inQuote` on a claim names the quote annotation it appears in.
//! - `creator` is the session's annotator (a `Person`), when the session has one.
//! - `newsmark:sourceMentions` on a quote or claim lists the mention annotations that are its
//!   source span(s) (PARC's source), beside the speaker.
//!
//! **Import** also reads annotations other tools wrote (the Web Annotation model's examples,
//! Hypothesis): one without a `Claim`/`Quote`/`Mention` tag (nor `identifying` motivation)
//! becomes the caller's default kind (`--default-kind`), or is dropped with the reason; its
//! `commenting` and `describing` `TextualBody`s (and ones without a purpose) become the note.
//! Every target is placed with the model's re-anchoring (as a session is when its article
//! changed): its position if that holds its quote, else the nearest verbatim occurrence of the
//! quote, else a fuzzy match; a quote without a position goes where its prefix and suffix fit.
//! Each disagreement is noted (where the target went and why) and a target that cannot be
//! placed — its quote nowhere near, or a whole document with no selector — is dropped with
//! the reason; an annotation that does not fit the JSON shapes costs only itself.
//!
//! The speaker registry (id, name, kind, aliases, role, colour) travels on the collection as
//! `newsmark:speakers`. The `newsmark:` prefix is declared in the `@context`, so every extension
//! is a proper IRI and the document stays valid JSON-LD and valid Web Annotation.

mod import;
mod item;

pub use import::{W3cImport, import, import_as, import_with};

use serde_json::{Value, json};

use crate::io::document::Document;
use crate::io::formats::nearest::speakers_by_id;
use crate::model::annotation::AnnotationId;

/// The Web Annotation JSON-LD context.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Namespace of newsmark's extension properties.
pub const NEWSMARK_NS: &str = "https://newsmark.example/ns#";

/// Exports a document as a W3C `AnnotationCollection`, pretty-printed JSON-LD.
pub fn export(doc: &Document) -> String {
    let s = &doc.session;
    let source = article_source(doc);
    let base = id_base(&s.article.sha256);
    let speakers = speakers_by_id(s);
    let present: std::collections::HashSet<AnnotationId> =
        s.annotations.iter().map(|a| a.id).collect();
    let cx = item::Context {
        doc,
        speakers: &speakers,
        present: &present,
        source: &source,
        base: &base,
    };
    let registry: Vec<Value> = s
        .speakers
        .iter()
        .map(|sp| {
            let [r, g, b] = sp.colour;
            json!({
                "newsmark:id": sp.id.0,
                "newsmark:name": sp.name,
                "newsmark:kind": sp.kind.name(),
                "newsmark:aliases": sp.aliases,
                "newsmark:role": sp.role,
                "newsmark:colour": format!("#{r:02x}{g:02x}{b:02x}"),
            })
        })
        .collect();
    let label = std::path::Path::new(&s.article.path)
        .file_name()
        .map_or_else(
            || s.article.path.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
    let collection = json!({
        "@context": [ANNO_CONTEXT, {"newsmark": NEWSMARK_NS}],
        "id": format!("{base}:collection"),
        "type": "AnnotationCollection",
        "label": format!("newsmark annotations of {label}"),
        "total": s.annotations.len(),
        "newsmark:speakers": registry,
        "first": {
            "id": format!("{base}:page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [],
        },
    });
    // The items are written one at a time into the pretty-printed collection, so memory holds
    // the output and one item, never a JSON tree of every annotation.
    let frame = serde_json::to_string_pretty(&collection).unwrap_or_default();
    let Some(at) = frame.find("\"items\": []") else {
        return frame + "\n";
    };
    let indent = frame
        .get(..at)
        .and_then(|head| head.rsplit('\n').next())
        .map_or(0, str::len);
    let inner = " ".repeat(indent + 2);
    let mut out = String::with_capacity(frame.len() + s.annotations.len() * 1500);
    out.push_str(frame.get(..at).unwrap_or_default());
    out.push_str("\"items\": [");
    for (i, a) in s.annotations.iter().enumerate() {
        let text = serde_json::to_string_pretty(&item::item(&cx, a)).unwrap_or_default();
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        for (j, line) in text.split('\n').enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(&inner);
            out.push_str(line);
        }
    }
    if !s.annotations.is_empty() {
        out.push('\n');
        out.push_str(&" ".repeat(indent));
    }
    out.push(']');
    out.push_str(frame.get(at + "\"items\": []".len()..).unwrap_or_default());
    out.push('\n');
    out
}

/// The IRI every target's `source` names: the article's public URL when the session has one
/// (`publication.article_url`), else `urn:sha256:<the article file's SHA-256>` — never a local
/// path, which would leak the annotator's folders and mean nothing elsewhere.
fn article_source(doc: &Document) -> String {
    let url = doc.session.publication.article_url.trim();
    if !url.is_empty() {
        return url.to_owned();
    }
    let hash: String = doc
        .session
        .article
        .sha256
        .chars()
        .filter(char::is_ascii_hexdigit)
        .flat_map(char::to_lowercase)
        .collect();
    if hash.is_empty() {
        "urn:newsmark:article".to_owned()
    } else {
        format!("urn:sha256:{hash}")
    }
}

/// `urn:newsmark:<first 16 hex digits of the article hash>`, the stem of every id.
fn id_base(sha256: &str) -> String {
    let hash: String = sha256
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(16)
        .collect();
    if hash.is_empty() {
        "urn:newsmark:article".to_owned()
    } else {
        format!("urn:newsmark:{hash}")
    }
}
