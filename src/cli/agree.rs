//! `newsmark agree`: inter-annotator agreement between sessions of the same article, or for
//! every article a project's annotators share (formulas in [`crate::model::agreement`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use serde_json::{Value, json};

use crate::io::document::Document;
use crate::model::agreement::{self, KindAgreement, PairAgreement, Prf};

/// Runs `agree` on session files, or on a project folder with `annotators`.
pub fn run(paths: &[PathBuf], annotators: &[String], as_json: bool) -> anyhow::Result<ExitCode> {
    let annotators: Vec<String> = annotators
        .iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    if let Some(twice) = annotators
        .iter()
        .enumerate()
        .find_map(|(i, a)| annotators[..i].contains(a).then_some(a))
    {
        bail!("--annotators names {twice} twice: name each annotator once");
    }
    let groups: Vec<Vec<PathBuf>> = match (paths, annotators.as_slice()) {
        ([dir], [_, _, ..]) if dir.is_dir() => project_groups(dir, &annotators)?,
        ([dir], [one]) if dir.is_dir() => {
            bail!("agreement needs at least two annotators; --annotators names only {one}")
        }
        ([dir], _) if dir.is_dir() => {
            bail!(
                "{} is a folder: name the annotators to compare with --annotators a,b",
                dir.display()
            )
        }
        (files, []) if files.len() >= 2 => vec![files.to_vec()],
        (_, []) => {
            bail!("agree needs two or more session files, or a project folder and --annotators a,b")
        }
        (_, _) => bail!("--annotators needs one project folder and at least two names"),
    };
    let mut documents = Vec::new();
    let mut text = String::new();
    let mut lost = false;
    for group in &groups {
        let (value, shown, left_out) = agree_on(group)?;
        documents.push(value);
        text.push_str(&shown);
        lost |= left_out;
    }
    if documents.len() > 1 {
        text.push_str(&summary_text(&documents));
    }
    let out = if as_json {
        let v = match <[Value; 1]>::try_from(documents) {
            Ok([one]) => one,
            Err(all) => json!({ "documents": all }),
        };
        serde_json::to_string_pretty(&v)? + "\n"
    } else {
        text
    };
    super::write_stdout(&out)?;
    Ok(if lost {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// For each article of the project that every annotator has a session for, the sessions in
/// annotator order.
fn project_groups(dir: &Path, annotators: &[String]) -> anyhow::Result<Vec<Vec<PathBuf>>> {
    let articles = crate::io::project::articles(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot list {}: {}",
            dir.display(),
            crate::io::disk::describe(&e)
        )
    })?;
    let groups: Vec<Vec<PathBuf>> = articles
        .iter()
        .map(|article| {
            annotators
                .iter()
                .map(|a| crate::io::project::session_path(dir, a, article))
                .collect::<Vec<_>>()
        })
        .filter(|g| g.iter().all(|p| p.is_file()))
        .collect();
    if groups.is_empty() {
        bail!(
            "no article of {} has a session by every one of {}",
            dir.display(),
            annotators.join(", ")
        );
    }
    Ok(groups)
}

/// The means over every pair of every article: exact F1 per kind, kappa, attribution and
/// alpha, so a project's agreement reads in a few lines.
fn summary_text(documents: &[Value]) -> String {
    let pairs: Vec<&Value> = documents
        .iter()
        .filter_map(|d| d["pairs"].as_array())
        .flatten()
        .collect();
    let mean = |xs: Vec<f64>| (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64);
    let mut out = format!(
        "== all {} articles: means over {} pairs\n",
        documents.len(),
        pairs.len()
    );
    for kind in ["Claim", "Quote", "Mention", "Cue"] {
        let f1 = mean(
            pairs
                .iter()
                .filter_map(|p| p["kinds"][kind]["exact_f1"].as_f64())
                .collect(),
        );
        let overlap = mean(
            pairs
                .iter()
                .filter_map(|p| p["kinds"][kind]["overlap_f1"].as_f64())
                .collect(),
        );
        out.push_str(&format!(
            "{kind:<8} exact F1 {}  overlap F1 {}\n",
            num(f1),
            num(overlap)
        ));
    }
    let kappa = mean(pairs.iter().filter_map(|p| p["kappa"].as_f64()).collect());
    let alike: u64 = pairs
        .iter()
        .filter_map(|p| p["attribution"]["attributed_alike"].as_u64())
        .sum();
    let matched: u64 = pairs
        .iter()
        .filter_map(|p| p["attribution"]["matched_quotes"].as_u64())
        .sum();
    let alpha = mean(
        documents
            .iter()
            .filter_map(|d| d["alpha"].as_f64())
            .collect(),
    );
    out.push_str(&format!(
        "Cohen's kappa {}; attribution {alike} of {matched} matching quotes alike; \
         Krippendorff's alpha (mean per article) {}\n",
        num(kappa),
        num(alpha)
    ));
    out
}

/// Agreement among the sessions of one article: JSON, text, and whether annotations that are
/// not anchored had to be left out.
fn agree_on(files: &[PathBuf]) -> anyhow::Result<(Value, String, bool)> {
    let mut docs: Vec<Document> = Vec::new();
    let mut left_out = false;
    for f in files {
        let mut doc = super::open(f)?;
        if let Some(first) = docs.first()
            && first.text.as_str() != doc.text.as_str()
        {
            bail!(
                "{} and {} annotate different articles (or different versions of it)",
                files[0].display(),
                f.display()
            );
        }
        let unanchored = doc.unanchored().len();
        if unanchored > 0 {
            eprintln!(
                "newsmark: {}: left out {unanchored} annotation(s) that are not anchored in the article",
                f.display()
            );
            doc = doc.anchored_only();
            left_out = true;
        }
        docs.push(doc);
    }
    let len = docs.first().map_or(0, |d| d.text.len_chars());
    let mut pairs = Vec::new();
    let mut shown = match docs.first() {
        Some(d) if files.len() > 1 => format!("== {}\n", d.session.article.path),
        _ => String::new(),
    };
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let r = agreement::compare(&docs[i].session, &docs[j].session, len);
            shown.push_str(&pair_text(&files[i], &files[j], &r));
            pairs.push(pair_json(&files[i], &files[j], &r));
        }
    }
    let sessions: Vec<&crate::model::session::Session> = docs.iter().map(|d| &d.session).collect();
    let alpha = agreement::krippendorff_alpha(&sessions, len);
    shown.push_str(&format!(
        "Krippendorff's alpha ({} annotators, per code point): {}\n\n",
        docs.len(),
        num(alpha)
    ));
    let article = docs
        .first()
        .map(|d| d.session.article.path.clone())
        .unwrap_or_default();
    let v = json!({ "article": article, "pairs": pairs, "alpha": alpha });
    Ok((v, shown, left_out))
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"))
}

