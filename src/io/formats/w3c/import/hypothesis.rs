//! Hypothesis's own API JSON (what `GET /api/search` and `GET /api/annotations/ID` return, and
//! what its exporters save): annotations with `uri`, `text`, `tags`, `user` and
//! `target[].selector`, but no `type`, no `body` and no JSON-LD context. Each is rewritten into
//! the Web Annotation shape it stands for, so that it is placed, tallied and reported exactly as
//! a W3C annotation is: `text` becomes a `commenting` body, each tag a `tagging` body (a tag
//! that names a kind, "claim", "quote" or "mention", gives the kind), `user` the creator and
//! `uri` the source of a target that names none.

use serde_json::{Map, Value, json};

/// True for an object shaped as Hypothesis writes an annotation: no `type` or `body` (those are
/// Web Annotation's), a `target` list, and at least one of Hypothesis's own fields.
pub(super) fn is_hypothesis(o: &Map<String, Value>) -> bool {
    !o.contains_key("type")
        && !o.contains_key("body")
        && !o.contains_key("@context")
        && o.get("target").is_some_and(Value::is_array)
        && ["uri", "user", "text", "tags"]
            .iter()
            .any(|k| o.contains_key(*k))
}

/// One Hypothesis annotation as a Web Annotation. Anything that is not an object is passed on
/// as it is, to be reported as unreadable with the rest.
pub(super) fn annotation(h: &Value) -> Value {
    let Some(o) = h.as_object() else {
        return h.clone();
    };
    let text = o.get("text").and_then(Value::as_str).unwrap_or_default();
    let uri = o.get("uri").and_then(Value::as_str);
    let mut body = Vec::new();
    if !text.trim().is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": text}));
    }
    for tag in o
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(tag) = tag.as_str() {
            body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": tag}));
        }
    }
    let targets: Vec<Value> = o
        .get("target")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|t| target(t, uri))
        .collect();
    let mut out = json!({
        "type": "Annotation",
        "motivation": if text.trim().is_empty() { "highlighting" } else { "commenting" },
        "body": body,
        "target": targets,
    });
    if let Some(id) = o.get("id").and_then(Value::as_str) {
        out["id"] = json!(format!("https://hypothes.is/a/{id}"));
    }
    if let Some(name) = creator(o) {
        out["creator"] = json!({"type": "Person", "name": name});
    }
    out
}

/// A target with the annotation's `uri` as its source when it names none.
fn target(t: &Value, uri: Option<&str>) -> Value {
    let mut t = t.clone();
    if let (Some(o), Some(uri)) = (t.as_object_mut(), uri) {
        o.entry("source").or_insert_with(|| json!(uri));
    }
    t
}

/// The annotator: the display name Hypothesis gives, else the user name of `acct:NAME@host`.
fn creator(o: &Map<String, Value>) -> Option<String> {
    let display = o
        .get("user_info")
        .and_then(|u| u.get("display_name"))
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty());
    let user = o.get("user").and_then(Value::as_str).map(|u| {
        let u = u.strip_prefix("acct:").unwrap_or(u);
        u.split_once('@').map_or(u, |(name, _)| name)
    });
    display.or(user).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
    use super::*;

    #[test]
    fn an_annotation_becomes_a_web_annotation_with_comment_tags_creator_and_source() {
        let h = json!({
            "id": "Zx1", "uri": "https://example.org/story", "user": "acct:ana@hypothes.is",
            "text": "Check the figure", "tags": ["claim", "needs-check"],
            "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "rose 4%"}]}]
        });
        assert!(is_hypothesis(h.as_object().unwrap()));
        assert_eq!(
            annotation(&h),
            json!({
                "type": "Annotation", "id": "https://hypothes.is/a/Zx1",
                "motivation": "commenting",
                "body": [
                    {"type": "TextualBody", "purpose": "commenting", "value": "Check the figure"},
                    {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
                    {"type": "TextualBody", "purpose": "tagging", "value": "needs-check"}
                ],
                "target": [{"source": "https://example.org/story",
                            "selector": [{"type": "TextQuoteSelector", "exact": "rose 4%"}]}],
                "creator": {"type": "Person", "name": "ana"}
            })
        );
    }

    #[test]
    fn web_annotation_json_is_not_taken_for_hypothesis() {
        let w3c = json!({"type": "Annotation", "target": [], "text": "x"});
        assert!(!is_hypothesis(w3c.as_object().unwrap()));
        let body = json!({"target": [], "uri": "u", "body": []});
        assert!(!is_hypothesis(body.as_object().unwrap()));
    }
}
