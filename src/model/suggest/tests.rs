//! What the finder suggests for sentences written for these tests.

use super::*;
use crate::model::speaker::SpeakerId;

/// (content texts, cue, source, speaker) of every quote.
fn found(text: &str, known: &[Speaker]) -> Vec<(Vec<String>, String, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let cut = |s: Span| chars[s.start..s.end].iter().collect::<String>();
    suggest(text, known)
        .quotes
        .into_iter()
        .map(|q| {
            (
                q.content.iter().map(|&s| cut(s)).collect(),
                q.cue.map(cut).unwrap_or_default(),
                q.source.map(cut).unwrap_or_default(),
                q.speaker.unwrap_or_default(),
            )
        })
        .collect()
}

fn quote(
    content: &[&str],
    cue: &str,
    source: &str,
    speaker: &str,
) -> (Vec<String>, String, String, String) {
    (
        content.iter().map(|s| (*s).to_owned()).collect(),
        cue.to_owned(),
        source.to_owned(),
        speaker.to_owned(),
    )
}

#[test]
fn a_quote_split_around_its_cue_is_one_suggestion_and_the_pronoun_finds_its_speaker() {
    let text = "Longtime pollster Pat Caddell spoke on Monday.\n\n\
                “The numbers moved,” he said, “and fast.” “Nobody expected it.”";
    assert_eq!(
        found(text, &[]),
        [quote(
            &[
                "“The numbers moved,”",
                "“and fast.”",
                "“Nobody expected it.”"
            ],
            "said",
            "he",
            ""
        )]
    );
}

#[test]
fn inverted_indirect_and_according_to() {
    let text = "“We will not leave,” said Mayor Jane Doe. \
                The council told reporters that the vote was delayed. \
                Prices rose sharply, according to the ministry.";
    assert_eq!(
        found(text, &[]),
        [
            quote(
                &["“We will not leave,”"],
                "said",
                "Mayor Jane Doe",
                "Jane Doe"
            ),
            quote(
                &["that the vote was delayed"],
                "told",
                "The council",
                "council"
            ),
            quote(
                &["Prices rose sharply"],
                "according to",
                "the ministry",
                "ministry"
            ),
        ]
    );
}

#[test]
fn a_surname_and_a_pronoun_join_the_speaker_named_first() {
    let text = "Senator Anna Berg said the plan works. Berg added: “It is cheap.” She noted that it is new.";
    let speakers: Vec<String> = found(text, &[]).into_iter().map(|q| q.3).collect();
    assert_eq!(speakers, ["Anna Berg", "Anna Berg", "Anna Berg"]);
}

#[test]
fn known_speakers_are_found_by_name_and_alias() {
    let mut nato = Speaker::new(SpeakerId(1), "Jens Stoltenberg");
    nato.aliases.push("the Secretary General".into());
    let text = "The Secretary General said allies agree. Later Jens Stoltenberg left.";
    let s = suggest(text, &[nato.clone()]);
    let at: Vec<(usize, usize, &str)> = s
        .mentions
        .iter()
        .map(|m| (m.span.start, m.span.end, m.speaker.as_str()))
        .collect();
    assert_eq!(
        at,
        [(0, 21, "Jens Stoltenberg"), (47, 63, "Jens Stoltenberg")]
    );
    assert_eq!(found(text, &[nato])[0].3, "Jens Stoltenberg");
}

#[test]
fn text_without_cues_suggests_nothing() {
    assert_eq!(
        suggest("The state report claims nothing. “Hello.”", &[]),
        Suggestions::default()
    );
}

#[test]
fn participles_transcripts_and_a_quote_ended_by_its_stop() {
    let text = "Governor Ann Lee signed the bill, saying it was rushed.\n\
                LEE: We will veto it.\n\
                “We know that.” Priebus said.";
    assert_eq!(
        found(text, &[]),
        [
            quote(&["it was rushed"], "saying", "Governor Ann Lee", "Ann Lee"),
            quote(&["We will veto it"], ":", "LEE", "Ann Lee"),
            quote(&["“We know that.”"], "said", "Priebus", "Priebus"),
        ]
    );
}

#[test]
fn a_cue_inside_a_quotation_is_not_suggested() {
    let text = "“They said no,” Kim said.";
    let cues: Vec<String> = found(text, &[]).into_iter().map(|q| q.2).collect();
    assert_eq!(cues, ["Kim"]);
}

#[test]
fn unlisted_verbs_next_to_quotations_or_before_that_are_cues_but_passives_are_not() {
    let text = "“It is over,” Lee chuckled. Lee grumbled that taxes rose. \
                The plan was announced on Monday.";
    assert_eq!(
        found(text, &[]),
        [
            quote(&["“It is over,”"], "chuckled", "Lee", "Lee"),
            quote(&["that taxes rose"], "grumbled", "Lee", "Lee"),
        ]
    );
}

#[test]
fn auxiliaries_and_adverbs_before_a_cue_belong_to_it() {
    let text = "Lee has repeatedly said that taxes rose.";
    assert_eq!(
        found(text, &[]),
        [quote(
            &["that taxes rose"],
            "has repeatedly said",
            "Lee",
            "Lee"
        )]
    );
}

#[test]
fn an_inverted_source_keeps_its_apposition_and_a_sentence_opener_is_no_name() {
    let text =
        "“Prices rose,” said Jon Alterman, a Middle East analyst. As Alterman said, it hurt.";
    let sources: Vec<String> = found(text, &[]).into_iter().map(|q| q.2).collect();
    assert_eq!(sources, ["Jon Alterman, a Middle East analyst", "Alterman"]);
}
