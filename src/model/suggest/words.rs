//! Word lists the source rules use; English, like the shipped cue lexicon.

/// Personal pronouns that can be the source of a quote.
#[rustfmt::skip]
pub const PRONOUNS: [&str; 7] = [
    "he", "she", "they", "it", "we", "i", "you",
];

/// Words that end a source phrase.
#[rustfmt::skip]
pub const BOUNDARY: [&str; 77] = [
    "that", "which", "who", "whom", "whose", "when", "where", "while", "and", "but", "or", "nor",
    "because", "as", "if", "after", "before", "since", "though", "although", "so", "than", "in",
    "on", "at", "to", "for", "with", "by", "from", "about", "into", "over", "under", "during",
    "against", "through", "without", "within", "also", "not", "is", "was", "are", "were", "has",
    "have", "had", "be", "been", "would", "will", "could", "should", "can", "may", "might", "do",
    "does", "did", "what", "how", "why", "there", "here", "then", "now", "said", "says", "told",
    "yesterday", "today", "tonight", "last", "this", "earlier", "later",
];

/// Words skipped between a source and its cue ("Smith *also* said", "she *has* said").
#[rustfmt::skip]
pub const BETWEEN: [&str; 33] = [
    "also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "may",
    "might", "later", "previously", "then", "once", "recently", "reportedly", "repeatedly",
    "publicly", "privately", "further", "again", "first", "just", "already", "never", "often",
    "here", "there", "today", "yesterday",
];

/// Days: "Smith on Monday said", "said Tuesday".
#[rustfmt::skip]
pub const DAYS: [&str; 7] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Titles dropped from the front of a name ("President Obama" names "Obama").
#[rustfmt::skip]
pub const TITLES: [&str; 26] = [
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "governor",
    "secretary", "minister", "chairman", "chairwoman", "judge", "justice", "mayor", "rev", "prof",
    "professor", "speaker", "leader", "director", "candidate", "gov.",
];

/// Determiners: a source phrase may start with one, a name never does.
#[rustfmt::skip]
pub const DETERMINERS: [&str; 10] = [
    "the", "a", "an", "his", "her", "their", "its", "our", "some", "many",
];

/// Words that end no noun phrase ("only", "even"): a cue after them has no source before it.
#[rustfmt::skip]
pub const NO_END: [&str; 12] = [
    "only", "even", "both", "long", "being", "just", "all", "still", "ever", "very", "well", "too",
];

/// Periods in "last week", "this month".
#[rustfmt::skip]
pub const TIME_NOUNS: [&str; 13] = [
    "week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", "summer",
    "fall", "spring", "winter", "day",
];

/// Words that may open a sentence before its subject ("But Smith … and said").
#[rustfmt::skip]
pub const OPENERS: [&str; 10] = [
    "but", "and", "so", "then", "later", "also", "however", "meanwhile", "still", "yet",
];
