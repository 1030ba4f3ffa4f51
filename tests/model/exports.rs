//! Exports as other tools read them: brat spans across line breaks and brat's configuration
//! files, Citron's loader shape, ClaimReview's required fields, CSV cells (W3C: `w3c_interop.rs`).
//! Every test asserts what is written (the string, or the files on disk).

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#![allow(clippy::indexing_slicing, reason = "tests fail loudly on purpose")]

use newsmark::io::document::Document;
use newsmark::io::formats::files::{self, ExportFormat, ExportOptions};
use newsmark::io::formats::{brat, citron};
use newsmark::model::annotation::{AnnotationId, Claim, Kind, Mention, Quote, Span};
use newsmark::model::session::{ArticleRef, Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId};
use newsmark::model::text::ArticleText;
use serde_json::Value;

/// An article whose quote, claim, cue and mention cross line breaks.
const TEXT: &str = "Jens\nStoltenberg spoke on Friday:\n“We regret\nthat Russia\n\nwalks away,” he\nsaid.\nTroops are\nmassing.";

fn span(text: &ArticleText, needle: &str) -> Span {
    let byte = text.as_str().find(needle).unwrap();
    let start = text.char_of(byte);
    Span::new(start, start + needle.chars().count())
}

/// A session over [`TEXT`]: mentions 1 (“Jens\nStoltenberg”) and 3 (“he”) of speaker 1; quote 2
/// with the cue “he\nsaid”, its source linked to mention 3 (not the nearest… both are mentions
/// of speaker 1, so the link decides); claim 4 across line breaks, linked to a mention that
/// does not exist.
fn document() -> Document {
    let text = ArticleText::new(TEXT.into());
    let mut s = Session::new(ArticleRef::default());
    s.speakers
        .push(Speaker::new(SpeakerId(1), "Jens Stoltenberg"));
    let mention = || {
        Kind::Mention(Mention {
            speaker: Some(SpeakerId(1)),
        })
    };
    let quote = Kind::Quote(Quote {
        speaker: Some(SpeakerId(1)),
        cue: Some(span(&text, "he\nsaid")),
        source_mentions: vec![AnnotationId(1), AnnotationId(3), AnnotationId(1)],
        ..Quote::default()
    });
    let claim = Kind::Claim(Claim {
        speaker: Some(SpeakerId(1)),
        source_mentions: vec![AnnotationId(99)],
        ..Claim::default()
    });
    for (id, needle, kind) in [
        (1, "Jens\nStoltenberg", mention()),
        (2, "“We regret\nthat Russia\n\nwalks away,”", quote),
        (3, "he", mention()),
        (4, "\nTroops are\nmassing.", claim),
    ] {
        let a = make_annotation(&text, AnnotationId(id), span(&text, needle), kind);
        s.annotations.push(a);
    }
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    Document {
        session: s,
        text,
        session_path: None,
        notices: Vec::new(),
        anchor_report: None,
    }
}

/// `"S E;S E"` for the pieces, each found in the text at or after the previous one.
fn offsets(text: &ArticleText, pieces: &[&str]) -> String {
    let mut from = 0;
    let mut out = Vec::new();
    for p in pieces {
        let byte = text.as_str()[from..].find(p).unwrap() + from;
        from = byte + p.len();
        let start = text.char_of(byte);
        out.push(format!("{start} {}", start + p.chars().count()));
    }
    out.join(";")
}

