//! The speaker registry: people and bodies who are quoted, make claims or are mentioned.

use serde::{Deserialize, Serialize};

/// Identifies a speaker within a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub u32);

/// What sort of source a speaker is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpeakerKind {
    /// A named individual.
    #[default]
    Person,
    /// A company, party, alliance, agency.
    Organization,
    /// A state or its government ("the Kremlin").
    Country,
    /// A group of people ("analysts", "residents").
    Group,
    /// Not known.
    Unknown,
}

impl SpeakerKind {
    /// All kinds, for menus.
    pub const ALL: [Self; 5] = [
        Self::Person,
        Self::Organization,
        Self::Country,
        Self::Group,
        Self::Unknown,
    ];

    /// The variant's name as written in session files and exports ("Country").
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Country => "Country",
            Self::Group => "Group",
            Self::Unknown => "Unknown",
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country/government",
            Self::Group => "group",
            Self::Unknown => "unknown",
        }
    }
}

/// Colours handed to new speakers in turn; each reads well behind dark text and under light text
/// at the alpha the article view uses, and none is an orange or yellow that could pass for the
/// claims' amber.
pub const PALETTE: [[u8; 3]; 10] = [
    [0x4e, 0x79, 0xa7],
    [0xe1, 0x57, 0x59],
    [0x59, 0xa1, 0x4f],
    [0xb0, 0x7a, 0xa1],
    [0x8f, 0x6f, 0xd6],
    [0x76, 0xb7, 0xb2],
    [0x4c, 0xa8, 0xd8],
    [0xff, 0x9d, 0xa7],
    [0x9c, 0x75, 0x5f],
    [0xba, 0xb0, 0xac],
];

/// A speaker with the names the article uses for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Unique id in the session.
    pub id: SpeakerId,
    /// Canonical name ("Jens Stoltenberg").
    pub name: String,
    /// Person, organization, …
    #[serde(default)]
    pub kind: SpeakerKind,
    /// Other names used in the text ("the Norwegian politician").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Highlight colour as RGB.
    pub colour: [u8; 3],
    /// Role or other note ("NATO Secretary General").
    #[serde(default)]
    pub role: String,
}

impl Speaker {
    /// A new person with the palette colour for its id.
    pub fn new(id: SpeakerId, name: impl Into<String>) -> Self {
        let colour = PALETTE
            .get(id.0 as usize % PALETTE.len())
            .copied()
            .unwrap_or([128, 128, 128]);
        Self {
            id,
            name: name.into(),
            kind: SpeakerKind::Person,
            aliases: Vec::new(),
            colour,
            role: String::new(),
        }
    }

    /// True if `text` is the name or one of the aliases (ignoring case and surrounding space).
    pub fn is_called(&self, text: &str) -> bool {
        let text = text.trim();
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .any(|n| n.trim().to_lowercase() == text.to_lowercase())
    }

    /// Adds `alias` unless it is already the name or an alias, or a pronoun ("he" names
    /// nobody in particular); returns whether it was added.
    pub fn add_alias(&mut self, alias: &str) -> bool {
        let alias = alias.trim();
        if alias.is_empty() || self.is_called(alias) || is_pronoun(alias) {
            return false;
        }
        self.aliases.push(alias.to_owned());
        true
    }
}

/// True for personal pronouns, which refer to a speaker but are no name for them.
pub fn is_pronoun(text: &str) -> bool {
    const PRONOUNS: [&str; 16] = [
        "he", "she", "they", "it", "him", "her", "them", "his", "hers", "their", "we", "us", "i",
        "me", "you", "its",
    ];
    let t = text.trim().to_lowercase();
    PRONOUNS.contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_unique_and_case_insensitive() {
        let mut s = Speaker::new(SpeakerId(1), "Jens Stoltenberg");
        assert!(s.add_alias("the Norwegian politician"));
        assert!(!s.add_alias("The Norwegian Politician "));
        assert!(!s.add_alias("jens stoltenberg"));
        assert!(!s.add_alias("  "));
        assert!(!s.add_alias("He"), "a pronoun is no alias");
        assert!(s.is_called("THE NORWEGIAN POLITICIAN"));
        assert_eq!(s.aliases, ["the Norwegian politician"]);
    }
}
