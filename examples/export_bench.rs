//! Times every exporter against what `newsmark check` does (open the session and its article) on
//! generated sessions of 10k, 40k and 100k annotations, most of them mentions of a few speakers.
//! Exits non-zero when brat export of 100k annotations takes more than twice as long as the
//! check, which catches exporters that went quadratic again.
//!
//! Run with `cargo run --release --example export_bench` (optionally with sizes as arguments,
//! e.g. `-- 1000 5000`; the 2× limit is checked only when 100000 is among them).

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsmark::io::document::Document;
use newsmark::io::formats::{brat, citron, claimreview, csv, w3c};
use newsmark::io::{article, session_file};
use newsmark::model::annotation::{
    AnnotationId, CheckWorthiness, Claim, Kind, Mention, Quote, QuoteType, Span, Verdict,
};
use newsmark::model::session::{Session, make_annotation};
use newsmark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use newsmark::model::text::ArticleText;

#[path = "../tests/rng/mod.rs"]
mod rng;
use rng::Rng;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "NATO",
    "Russia",
    "Ukraine",
    "said",
    "security",
    "troops",
    "“risk",
    "conflict”",
    "dialogue",
    "Kremlin",
    "Europe",
    "sanctions",
    "minister",
    "talks",
    "région",
    "señal",
    "😀",
    "forces",
    "border",
    "allies",
    "statement",
];

/// Words separated by spaces, sentences and paragraphs, about `target_bytes` long.
fn generate_text(rng: &mut Rng, target_bytes: usize) -> String {
    let mut s = String::with_capacity(target_bytes + 100);
    let mut in_sentence = 0;
    while s.len() < target_bytes {
        s.push_str(WORDS[rng.below(WORDS.len())]);
        in_sentence += 1;
        if in_sentence > 8 + rng.below(20) {
            s.push_str(if rng.below(6) == 0 { ".\n\n" } else { ". " });
            in_sentence = 0;
        } else {
            s.push(' ');
        }
    }
    s
}

/// A session of `n` annotations on `text`: 80% mentions of four speakers (a few of no one),
/// 10% quotes with cues (some in two fragments), 10% claims (some inside a quote, some with
/// sources and notes). A fifth speaker is never mentioned.
fn generate_session(rng: &mut Rng, text: &ArticleText, n: usize) -> Session {
    let mut s = Session::new(Default::default());
    for (id, name, kind) in [
        (1, "Jens Stoltenberg", SpeakerKind::Person),
        (2, "the Kremlin", SpeakerKind::Country),
        (3, "NATO", SpeakerKind::Organization),
        (4, "analysts", SpeakerKind::Group),
        (5, "a diplomat", SpeakerKind::Person),
    ] {
        let mut sp = Speaker::new(SpeakerId(id), name);
        sp.kind = kind;
        s.speakers.push(sp);
    }
    let len = text.len_chars();
    let mut last_quote = None;
    for i in 0..n {
        let id = AnnotationId(u32::try_from(i).unwrap_or(u32::MAX - 1) + 1);
        let start = rng.below(len.saturating_sub(200));
        let speaker = (rng.below(10) != 0).then(|| SpeakerId(1 + rng.below(5) as u32));
        let (span, kind) = match rng.below(10) {
            0 => {
                let end = start + 20 + rng.below(120);
                let more = if rng.below(3) == 0 {
                    vec![Span::new(end + 10, end + 30)]
                } else {
                    Vec::new()
                };
                last_quote = Some(id);
                let quote = Quote {
                    speaker,
                    cue: Some(Span::new(end + 2, end + 6)),
                    quote_type: QuoteType::ALL[rng.below(3)],
                    more,
                    source_mentions: Vec::new(),
                };
                (Span::new(start, end), Kind::Quote(quote))
            }
            1 => {
                let claim = Claim {
                    speaker,
                    check_worthiness: CheckWorthiness::ALL[rng.below(4)],
                    verdict: Verdict::ALL[rng.below(7)],
                    sources: if rng.below(4) == 0 {
                        vec![format!("https://example.org/{i}")]
                    } else {
                        Vec::new()
                    },
                    in_quote: last_quote.filter(|_| rng.below(3) == 0),
                    source_mentions: Vec::new(),
                    review: String::new(),
                };
                (
                    Span::new(start, start + 20 + rng.below(80)),
                    Kind::Claim(claim),
                )
            }
            _ => {
                let speaker = speaker.filter(|sp| sp.0 != 5);
                let mention = Kind::Mention(Mention { speaker });
                (Span::new(start, start + 3 + rng.below(15)), mention)
            }
        };
        let mut a = make_annotation(text, id, span, kind);
        if rng.below(20) == 0 {
            a.note = format!("note {i}, with a\nline break");
        }
        s.annotations.push(a);
    }
    s.annotations.sort_by_key(|a| (a.start, a.end, a.id));
    s
}

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed()
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Writes the article and session for `n` annotations into `dir`; returns the session path.
pub fn write_files(dir: &Path, n: usize) -> Result<std::path::PathBuf, String> {
    let mut rng = Rng(0x00c0_ffee_1234_5678 ^ n as u64);
    let raw = generate_text(&mut rng, n * 25 + 1000);
    let article_path = dir.join(format!("article_{n}.txt"));
    std::fs::write(&article_path, &raw).map_err(|e| e.to_string())?;
    let loaded = article::load(&article_path).map_err(|e| e.to_string())?;
    let mut session = generate_session(&mut rng, &loaded.decoded.text, n);
    session.article = loaded.reference;
    let session_path = dir.join(format!("session_{n}.ron"));
    session_file::save(&session, &session_path).map_err(|e| e.to_string())?;
    Ok(session_path)
}

