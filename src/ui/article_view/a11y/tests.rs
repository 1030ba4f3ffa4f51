use super::*;
use runs::{MAX_RUN_CHARS, runs_of_line};

/// A published run over all of `bounds`.
fn run(node: u64, bounds: &[usize]) -> (NodeId, Arc<[usize]>, Range<usize>) {
    (NodeId(node), bounds.into(), 0..bounds.len() - 1)
}

#[test]
fn a_line_is_cut_into_characters_with_their_code_points_and_word_starts() {
    let runs = runs_of_line("Hi yo", 7, true, false);
    assert_eq!(runs.len(), 1);
    let r = &runs[0];
    assert_eq!(r.value, "Hi yo\n");
    assert_eq!(r.lengths, [1, 1, 1, 1, 1, 1]);
    assert_eq!(*r.bounds, [7, 8, 9, 10, 11, 12, 13]);
    // The paragraph's start is a word start without being listed.
    assert_eq!(r.word_starts, [3]);
    // A wrapped line starts with a new word.
    assert_eq!(runs_of_line("yo", 10, false, true)[0].word_starts, [0]);
}

#[test]
fn a_character_is_a_grapheme_cluster_of_any_length_in_bytes() {
    // e + combining acute, a flag (two code points), "é" precomposed.
    let runs = runs_of_line("e\u{301}🇳🇴é", 0, false, false);
    let r = &runs[0];
    assert_eq!(r.lengths, [3, 8, 2]);
    assert_eq!(*r.bounds, [0, 2, 4, 5]);
}

#[test]
fn a_long_line_is_cut_into_runs_of_255_characters() {
    let text = "ab ".repeat(100);
    let runs = runs_of_line(&text, 1000, true, false);
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].lengths.len(), MAX_RUN_CHARS);
    assert_eq!(
        runs[1].lengths.len(),
        46,
        "300 characters and the line break"
    );
    assert_eq!(runs[0].bounds.last(), runs[1].bounds.first());
    assert_eq!(runs[1].bounds.last(), Some(&1301));
    // "ab" at character 255 starts a word: its index in the second run is 0.
    assert_eq!(runs[1].word_starts.first(), Some(&0));
    assert_eq!(format!("{}{}", runs[0].value, runs[1].value), text + "\n");
}

#[test]
fn an_empty_line_is_one_empty_run_where_the_caret_can_be() {
    let runs = runs_of_line("", 42, false, false);
    assert_eq!(runs.len(), 1);
    assert_eq!(*runs[0].bounds, [42]);
    let published: Published = vec![run(1, &runs[0].bounds)];
    let p = position(&published, 42).unwrap();
    assert_eq!((p.node, p.character_index), (NodeId(1), 0));
}

#[test]
fn code_points_map_to_run_positions_and_back() {
    // Two lines of one paragraph ("ab " wraps before "cd"), then a blank line.
    let runs: Published = vec![
        run(1, &[0, 1, 2, 3]),
        run(2, &[3, 4, 5, 6]),
        run(3, &[6, 7]),
    ];
    let at = |n: usize| {
        let p = position(&runs, n).unwrap();
        (p.node.0, p.character_index)
    };
    assert_eq!(at(0), (1, 0));
    assert_eq!(at(2), (1, 2));
    // A wrap: the caret is at the start of the next line.
    assert_eq!(at(3), (2, 0));
    // Before the blank line's `\n`, then after it: the end of what is published.
    assert_eq!(at(6), (3, 0));
    assert_eq!(at(7), (3, 1));
    assert_eq!(position(&runs, 8), None);
    for n in 0..=7 {
        let p = position(&runs, n).unwrap();
        assert_eq!(code_point(&runs, &p), Some(n));
    }
    // Inside a cluster: its start.
    let cluster: Published = vec![run(9, &[10, 12, 13])];
    assert_eq!(position(&cluster, 11).unwrap().character_index, 0);
}

#[test]
fn a_run_is_cut_where_annotations_start_and_end_and_the_pieces_keep_their_words() {
    let runs = runs_of_line("Hi yo there", 10, true, false);
    let r = &runs[0];
    // Cuts outside the run, at its ends, twice at one place, or inside a cluster are ignored.
    let pieces = r.pieces(&[0, 10, 13, 13, 15, 50]);
    let texts: Vec<&str> = pieces.iter().map(|p| p.value).collect();
    assert_eq!(texts, ["Hi ", "yo", " there\n"]);
    assert_eq!(pieces[1].bounds(), [13, 14, 15]);
    assert_eq!(pieces[1].word_starts, [0]);
    assert_eq!(pieces[2].word_starts, [1]);
    let published: Published = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| (NodeId(i as u64), Arc::clone(&p.bounds), p.chars.clone()))
        .collect();
    let p = position(&published, 14).unwrap();
    assert_eq!((p.node, p.character_index), (NodeId(1), 1));
    assert_eq!(code_point(&published, &p), Some(14));
    // Where one piece ends, the caret is at the start of the next.
    assert_eq!(position(&published, 15).unwrap().node, NodeId(2));
    let cluster = runs_of_line("e\u{301}x", 0, false, false);
    assert_eq!(cluster[0].pieces(&[1]).len(), 1, "no cut inside a cluster");
}

#[test]
fn marks_nest_and_an_overlap_is_cut_into_fragments() {
    use crate::model::index::Entry;
    use crate::ui::article_view::highlight::{Layer, Part};
    let entry = |start, end, i| Entry {
        start,
        end,
        value: Layer::Annotation(i, Part::Main),
    };
    // A quote 0..20 with a mention 2..6 inside; a claim 15..30 that overlaps the quote's end.
    let entries = vec![entry(0, 20, 0), entry(2, 6, 1), entry(15, 30, 2)];
    let pieces = [(0, 2), (2, 6), (6, 15), (15, 20), (20, 30), (30, 40)];
    let mut tree = marks::Tree::new(Id::unique("article"));
    for (k, &(s, e)) in pieces.iter().enumerate() {
        tree.enter(&marks::covering(&entries, s, e), s);
        tree.add(
            NodeId(100 + k as u64),
            Rect::from_min_size(pos2(s as f32, 0.0), egui::vec2(1.0, 1.0)),
        );
    }
    tree.finish();
    // The article holds: the quote, the claim's fragment after it, the last run.
    assert_eq!(tree.top.len(), 3, "{:?}", tree.top);
    assert_eq!(tree.top[2], NodeId(105));
    let spans: Vec<(usize, usize, u32)> = tree
        .done
        .iter()
        .map(|c| (c.span.0, c.span.1, c.span.2))
        .collect();
    assert_eq!(spans, [(2, 6, 1), (15, 30, 2), (0, 20, 0), (15, 30, 2)]);
    // The quote holds its runs, the mention and the claim's first fragment, in text order.
    let quote = &tree.done[2];
    assert_eq!(quote.children.len(), 4);
    assert_eq!(quote.children[0], NodeId(100));
    assert_eq!(quote.children[1], tree.done[0].id.accesskit_id());
    assert_eq!(quote.children[3], tree.done[1].id.accesskit_id());
    assert_ne!(tree.done[1].id, tree.done[3].id, "two fragments, two nodes");
}
