//! The benchmark's parts: a generated article and session, and the app on a bare egui context.

mod typing;

use std::path::{Path, PathBuf};
use std::time::Instant;

use eframe::App as _;
use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, Rect, Vec2, vec2};
use newsmark::io::document::Document;
use newsmark::model::annotation::{AnnotationId, Kind, KindTag, Span};
use newsmark::model::session::make_annotation;
use newsmark::model::speaker::{Speaker, SpeakerId};
use newsmark::ui::NewsmarkApp;

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "that",
    "troops",
    "were",
    "moving",
    "towards",
    "border",
    "and",
    "officials",
    "in",
    "Brussels",
    "warned",
    "of",
    "consequences",
    "“we",
    "regret”",
    "talks",
    "Geneva",
    "allies",
    "Stoltenberg",
    "Kremlin",
    "sanctions",
    "économie",
    "gas",
    "pipeline",
    "statement",
    "according",
    "to",
    "sources",
    "tens",
    "thousands",
    "heavy",
    "weapons",
    "NATO",
    "Secretary",
    "General",
    "on",
    "Friday",
    "—",
    "a",
    "spokesperson",
    "denied",
    "report",
];

/// Paragraphs in other scripts, one in every few of the generated article's: RTL, mixed
/// directions, CJK, Devanagari and emoji, so the text engine's fallback, bidi and shaping are
/// in the figures.
const MULTISCRIPT: &[&str] = &[
    "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف، وأضاف أن الحلفاء متفقون على العقوبات.",
    "שר החוץ אמר כי השיחות יימשכו בשבוע הבא, לדברי נועה בן-דוד, ודובר הממשלה הכחיש את הדיווח.",
    "Noa Ben-David (נועה בן-דוד), said the plan was sound, and Omar Haddad (عمر حداد) agreed with the allies.",
    "東京で山田太郎さんは「計画は順調だ」と述べた。北京的发言人说会谈将继续，制裁问题仍在讨论中。",
    "प्रधानमंत्री ने कहा कि बातचीत जारी रहेगी और सहयोगी देश प्रतिबंधों पर सहमत हैं।",
    "Reactions 👍 🎉 👨\u{200d}👩\u{200d}👧 ❤️ poured in; the café crowd was naïve about the pipeline 🚀.",
];

/// Writes an article of about `bytes` bytes and, if `annotations > 0`, a session with that many
/// annotations; returns the session's path (or the article's when there are none).
pub fn generate(
    dir: &Path,
    name: &str,
    bytes: usize,
    annotations: usize,
) -> anyhow::Result<PathBuf> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut rnd = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut text = String::with_capacity(bytes + 200);
    while text.len() < bytes {
        if rnd(6) == 0 {
            // About one paragraph in six is in another script (roughly a fifth of the bytes).
            for _ in 0..2 + rnd(3) {
                text.push_str(MULTISCRIPT[rnd(MULTISCRIPT.len())]);
                text.push(' ');
            }
            text.pop();
            text.push_str("\n\n");
            continue;
        }
        for _ in 0..3 + rnd(5) {
            for w in 0..8 + rnd(18) {
                let word = WORDS[rnd(WORDS.len())];
                if w == 0 {
                    let mut c = word.chars();
                    let first: String = c.next().map(|f| f.to_uppercase().collect()).unwrap();
                    text.push_str(&first);
                    text.push_str(c.as_str());
                } else {
                    text.push(' ');
                    text.push_str(word);
                }
            }
            text.push_str(". ");
        }
        text.pop();
        text.push_str("\n\n");
    }
    let article = dir.join(format!("{name}.txt"));
    std::fs::write(&article, &text)?;
    if annotations == 0 {
        return Ok(article);
    }
    let mut doc = Document::open_article(&article)?;
    let len = doc.text.len_chars();
    let speakers = 12;
    for i in 1..=speakers {
        doc.session
            .speakers
            .push(Speaker::new(SpeakerId(i), format!("Speaker {i}")));
    }
    let step = len / annotations;
    for i in 0..annotations {
        let start = i * step + rnd(step / 2);
        let tag = KindTag::ALL[i % 3];
        let span_len = match tag {
            KindTag::Mention => 6 + rnd(14),
            KindTag::Quote => 40 + rnd(200),
            KindTag::Claim => 20 + rnd(120),
        };
        let speaker = Some(SpeakerId(1 + (i % speakers as usize) as u32));
        let mut kind = tag.with_speaker(speaker);
        if let Kind::Quote(q) = &mut kind {
            q.cue = Some(Span::new(
                (start + span_len + 2).min(len),
                (start + span_len + 6).min(len),
            ));
        }
        let span = Span::new(start, (start + span_len).min(len));
        let id = AnnotationId(i as u32 + 1);
        doc.session
            .annotations
            .push(make_annotation(&doc.text, id, span, kind));
    }
    doc.session
        .annotations
        .sort_by_key(|a| (a.start, a.end, a.id));
    let session = dir.join(format!("{name}.ron"));
    doc.save_to(&session)?;
    Ok(session)
}

