//! The `annotation.conf` and `visual.conf` written beside an exported `.ann`, so that brat's
//! validator and viewer know newsmark's types: entities Claim, Quote, Mention, Cue; relations
//! Source, Said, InQuote and Equiv; attributes QuoteType, CheckWorthiness, Verdict, SpeakerKind.
//!
//! brat styles annotations by type only, so `visual.conf` gives one colour per kind (claims
//! amber as in the window); a speaker's colour cannot be carried (speakers are normalizations,
//! which brat does not colour).

use super::values::{check_worthiness_name, quote_type_name, verdict_name};
use crate::model::annotation::{CheckWorthiness, QuoteType, Verdict};
use crate::model::speaker::SpeakerKind;

/// True for a configuration file newsmark wrote (its first line is newsmark's comment), which
/// an export may replace; any other is the user's and is kept.
pub fn is_newsmark_conf(content: &str) -> bool {
    content
        .lines()
        .next()
        .is_some_and(|l| l.starts_with('#') && l.contains("newsmark"))
}

/// The `annotation.conf` for every `.ann` newsmark writes.
pub fn annotation_conf() -> String {
    let values = |names: Vec<&str>| names.join("|");
    let quote_types = values(
        QuoteType::ALL
            .into_iter()
            .filter(|q| *q != QuoteType::Unspecified)
            .map(quote_type_name)
            .collect(),
    );
    let worthiness = values(
        CheckWorthiness::ALL
            .into_iter()
            .map(check_worthiness_name)
            .collect(),
    );
    let verdicts = values(Verdict::ALL.into_iter().map(verdict_name).collect());
    let kinds = values(
        SpeakerKind::ALL
            .into_iter()
            .map(SpeakerKind::name)
            .collect(),
    );
    format!(
        "# newsmark's annotation types, for brat (https://brat.nlplab.org/configuration.html).\n\
         \n\
         [entities]\n\
         Claim\n\
         Quote\n\
         Mention\n\
         Cue\n\
         \n\
         [relations]\n\
         Source\tArg1:Claim|Quote, Arg2:Mention\n\
         Said\tArg1:Quote, Arg2:Cue\n\
         InQuote\tArg1:Claim, Arg2:Quote\n\
         Equiv\tArg1:Mention, Arg2:Mention, <REL-TYPE>:symmetric-transitive\n\
         # Annotations may nest, coincide and cross (a claim inside a quote, a mention in both).\n\
         <OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\
         \n\
         [events]\n\
         \n\
         [attributes]\n\
         QuoteType\tArg:Quote, Value:{quote_types}\n\
         CheckWorthiness\tArg:Claim, Value:{worthiness}\n\
         Verdict\tArg:Claim, Value:{verdicts}\n\
         SpeakerKind\tArg:Mention|Quote|Claim, Value:{kinds}\n"
    )
}

/// The `visual.conf`: labels and one colour per kind.
pub fn visual_conf() -> String {
    "# How brat draws newsmark's annotations. brat colours by type only, so speakers' colours\n\
     # are not carried.\n\
     \n\
     [labels]\n\
     Claim | Claim | Cl\n\
     Quote | Quote | Q\n\
     Mention | Mention | M\n\
     Cue | Cue\n\
     Source | Source | src\n\
     Said | Said\n\
     InQuote | In quote\n\
     \n\
     [drawing]\n\
     SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n\
     ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n\
     ATTRIBUTE_DEFAULT\tglyph:*\n\
     Claim\tbgColor:#f2b705\n\
     Quote\tbgColor:#5b9bd5\n\
     Mention\tbgColor:#9fe67f\n\
     Cue\tbgColor:#d0d0d0\n\
     Source\tcolor:#2060a0\n\
     Said\tcolor:#606060\n\
     InQuote\tcolor:#a07000, dashArray:3-3\n"
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_declared() {
        let conf = annotation_conf();
        assert!(conf.contains("Verdict\tArg:Claim, Value:Unchecked|True|MostlyTrue|"));
        assert!(conf.contains("QuoteType\tArg:Quote, Value:Direct|Indirect|Mixed\n"));
        assert!(conf.contains("SpeakerKind\tArg:Mention|Quote|Claim, Value:Person|"));
        assert!(is_newsmark_conf(&conf) && is_newsmark_conf(&visual_conf()));
        assert!(!is_newsmark_conf("[entities]\nProtein\n"));
    }
}