#[test]
fn brat_splits_spans_at_line_breaks_into_fragments() {
    let doc = document();
    let text = &doc.text;
    let ann = brat::export(&doc).ann;
    // Each fragment ends before a line break and the next begins after it; the empty fragment
    // between two line breaks is dropped; the text is the fragments' texts joined by a space.
    let expected = [
        format!(
            "T1\tMention {}\tJens Stoltenberg\n",
            offsets(text, &["Jens", "Stoltenberg"])
        ),
        format!(
            "T2\tQuote {}\t“We regret that Russia walks away,”\n",
            offsets(text, &["“We regret", "that Russia", "walks away,”"])
        ),
        format!("T4\tClaim {}\tTroops are massing.\n", {
            offsets(text, &["Troops are", "massing."])
        }),
        format!(
            "T10000000002\tCue {}\the said\n",
            offsets(text, &["he\n", "said"]).replace(
                &format!("{} {}", span(text, "he\n").start, span(text, "he\n").end),
                &format!("{} {}", span(text, "he").start, span(text, "he").end),
            )
        ),
        // The quote's linked mentions, each once; the claim's link is to no mention, so it
        // falls back to the speaker's nearest mention.
        "R1\tSource Arg1:T2 Arg2:T1\nR2\tSource Arg1:T2 Arg2:T3\nR3\tSaid Arg1:T2 Arg2:T10000000002\n"
            .to_owned(),
        "R4\tSource Arg1:T4 Arg2:T3\n".to_owned(),
    ];
    for line in &expected {
        assert!(ann.contains(line.as_str()), "{line:?} not in\n{ann}");
    }
}

#[test]
fn brat_fragments_split_at_one_line_break_read_back_as_one_span_and_round_trip_byte_identically() {
    let mut doc = document();
    // The quote's source is its nearest mention, which import finds with or without reading
    // Source relations into `source_mentions`.
    for a in &mut doc.session.annotations {
        if let Kind::Quote(q) = &mut a.kind {
            q.source_mentions = vec![AnnotationId(3)];
        }
    }
    let files = brat::export(&doc);
    let (back, warnings) = brat::import(&files.ann, &doc.text, ArticleRef::default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let spans: Vec<(u32, usize, usize)> = back
        .annotations
        .iter()
        .map(|a| (a.id.0, a.start, a.end))
        .collect();
    let whole = |n: &str| span(&doc.text, n);
    // A single line break is brat's own split and is joined; the paragraph break is not one
    // (it may be the annotator's gap between two parts), so the quote comes back in two parts
    // over the same text.
    let quote = whole("“We regret\nthat Russia");
    let claim = whole("Troops are\nmassing.");
    assert!(spans.contains(&(2, quote.start, quote.end)), "{spans:?}");
    assert!(spans.contains(&(4, claim.start, claim.end)), "{spans:?}");
    let Some(Kind::Quote(q)) = back.annotation(AnnotationId(2)).map(|a| &a.kind) else {
        panic!("no quote 2");
    };
    assert_eq!(q.cue, Some(whole("he\nsaid")));
    assert_eq!(q.more, [whole("walks away,”")]);
    let again = brat::export(&Document {
        session: back,
        ..doc.clone()
    });
    assert_eq!(again.ann, files.ann);
}

#[test]
fn brat_export_writes_the_configuration_beside_the_ann() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat/doc.ann");
    let written = files::write_export(&document(), ExportFormat::Brat, &out, "2024-01-01").unwrap();
    assert_eq!(written.len(), 4, "{written:?}");
    let conf = std::fs::read_to_string(dir.path().join("brat/annotation.conf")).unwrap();
    for needle in [
        "[entities]\nClaim\nQuote\nMention\nCue\n",
        "Source\tArg1:Claim|Quote, Arg2:Mention\n",
        "Said\tArg1:Quote, Arg2:Cue\n",
        "InQuote\tArg1:Claim, Arg2:Quote\n",
        "Verdict\tArg:Claim, Value:Unchecked|True|MostlyTrue|Mixed|MostlyFalse|False|Unverifiable\n",
        "CheckWorthiness\tArg:Claim, Value:Unrated|Not|Low|High\n",
    ] {
        assert!(conf.contains(needle), "{needle:?} not in\n{conf}");
    }
    let visual = std::fs::read_to_string(dir.path().join("brat/visual.conf")).unwrap();
    assert!(visual.contains("Claim\tbgColor:#f2b705\n"), "{visual}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("brat/doc.txt")).unwrap(),
        TEXT
    );
    let named_conf = dir.path().join("annotation.conf");
    let refused = files::write_export(&document(), ExportFormat::Brat, &named_conf, "2024-01-01");
    assert!(refused.is_err());
    assert!(!named_conf.exists() && !dir.path().join("annotation.txt").exists());
}