type Exporter = fn(&Document) -> usize;

const EXPORTERS: [(&str, Exporter); 5] = [
    ("brat", |d| brat::export(d).ann.len()),
    ("w3c", |d| w3c::export(d).len()),
    ("csv", |d| csv::export(d).len()),
    ("claimreview", |d| {
        claimreview::export(d, "2024-05-01").len()
    }),
    ("citron", |d| citron::export(d).len()),
];

fn main() -> ExitCode {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 40_000, 100_000]
    } else {
        sizes
    };
    let Ok(tmp) = tempfile::tempdir() else {
        eprintln!("cannot create a temporary folder");
        return ExitCode::FAILURE;
    };
    let dir = tmp.path();
    let mut failed = false;
    println!(
        "{:>7}  {:<12} {:>11} {:>14} {:>19}",
        "N", "format", "export ms", "open+export ms", "(open+export)/check"
    );
    for &n in &sizes {
        let path = match write_files(dir, n) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{n}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let runs = if n >= 100_000 { 3 } else { 5 };
        let Ok(doc) = Document::open_session(&path) else {
            eprintln!("{n}: the generated session does not open");
            return ExitCode::FAILURE;
        };
        let check = median(runs, || {
            let _ = Document::open_session(&path).map(|d| d.session.annotations.len());
        });
        println!(
            "{n:>7}  {:<12} {:>11} {:>14.1} {:>19}",
            "check",
            "",
            ms(check),
            "1.00"
        );
        for (name, export) in EXPORTERS {
            let export_only = median(runs, || {
                std::hint::black_box(export(&doc));
            });
            let total = median(runs, || {
                if let Ok(d) = Document::open_session(&path) {
                    std::hint::black_box(export(&d));
                }
            });
            let ratio = total.as_secs_f64() / check.as_secs_f64().max(1e-9);
            println!(
                "{n:>7}  {name:<12} {:>11.1} {:>14.1} {ratio:>19.2}",
                ms(export_only),
                ms(total)
            );
            if name == "brat" && n == 100_000 && total > check * 2 {
                failed = true;
            }
        }
    }
    if failed {
        eprintln!("brat export of 100000 annotations took more than 2× the check");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
