//! The rule fixes of issue 25: roles not swapped, no openers as content, the person beside an
//! organisation as speaker, pronouns to a compatible speaker, and linear time.

use super::*;

/// (content texts, source, speaker) of every quote.
fn found(text: &str) -> Vec<(Vec<String>, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let cut = |s: Span| chars[s.start..s.end].iter().collect::<String>();
    suggest(text, &[])
        .quotes
        .into_iter()
        .map(|q| {
            (
                q.content.iter().map(|&s| cut(s)).collect(),
                q.source.map(cut).unwrap_or_default(),
                q.speaker.unwrap_or_default(),
            )
        })
        .collect()
}

fn q(content: &str, source: &str, speaker: &str) -> (Vec<String>, String, String) {
    (
        vec![content.to_owned()],
        source.to_owned(),
        speaker.to_owned(),
    )
}

#[test]
fn the_speaker_phrase_is_the_source_not_the_content() {
    let text = "Debra Steger, a former Canadian negotiator at the WTO, said the deal would fail.";
    assert_eq!(
        found(text),
        [q(
            "the deal would fail",
            "Debra Steger, a former Canadian negotiator at the WTO,",
            "Debra Steger"
        )]
    );
    // The inverted order still works when the source ends the clause.
    assert_eq!(
        found("The deal would fail, said Debra Steger."),
        [q("The deal would fail", "Debra Steger", "Debra Steger")]
    );
}

#[test]
fn openers_are_no_content() {
    let text = "Faced with this situation, the union said it would continue the strike.\n\n\
                At the same time, Stam said the port would stay closed.";
    assert_eq!(
        found(text),
        [
            q("it would continue the strike", "the union", "union"),
            q("the port would stay closed", "Stam", "Stam"),
        ]
    );
    // A real content before the source stays.
    assert_eq!(
        found("The strike will go on, the union said."),
        [q("The strike will go on", "the union", "union")]
    );
}

#[test]
fn the_person_beside_an_organisation_is_the_speaker() {
    let text = "“We will not accept this,” said Niek Stam of FNV Havens.\n\n\
                Niek Stam, FNV Havens union leader, said the port stays closed.\n\n\
                Deltalinqs chairman Jan Janssen said the strike was costing millions.";
    let speakers: Vec<String> = found(text).into_iter().map(|(_, _, s)| s).collect();
    assert_eq!(speakers, ["Niek Stam", "Niek Stam", "Jan Janssen"]);
}

#[test]
fn a_pronoun_goes_to_the_nearest_speaker_it_can_stand_for() {
    let text = "Mary Lee said the plan was ready. The ministry said the talks would wait. \
                She said the talks were useful.\n\n\
                The ministry said the talks would resume. Tom Hall said the plan was late. \
                It said the port would reopen.";
    let speakers: Vec<String> = found(text).into_iter().map(|(_, _, s)| s).collect();
    assert_eq!(
        speakers,
        [
            "Mary Lee", "ministry", "Mary Lee", "ministry", "Tom Hall", "ministry"
        ]
    );
}

#[test]
fn adding_many_suggestions_to_a_session_stays_linear() {
    use crate::model::session::{ArticleRef, Session};
    use crate::model::text::ArticleText;
    // 4,000 quotes by 4,000 different people: the old quadratic steps (an id search and a
    // registry scan per annotation) made this take minutes; it must keep every quote.
    let text: String = (0..4000)
        .map(|i| format!("Person{i} Name{i} said the plan number {i} works.\n"))
        .collect();
    let found = suggest(&text, &[]);
    assert_eq!(found.quotes.len(), 4000);
    let mut session = Session::new(ArticleRef::default());
    let added = session::add_to_session(&mut session, &ArticleText::new(text), &found);
    assert_eq!((added.quotes, added.speakers), (4000, 4000));
    let ids: std::collections::HashSet<u32> = session.annotations.iter().map(|a| a.id.0).collect();
    assert_eq!(ids.len(), session.annotations.len());
    assert!(
        session
            .annotations
            .windows(2)
            .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end))
    );
}