/// The real app on a bare egui context with a fixed screen.
struct Rig {
    ctx: egui::Context,
    app: NewsmarkApp,
    frame: eframe::Frame,
    size: Vec2,
    time: f64,
    saves: PathBuf,
    /// AccessKit nodes in the last frame's tree update (0 while accessibility is off).
    nodes: usize,
}

impl Rig {
    fn new(saves: &Path) -> Self {
        let mut rig = Self {
            ctx: egui::Context::default(),
            app: NewsmarkApp::new(saves.to_owned()),
            frame: eframe::Frame::_new_kittest(),
            size: vec2(1280.0, 800.0),
            time: 0.0,
            saves: saves.to_owned(),
            nodes: 0,
        };
        rig.step(Vec::new());
        rig
    }

    /// One frame with `events`: the app's `ui` plus tessellation. Returns milliseconds.
    fn step(&mut self, events: Vec<Event>) -> f64 {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, self.size)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            focused: true,
            ..Default::default()
        };
        let t = Instant::now();
        let app = &mut self.app;
        let frame = &mut self.frame;
        let out = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        self.nodes = out
            .platform_output
            .accesskit_update
            .map_or(0, |u| u.nodes.len());
        std::hint::black_box(prims);
        ms
    }

    fn open(&mut self, path: &Path) -> f64 {
        let app = std::mem::replace(&mut self.app, NewsmarkApp::new(self.saves.clone()));
        let t = Instant::now();
        let (app, err) = app.open_now(path);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        assert!(err.is_none(), "cannot open {}: {err:?}", path.display());
        self.app = app;
        ms + self.step(Vec::new())
    }

    fn middle_of_article(&self) -> Pos2 {
        self.app.article_view().visible_rect().center()
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn wheel(dy: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    }
}

fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .map(|pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .to_vec()
}

