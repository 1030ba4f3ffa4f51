//! `newsmark stats`: counts of annotations, speakers, verdicts and check-worthiness.

use std::path::Path;

use serde_json::{Value, json};

use crate::model::anchor::AnchorReport;
use crate::model::annotation::{CheckWorthiness, Kind, KindTag, Verdict};
use crate::model::session::Session;
use crate::model::text::ArticleText;

/// Prints the statistics of a session as text or JSON.
pub fn run(session: &Path, as_json: bool) -> anyhow::Result<()> {
    let doc = super::open(session)?;
    let v = stats(&doc.session, &doc.text, doc.anchor_report.as_ref());
    if as_json {
        super::write_stdout(&(serde_json::to_string_pretty(&v)? + "\n"))
    } else {
        super::write_stdout(&as_text(&v))
    }
}

/// The statistics as JSON (also the source of the text form).
pub fn stats(s: &Session, text: &ArticleText, report: Option<&AnchorReport>) -> Value {
    let kinds: serde_json::Map<String, Value> = KindTag::ALL
        .iter()
        .map(|t| (t.label().to_lowercase(), s.count(*t).into()))
        .collect();
    let claims = || {
        s.annotations.iter().filter_map(|a| match &a.kind {
            Kind::Claim(c) => Some(c),
            _ => None,
        })
    };
    let verdicts: serde_json::Map<String, Value> = Verdict::ALL
        .iter()
        .map(|v| {
            let n = claims().filter(|c| c.verdict == *v).count();
            (v.label().to_owned(), n.into())
        })
        .collect();
    let worthiness: serde_json::Map<String, Value> = CheckWorthiness::ALL
        .iter()
        .map(|w| {
            let n = claims().filter(|c| c.check_worthiness == *w).count();
            (w.label().to_owned(), n.into())
        })
        .collect();
    let speakers: Vec<Value> = s
        .speakers
        .iter()
        .map(|sp| {
            let (m, q, c) = s.speaker_counts(sp.id);
            json!({"id": sp.id.0, "name": sp.name, "kind": sp.kind.label(),
                   "mentions": m, "quotes": q, "claims": c})
        })
        .collect();
    // Opening re-anchored the session if the article changed: count what did not stay put.
    let stale = report.map_or(0, |r| r.moved + r.fuzzy + r.orphan);
    json!({
        "article": s.article.path,
        "chars": text.len_chars(),
        "words": text.word_count(),
        "annotations": s.annotations.len(),
        "not_anchored": stale,
        "kinds": kinds,
        "speakers": speakers,
        "verdicts": verdicts,
        "check_worthiness": worthiness,
    })
}

fn as_text(v: &Value) -> String {
    let mut out = String::new();
    let num = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    out.push_str(&format!(
        "article: {}\n{} words, {} code points\n{} annotation(s), {} not anchored exactly\n",
        v.get("article").and_then(Value::as_str).unwrap_or(""),
        num("words"),
        num("chars"),
        num("annotations"),
        num("not_anchored"),
    ));
    for (title, key) in [
        ("kinds", "kinds"),
        ("verdicts", "verdicts"),
        ("check-worthiness", "check_worthiness"),
    ] {
        out.push_str(&format!("{title}:\n"));
        if let Some(map) = v.get(key).and_then(Value::as_object) {
            for (k, n) in map {
                out.push_str(&format!("  {k}: {n}\n"));
            }
        }
    }
    out.push_str("speakers:\n");
    for sp in v
        .get("speakers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let n = |k: &str| sp.get(k).and_then(Value::as_u64).unwrap_or(0);
        out.push_str(&format!(
            "  {} ({}): {} mention(s), {} quote(s), {} claim(s)\n",
            sp.get("name").and_then(Value::as_str).unwrap_or(""),
            sp.get("kind").and_then(Value::as_str).unwrap_or(""),
            n("mentions"),
            n("quotes"),
            n("claims"),
        ));
    }
    out
}