fn pair_text(a: &Path, b: &Path, r: &PairAgreement) -> String {
    let mut s = format!(
        "A (reference): {}\nB (prediction): {}\n{:<8} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>10}\n",
        a.display(),
        b.display(),
        "kind",
        "A",
        "B",
        "exact",
        "P",
        "R",
        "F1",
        "overlap F1"
    );
    for (kind, k) in &r.kinds {
        s.push_str(&format!(
            "{:<8} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>10}\n",
            kind.label(),
            k.in_a,
            k.in_b,
            k.exact_matches,
            num(k.exact.precision),
            num(k.exact.recall),
            num(k.exact.f1),
            num(k.overlap.f1)
        ));
    }
    let (matched, same) = r.attribution;
    s.push_str(&format!(
        "Cohen's kappa (per code point): {}\nattribution: {same} of {matched} matching quotes are attributed alike\n",
        num(r.kappa)
    ));
    s
}

fn prf_json(prefix: &str, p: &Prf) -> [(String, Value); 3] {
    [
        (format!("{prefix}_p"), json!(p.precision)),
        (format!("{prefix}_r"), json!(p.recall)),
        (format!("{prefix}_f1"), json!(p.f1)),
    ]
}

fn kind_json(k: &KindAgreement) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("in_a".into(), json!(k.in_a));
    m.insert("in_b".into(), json!(k.in_b));
    m.insert("exact_matches".into(), json!(k.exact_matches));
    m.extend(prf_json("exact", &k.exact));
    m.extend(prf_json("overlap", &k.overlap));
    Value::Object(m)
}

fn pair_json(a: &Path, b: &Path, r: &PairAgreement) -> Value {
    let kinds: serde_json::Map<String, Value> = r
        .kinds
        .iter()
        .map(|(kind, k)| (kind.label().to_owned(), kind_json(k)))
        .collect();
    json!({
        "a": a.display().to_string(),
        "b": b.display().to_string(),
        "kinds": kinds,
        "kappa": r.kappa,
        "attribution": { "matched_quotes": r.attribution.0, "attributed_alike": r.attribution.1 },
    })
}
