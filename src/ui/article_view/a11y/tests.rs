use super::*;

#[test]
fn a_line_is_cut_into_characters_with_their_code_points_and_word_starts() {
    let runs = runs_of_line("Hi yo", 7, true, false);
    assert_eq!(runs.len(), 1);
    let r = &runs[0];
    assert_eq!(r.value, "Hi yo\n");
    assert_eq!(r.lengths, [1, 1, 1, 1, 1, 1]);
    assert_eq!(r.bounds, [7, 8, 9, 10, 11, 12, 13]);
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
    assert_eq!(r.bounds, [0, 2, 4, 5]);
}

#[test]
fn a_long_line_is_cut_into_runs_of_255_characters() {
    let text = "ab ".repeat(100);
    let runs = runs_of_line(&text, 1000, true, false);
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].lengths.len(), 255);
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
    assert_eq!(runs[0].bounds, [42]);
    let published: Published = vec![(NodeId(1), runs[0].bounds.clone())];
    let p = position(&published, 42).unwrap();
    assert_eq!((p.node, p.character_index), (NodeId(1), 0));
}

#[test]
fn code_points_map_to_run_positions_and_back() {
    // Two lines of one paragraph ("ab " wraps before "cd"), then a blank line.
    let runs: Published = vec![
        (NodeId(1), vec![0, 1, 2, 3]),
        (NodeId(2), vec![3, 4, 5, 6]),
        (NodeId(3), vec![6, 7]),
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
    let cluster: Published = vec![(NodeId(9), vec![10, 12, 13])];
    assert_eq!(position(&cluster, 11).unwrap().character_index, 0);
}

#[test]
fn the_description_gives_the_selection_and_the_caret() {
    let text = ArticleText::new("NATO Secretary General Jens Stoltenberg said".into());
    let sel = |anchor, head| Selection { anchor, head };
    assert_eq!(
        describe(&text, sel(23, 39)),
        "selected: Jens Stoltenberg; caret at code point 39"
    );
    assert_eq!(
        describe(&text, sel(39, 23)),
        "selected: Jens Stoltenberg; caret at code point 23"
    );
    assert_eq!(describe(&text, sel(5, 5)), "caret at code point 5");
    let long = ArticleText::new("x".repeat(5000));
    let d = describe(&long, sel(0, 5000));
    assert!(
        d.ends_with("x… (5000 code points); caret at code point 5000"),
        "{d}"
    );
    assert!(d.len() < 2100);
}
