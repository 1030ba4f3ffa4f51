//! Times extracting the article of a typical saved news page of about 300 kB: a long head of
//! scripts and styles, a menu of 200 links, ads, share buttons, a 1,500-word article, related
//! stories with captions, comments and a footer. Prints the size, the median and slowest of
//! the runs and the words found, and exits non-zero when the median is over 300 ms.
//!
//! Run with `cargo run --release --example page_bench` (optionally the number of runs,
//! e.g. `-- 20`).

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsmark::io::page;

/// The most a typical page may take (issue: at most 300 ms for a 300 kB page).
const FLOOR: Duration = Duration::from_millis(300);

fn main() -> ExitCode {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let html = news_page(300_000);
    let mut times = Vec::with_capacity(runs);
    let mut words = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        match page::extract_bytes(html.as_bytes(), Path::new("bench.html")) {
            Ok(e) => words = page::open::words(&e.article.text),
            Err(e) => {
                eprintln!("page_bench: {e}");
                return ExitCode::FAILURE;
            }
        }
        times.push(start.elapsed());
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let slowest = times.last().copied().unwrap_or_default();
    println!(
        "page of {} kB: median {:.1} ms, slowest {:.1} ms over {} runs; {words} words of article \
         (limit {} ms)",
        html.len() / 1000,
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
        times.len(),
        FLOOR.as_millis()
    );
    if median > FLOOR {
        eprintln!("page_bench: slower than {} ms", FLOOR.as_millis());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A generated news page of at least `size` bytes.
fn news_page(size: usize) -> String {
    let sentence = "The council said on Tuesday that the plan, which had been delayed twice, \
                    would cost 41 million euros and take until 2026 to finish. ";
    let mut s = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Council approves harbour plan | The Bench Times</title>\
         <link rel=\"canonical\" href=\"https://bench.example/news/harbour-plan\">\
         <meta property=\"og:site_name\" content=\"The Bench Times\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">",
    );
    for i in 0..120 {
        s.push_str(&format!(
            "<script>window.cfg{i} = {{\"slot\": \"ad-{i}\", \"sizes\": [[300,250],[728,90]], \
             \"targeting\": {{\"section\": \"news\", \"tags\": [\"harbour\",\"council\"]}}}};</script>\
             <style>.c{i} {{ margin: {i}px; color: #333; font: 16px/1.4 serif }}</style>"
        ));
    }
    s.push_str("</head><body><header><nav class=\"menu\"><ul>");
    for i in 0..200 {
        s.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    s.push_str("</ul></nav></header><div class=\"ad\">ADVERTISEMENT</div><main><article>");
    s.push_str("<h1>Council approves harbour plan</h1><p class=\"byline\">By Ana Lima</p>");
    s.push_str("<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>");
    for p in 0..60 {
        s.push_str("<p>");
        for _ in 0..1 + p % 2 {
            s.push_str(sentence);
        }
        s.push_str("</p>");
        if p % 12 == 11 {
            s.push_str(&format!("<h2>Part {}</h2>", p / 12 + 2));
        }
    }
    s.push_str("</article><aside class=\"related\">");
    let mut i = 0;
    while s.len() < size.saturating_sub(2000) {
        s.push_str(&format!(
            "<div class=\"card\"><figure><img src=\"/img/{i}.jpg\" alt=\"\"><figcaption>Related \
             story number {i} about something else</figcaption></figure><a href=\"/story/{i}\">\
             Read more</a><span class=\"comments\">{i} comments</span></div>"
        ));
        i += 1;
    }
    s.push_str("</aside></main><footer><p>© The Bench Times</p></footer></body></html>");
    s
}