#[test]
fn brat_export_keeps_a_collections_own_annotation_conf() {
    let dir = tempfile::tempdir().unwrap();
    let theirs = "[entities]\nProtein\n";
    std::fs::write(dir.path().join("annotation.conf"), theirs).unwrap();
    std::fs::write(
        dir.path().join("visual.conf"),
        brat::visual_conf() + "# old\n",
    )
    .unwrap();
    let out = dir.path().join("doc.ann");
    let options = ExportOptions::default();
    let rendered = files::render(&document(), ExportFormat::Brat, &out, &options).unwrap();
    let written = files::write_rendered(&document(), rendered, &out).unwrap();
    assert_eq!(written.kept, [dir.path().join("annotation.conf")]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap(),
        theirs
    );
    // A configuration newsmark wrote is brought up to date.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("visual.conf")).unwrap(),
        brat::visual_conf()
    );
    assert!(dir.path().join("doc.txt").is_file());
}

/// [`document`] with a second quote, “Troops are”, that has no cue.
fn with_uncued_quote() -> Document {
    let mut doc = document();
    let kind = Kind::Quote(Quote {
        speaker: Some(SpeakerId(1)),
        ..Quote::default()
    });
    let a = make_annotation(
        &doc.text,
        AnnotationId(7),
        span(&doc.text, "Troops are"),
        kind,
    );
    doc.session.annotations.push(a);
    doc
}