/// Measures one article (or session) and prints its figures with `suffix` on every name.
pub fn run_case(open: &Path, suffix: &str) -> anyhow::Result<()> {
    let saves = tempfile::tempdir()?;
    // Open: a fresh context each time, warmed by one empty frame (fonts), then open + frame.
    let open_ms = median((0..5).map(|_| Rig::new(saves.path()).open(open)).collect());
    let mut rig = Rig::new(saves.path());
    rig.open(open);
    for _ in 0..5 {
        rig.step(Vec::new());
    }
    let doc = rig.app.document().unwrap();
    println!(
        "# {}: {} bytes, {} code points, {} annotations",
        open.display(),
        doc.text.as_str().len(),
        doc.text.len_chars(),
        doc.session.annotations.len()
    );

    // Warm frames while scrolling down with the wheel, 60 points a frame.
    let mid = rig.middle_of_article();
    rig.step(vec![Event::PointerMoved(mid)]);
    let mut scroll = Vec::new();
    for _ in 0..400 {
        scroll.push(rig.step(vec![wheel(-60.0)]));
    }
    let reached = rig.app.article_view().painted().map_or(0, |s| s.start);
    println!("# scrolled to code point {reached}");
    let warm = median(scroll.split_off(20));

    // Resize: alternate widths that change the wrap width.
    let mut resize = Vec::new();
    for i in 0..16 {
        rig.size = if i % 2 == 0 {
            vec2(900.0, 800.0)
        } else {
            vec2(1280.0, 800.0)
        };
        resize.push(rig.step(Vec::new()));
        for _ in 0..3 {
            rig.step(Vec::new());
        }
    }

    // Search as you type: every keystroke's frames, median and worst. Before any edit, so the
    // autosave of the edits below (a write of the whole session) is not timed with it.
    let typed = typing::keystrokes(&mut rig)?;
    let (type_median, type_max) = (
        median(typed.clone()),
        typed.iter().copied().fold(0.0, f64::max),
    );

    // Add one annotation: drag over a few words on screen, press C; time the key's frame and
    // the next one (where it is painted), then undo it.
    let mut add = Vec::new();
    for i in 0..12 {
        let view = rig.app.article_view();
        let Some(painted) = view.painted() else { break };
        let clip = view.visible_rect();
        let from = (painted.start + 200 + 37 * i..painted.end)
            .find(|&c| view.char_pos(c).is_some_and(|p| clip.contains(p)));
        let Some(from) = from else { break };
        let (Some(a), Some(b)) = (view.char_pos(from), view.char_pos(from + 12)) else {
            break;
        };
        let before = rig.app.document().unwrap().session.annotations.len();
        for e in [
            Event::PointerMoved(a),
            button(a, true),
            Event::PointerMoved(b),
        ] {
            rig.step(vec![e]);
        }
        rig.step(vec![button(b, false)]);
        let ms = rig.step(key(Key::C, Modifiers::NONE)) + rig.step(Vec::new());
        let after = rig.app.document().unwrap().session.annotations.len();
        anyhow::ensure!(after == before + 1, "pressing C did not add an annotation");
        add.push(ms);
        rig.step(key(Key::Z, Modifiers::COMMAND));
        rig.step(Vec::new());
    }

    // Save: what Ctrl+S runs (`session_file::save`) to a scratch file, so inputs stay as given.
    let session = &rig.app.document().unwrap().session;
    let target = saves.path().join("bench-save.ron");
    let save = median(
        (0..7)
            .map(|_| {
                let t = Instant::now();
                newsmark::io::session_file::save(session, &target).unwrap();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    );

    // With a screen reader listening: the whole article is published as text runs and marks.
    // The first frame makes the paragraph runs (kept); then warm frames while scrolling.
    rig.ctx.enable_accesskit();
    let sr_first = rig.step(Vec::new());
    let mut sr = Vec::new();
    for _ in 0..60 {
        sr.push(rig.step(vec![wheel(60.0)]));
    }
    let sr_nodes = rig.nodes;
    let sr_warm = median(sr.split_off(10));
    rig.ctx.disable_accesskit();

    println!("warm_frame_ms{suffix}={warm:.3}");
    println!("screen_reader_first_frame_ms{suffix}={sr_first:.1}");
    println!("screen_reader_warm_frame_ms{suffix}={sr_warm:.2}");
    println!("open_ms{suffix}={open_ms:.1}");
    println!("resize_frame_ms{suffix}={:.2}", median(resize));
    println!("add_annotation_ms{suffix}={:.2}", median(add));
    println!("save_ms{suffix}={save:.1}");
    println!("rss_mb{suffix}={:.1}", rss_mb());
    println!("screen_reader_nodes{suffix}={sr_nodes}");
    let fonts = newsmark::ui::text_engine::fonts::system();
    println!(
        "font_scan_ms{suffix}={:.1} ({} faces)",
        fonts.scan_time.as_secs_f64() * 1000.0,
        fonts.faces
    );
    println!("search_keystroke_ms{suffix}={type_median:.2} (max {type_max:.2})");
    anyhow::ensure!(
        type_median <= 5.0 && type_max <= 16.0,
        "search as you type is too slow: median {type_median:.2} ms (limit 5), \
         worst {type_max:.2} ms (limit 16)"
    );
    Ok(())
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
