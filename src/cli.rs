//! Headless subcommands: `check`, `extract`, `stats`, `export`, `agree`, `search`, `suggest`,
//! `import`.
//!
//! Results go to stdout (or the `-o` file), messages to stderr. Exit codes: 0 success; 1 when
//! something was lost or does not match (a `check` with annotations not matching the article,
//! an export refused or shortened because of unanchored annotations, an import that dropped
//! lines); 2 any error (one line on stderr: the file and the cause, once). Nothing here panics
//! on bad input, and a failed write to stdout is an error like any other.

mod agree;
mod check;
mod extract;
mod project;
mod publish;
mod stats;
mod suggest;
mod train;
mod transfer;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::io::document::Document;
use crate::io::formats::files::{self, ExportFormat, ImportFormat};
use crate::model::annotation::KindTag;

/// A headless subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that every annotation still matches its article text exactly.
    ///
    /// Exits 0 when all match, 1 when some do not (they are listed), 2 on an error.
    Check {
        /// The session file (.ron).
        session: PathBuf,
        /// Give annotations and speakers that share an id new ids, and save the session (the
        /// old file is kept as SESSION.ron.bak).
        #[arg(long)]
        renumber: bool,
    },
    /// Extract the article of a saved web page: its text, and with --json its title, byline,
    /// date, URL, outlet, language and direction. A folder (with -o OUT_DIR) converts every
    /// page in it, with one summary. Exit 1 when a page has no article.
    Extract(extract::ExtractArgs),
    /// Print counts: annotations by kind, speakers, verdicts, check-worthiness.
    ///
    /// Given a project folder: one row per article and annotator session
    /// (DIR/.newsmark/NAME/ARTICLE.ron), and the totals.
    Stats {
        /// The session file (.ron), or a project folder.
        session: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export a session to an interchange format.
    ///
    /// Offsets are Unicode code points of the normalized article text (BOM removed, CRLF as LF).
    /// brat writes OUT.ann, OUT.txt (the normalized text), annotation.conf and visual.conf when
    /// given `-o OUT.ann`. ClaimReview needs the review URL, the author and the article URL
    /// (from the session or --url, --author, --article-url): without them it exits 1 naming
    /// what is missing and writes nothing. Citron leaves out (and lists, exit 1) quotes without
    /// a cue.
    ///
    /// Annotations that are not anchored in the article (orphans and unreviewed fuzzy matches
    /// after the article changed) are never written at stale offsets: the export is refused
    /// with exit 1 and they are listed, unless --skip-unanchored is given.
    Export {
        /// The session file (.ron), or a folder of them (then -o is a folder).
        session: PathBuf,
        /// Output format: brat, w3c, csv, claimreview or citron.
        #[arg(long, short = 'f', value_parser = transfer::export_format)]
        format: ExportFormat,
        /// Output file (default, or `-`: stdout), or the output folder for a folder of sessions.
        /// A device, named pipe or socket is refused: newsmark replaces only regular files.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Publication date for ClaimReview, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
        /// Export the anchored annotations and leave out (and list) the others, exit 0.
        #[arg(long)]
        skip_unanchored: bool,
        /// CSV: begin with a UTF-8 byte-order mark, for Excel.
        #[arg(long)]
        excel: bool,
        /// CSV: write cells as they are, with no `'` before ones a spreadsheet would run as a
        /// formula (for data pipelines, not spreadsheets).
        #[arg(long)]
        no_formula_guard: bool,
        /// Keep each file the export replaces as NAME.bak (exports keep none otherwise).
        #[arg(long)]
        backup: bool,
        /// Publication metadata overriding the session's (ClaimReview, W3C).
        #[command(flatten)]
        publication: publish::PublicationFlags,
    },
    /// Inter-annotator agreement between sessions of the same article.
    ///
    /// Per kind (Claim, Quote, Mention, Cue): exact-span precision / recall / F1 (the first
    /// file is the reference) and character-overlap F1; attribution agreement; Cohen's kappa per
    /// pair and Krippendorff's alpha over per-code-point labels. With a project folder and
    /// --annotators, every article all of them annotated (DIR/.newsmark/NAME/ARTICLE.ron).
    Agree {
        /// Two or more session files (.ron), or one project folder.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// With a project folder: the annotators to compare, e.g. `alice,bob`.
        #[arg(long, value_delimiter = ',')]
        annotators: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search every article of a project folder (or one file), case-insensitively.
    ///
    /// One line per match: `FILE:OFFSET: …context [match] context…`, OFFSET being the code
    /// point where the match starts. Exit 0 with matches, 1 with none, 2 if a file was unreadable.
    Search {
        /// A project folder (its `*.txt` articles, recursively) or one article.
        dir: PathBuf,
        /// The text to find.
        query: String,
    },
    /// Suggest quotes (content, cue, speaker), their sources and mentions of speakers.
    ///
    /// Found offline by rules (quotation marks, a cue lexicon, the sentence around each cue);
    /// every annotation is noted "suggested". Writes a session to -o (default: stdout) and a
    /// summary line on stderr.
    Suggest {
        /// The article (plain text).
        article: PathBuf,
        /// The session file to write (.ron); `-` or none: stdout.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Known speakers to find by name and alias: a session file or a RON list of speakers.
        #[arg(long)]
        speakers: Option<PathBuf>,
        /// A model made by `newsmark train`, used instead of the rules.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Train an attribution model (cue, source, content) from annotated sessions.
    ///
    /// Sessions are files or folders searched recursively (a project, or a brat corpus
    /// imported into sessions). Deterministic for a seed; progress on stderr; exits 1 when a
    /// session could not be read (it is listed, the others are used).
    Train {
        /// Session files (.ron) or folders.
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        /// The model file to write.
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// Orders the training data; the same seed and sessions give the same model.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Passes over the data; 0 chooses by the amount of data (15 to 40).
        #[arg(long, default_value_t = 15)]
        epochs: u32,
    },
    /// Import brat standoff or W3C Web Annotation into a new session file.
    ///
    /// Lines or items that cannot be mapped are reported on stderr (at most 20, then a count)
    /// and make the exit code 1.
    Import {
        /// Input format: brat, or w3c (also Hypothesis's API JSON).
        #[arg(long, short = 'f', value_parser = transfer::import_format)]
        format: ImportFormat,
        /// The annotation file (.ann or .json), or a folder of them.
        ann_file: PathBuf,
        /// The article the annotations were made on (plain text).
        #[arg(long)]
        article: Option<PathBuf>,
        /// For a folder of annotation files: the folder of articles (NAME.txt for NAME.ann,
        /// or ARTICLE.txt for ARTICLE_ANNOTATOR.ann).
        #[arg(long)]
        article_dir: Option<PathBuf>,
        /// brat entity types to map: FROM=TO[,FROM=TO…], TO one of Claim, Quote, Mention,
        /// Cue, skip. PolNeAR's full map:
        ///
        /// Content=Quote,Source=Mention,Attribution=skip,Attribution-no-source=skip,Discuss=skip,Discard=skip
        #[arg(long, value_parser = crate::io::formats::brat::TypeMap::parse)]
        map: Option<crate::io::formats::brat::TypeMap>,
        /// The session file to write (.ron), or the output folder for a folder of inputs; it
        /// may be overwritten, the article never.
        #[arg(long, short = 'o', required_unless_present = "project")]
        output: Option<PathBuf>,
        /// For a folder of annotation files: import into this project instead (its articles
        /// are the articles unless --article-dir says otherwise), as
        /// PROJECT/.newsmark/ANNOTATOR/ARTICLE.ron.
        #[arg(long, conflicts_with = "output")]
        project: Option<PathBuf>,
        /// With --project: the annotator the sessions belong to, unless the files are named
        /// ARTICLE_ANNOTATOR.ann.
        #[arg(long, default_value = "imported", requires = "project")]
        annotator: String,
        /// With --project: replace sessions the annotators already have (each old one is kept
        /// as SESSION.ron.bak). Without it they are kept and the file is reported, exit 1.
        #[arg(long, requires = "project")]
        replace: bool,
        /// W3C: read annotations without a Claim, Quote or Mention tag (from other tools) as
        /// this kind: claim, quote or mention (otherwise they are skipped with a warning).
        #[arg(long, value_parser = transfer::kind_name)]
        default_kind: Option<KindTag>,
    },
}

/// Runs a subcommand and turns its outcome into an exit code; errors are printed to stderr.
pub fn run(cmd: Command) -> ExitCode {
    let result = match cmd {
        Command::Check { session, renumber } => check::run(&session, renumber),
        Command::Extract(args) => extract::run(&args),
        Command::Stats { session, json } => stats::run(&session, json),
        Command::Export {
            session,
            format,
            output,
            date,
            skip_unanchored,
            excel,
            no_formula_guard,
            backup,
            publication,
        } => transfer::export(&transfer::ExportArgs {
            session: &session,
            format,
            output: not_stdout(output.as_deref()),
            backup,
            date,
            skip_unanchored,
            excel,
            no_formula_guard,
            publication: &publication,
        }),
        Command::Import {
            format,
            ann_file,
            article,
            article_dir,
            output,
            project,
            annotator,
            replace,
            map,
            default_kind,
        } => transfer::import(
            format,
            &ann_file,
            article.as_deref(),
            article_dir.as_deref(),
            match (&output, &project) {
                (_, Some(dir)) => transfer::Into::Project(dir, &annotator, replace),
                (Some(out), None) => transfer::Into::Folder(out),
                // clap requires one of them.
                (None, None) => transfer::Into::Folder(Path::new(".")),
            },
            &files::ImportOptions {
                map: map.unwrap_or_default(),
                default_kind,
            },
        ),
        Command::Agree {
            files,
            annotators,
            json,
        } => agree::run(&files, &annotators, json),
        Command::Search { dir, query } => project::search(&dir, &query),
        Command::Suggest {
            article,
            output,
            speakers,
            model,
        } => suggest::run(
            &article,
            not_stdout(output.as_deref()),
            speakers.as_deref(),
            model.as_deref(),
        ),
        Command::Train {
            sessions,
            output,
            seed,
            epochs,
        } => train::run(&sessions, &output, seed, epochs),
    };
    result.unwrap_or_else(|e| {
        eprintln!("newsmark: error: {}", one_line_error(&e));
        ExitCode::from(2)
    })
}

/// `None` (standard output) for no `-o` and for `-o -`.
fn not_stdout(output: Option<&Path>) -> Option<&Path> {
    output.filter(|p| *p != Path::new("-"))
}

/// The error and its causes on one line, each cause once: a cause whose text the message
/// already contains is not repeated ("cannot write x: it is a folder", not "…: Is a directory
/// (os error 21): Is a directory (os error 21)").
fn one_line_error(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace(['\n', '\r'], " ")
}

/// Most lines of problems printed for one file; the rest are counted.
const MAX_REPORTED_LINES: usize = 20;

/// Longest line printed about one problem, in characters; the formats quote at most 80
/// characters of input, so this only guards against a message that forgot to.
const MAX_REPORTED_CHARS: usize = 200;

/// Prints `lines` to stderr, each prefixed and cut to [`MAX_REPORTED_CHARS`] in all, at most
/// [`MAX_REPORTED_LINES`] of them and then "… and N more".
fn report_bounded(prefix: &str, lines: &[String]) {
    // The whole printed line, prefix and "…" included, stays within the limit.
    let room = MAX_REPORTED_CHARS
        .saturating_sub(prefix.chars().count())
        .max(60);
    for l in crate::io::formats::bounded_lines(lines, MAX_REPORTED_LINES) {
        let mut line: String = l.chars().take(room).collect();
        if l.chars().nth(room).is_some() {
            line = line.chars().take(room - 1).collect();
            line.push('…');
        }
        eprintln!("{prefix}{line}");
    }
}

/// Writes to stdout; a closed pipe or a full disk is an error, not a panic.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot write to standard output: {}",
                crate::io::disk::describe(&e)
            )
        })
}

/// Opens a session and its article, printing the document's notices to stderr.
fn open(session: &Path) -> anyhow::Result<Document> {
    let mut doc = Document::open_session(session)?;
    // Exports name the article by an absolute IRI, whatever the current folder.
    let article = Path::new(&doc.session.article.path);
    if let Some(abs) = article
        .canonicalize()
        .or_else(|_| std::path::absolute(article))
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
    {
        doc.session.article.path = abs;
    }
    for n in &doc.notices {
        eprintln!("newsmark: note: {n}");
    }
    Ok(doc)
}