#[test]
fn citron_export_has_the_shape_citrons_reader_loads() {
    let doc = with_uncued_quote();
    let out = citron::render(&doc);
    assert_eq!(out.left_out.len(), 1, "{:?}", out.left_out);
    assert!(out.left_out[0].starts_with("#7 Quote “Troops are”: it has no cue"));
    let v: Value = serde_json::from_str(&out.json).unwrap();
    // data.py: data["text"]; for each quote: quote["cue"]["start"/"end"], quote["sources"],
    // quote["contents"], optional quote["coreferences"]; optional data["coreference_groups"].
    assert_eq!(v["text"], TEXT);
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "the quote without a cue is left out");
    let q = &quotes[0];
    let chars: Vec<char> = TEXT.chars().collect();
    let check = |s: &Value| {
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (a, b) = (a as usize, b as usize);
        assert!(a < b && b <= chars.len(), "{s}");
        assert_eq!(s["text"], chars[a..b].iter().collect::<String>());
    };
    check(&q["cue"]);
    assert_eq!(q["cue"]["text"], "he\nsaid");
    let texts = |k: &str| -> Vec<String> {
        q[k].as_array()
            .unwrap()
            .iter()
            .map(|s| {
                check(s);
                s["text"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    // The linked source mentions, each once, in order.
    assert_eq!(texts("sources"), ["Jens\nStoltenberg", "he"]);
    assert_eq!(
        texts("contents"),
        ["“We regret\nthat Russia\n\nwalks away,”"]
    );
    assert_eq!(texts("coreferences"), Vec::<String>::new());
    let groups = v["coreference_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    let group: Vec<&Value> = groups[0].as_array().unwrap().iter().collect();
    assert_eq!(group.len(), 2);
    group.iter().for_each(|s| check(s));
}

#[test]
fn citron_sources_fall_back_to_the_nearest_mention_and_corefer_with_the_rest() {
    let mut doc = document();
    for a in &mut doc.session.annotations {
        if let Kind::Quote(q) = &mut a.kind {
            q.source_mentions.clear();
        }
    }
    let v: Value = serde_json::from_str(&citron::export(&doc)).unwrap();
    let q = &v["quotes"][0];
    assert_eq!(q["sources"][0]["text"], "he");
    assert_eq!(q["sources"].as_array().unwrap().len(), 1);
    assert_eq!(q["coreferences"][0]["text"], "Jens\nStoltenberg");
}

#[test]
fn csv_lists_every_fragment_the_cue_speaker_and_sources_and_defuses_formulas() {
    let mut doc = document();
    for a in &mut doc.session.annotations {
        if let Kind::Quote(q) = &mut a.kind {
            q.more = vec![span(&doc.text, "Troops")];
            a.note = "=HYPERLINK(\"http://evil\")".into();
        }
        if a.id.0 == 3 {
            a.note = "@SUM(A1)".into();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.csv");
    let options = ExportOptions {
        excel: true,
        ..ExportOptions::default()
    };
    let rendered = files::render(&doc, ExportFormat::Csv, &out, &options).unwrap();
    files::write_rendered(&doc, rendered, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbfid,kind,start,end,fragments,"));
    let csv = String::from_utf8(bytes).unwrap();
    let quote = span(&doc.text, "“We regret\nthat Russia\n\nwalks away,”");
    let troops = span(&doc.text, "Troops");
    let cue = span(&doc.text, "he\nsaid");
    // start/end span the whole quote: its first start to its last end.
    let row = format!(
        "2,Quote,{},{},{}-{};{}-{},",
        quote.start, troops.end, quote.start, quote.end, troops.start, troops.end
    );
    assert!(csv.contains(&row), "{row} not in {csv}");
    let tail = format!(
        ",1,Jens Stoltenberg,{},{},\"he\nsaid\",1;3,direct,,,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n",
        cue.start, cue.end
    );
    assert!(csv.contains(&tail), "{tail} not in {csv}");
    assert!(csv.contains(",'@SUM(A1)\r\n"), "{csv}");
    // The claim links to a mention that does not exist: no id is written for it.
    assert!(csv.contains(",,,,,,unrated,Unchecked,\r\n"), "{csv}");
}

#[test]
fn claimreview_without_url_author_or_article_url_is_refused_by_name() {
    let mut doc = document();
    doc.session.publication.review_url = "file:///home/me/review.html".into();
    let out = std::path::Path::new("r.json");
    let Err(files::ExportError::Incomplete(missing)) = files::render(
        &doc,
        ExportFormat::ClaimReview,
        out,
        &ExportOptions::default(),
    ) else {
        panic!("a ClaimReview without url, author and appearance was rendered");
    };
    let fields: Vec<&str> = missing
        .iter()
        .map(|m| m.split(':').next().unwrap())
        .collect();
    assert_eq!(fields, ["url", "author", "itemReviewed.appearance"]);
}

#[test]
fn brat_import_joins_only_fragments_split_at_exactly_one_line_break() {
    let text =
        ArticleText::new("“The port\nis closed.”\n\n“It will reopen.”\n“Soon.”\t“Maybe.”".into());
    let frag = |needle: &str| {
        let s = span(&text, needle);
        format!("{} {}", s.start, s.end)
    };
    let ann = format!(
        "T1\tQuote {};{}\t“The port is closed.”\nT2\tQuote {};{}\t“The port is closed.” “It will reopen.”\nT3\tQuote {};{}\t“Soon.” “Maybe.”\n",
        frag("“The port"),
        frag("is closed.”"),
        frag("“The port\nis closed.”"),
        frag("“It will reopen.”"),
        frag("“Soon.”"),
        frag("“Maybe.”"),
    );
    let (back, _) = brat::import(&ann, &text, ArticleRef::default()).unwrap();
    let parts = |id: u32| {
        let a = back.annotation(AnnotationId(id)).unwrap();
        let Kind::Quote(q) = &a.kind else {
            panic!("{id} is not a quote")
        };
        let mut all = vec![text.slice(a.start..a.end).to_owned()];
        all.extend(q.more.iter().map(|m| text.slice(m.start..m.end).to_owned()));
        all
    };
    assert_eq!(parts(1), ["“The port\nis closed.”"]);
    assert_eq!(parts(2), ["“The port\nis closed.”", "“It will reopen.”"]);
    assert_eq!(parts(3), ["“Soon.”", "“Maybe.”"]);
}
