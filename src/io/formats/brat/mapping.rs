//! What a brat import makes of each entity type (`--map Content=Quote,Attribution=skip`).

use super::entity::Tag;
use super::fold;

/// What an entity type of the input becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    /// A newsmark annotation or cue.
    Keep(Tag),
    /// Deliberately not imported (not a loss).
    Skip,
}

/// Entity type → what it becomes. Claim, Quote, Mention and Cue map to themselves unless
/// mapped otherwise; type names compare case- and punctuation-insensitively.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeMap {
    entries: Vec<(String, Target)>,
}

impl TypeMap {
    /// Parses `FROM=TO[,FROM=TO…]` with TO one of Claim, Quote, Mention, Cue, skip.
    /// `"Content=Quote,Attribution=skip"` maps PolNeAR's contents to quotes and drops triggers.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut entries = Vec::new();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((from, to)) = pair.split_once('=') else {
                return Err(format!("“{pair}” is not FROM=TO"));
            };
            let target = match fold(to).as_str() {
                "claim" => Target::Keep(Tag::Claim),
                "quote" => Target::Keep(Tag::Quote),
                "mention" => Target::Keep(Tag::Mention),
                "cue" => Target::Keep(Tag::Cue),
                "skip" => Target::Skip,
                _ => {
                    return Err(format!(
                        "“{to}” in “{pair}” is not Claim, Quote, Mention, Cue or skip"
                    ));
                }
            };
            entries.push((fold(from), target));
        }
        Ok(Self { entries })
    }

    /// What type `ty` becomes, or `None` when it is neither mapped nor one of ours.
    pub(super) fn target(&self, ty: &str) -> Option<Target> {
        let key = fold(ty);
        if let Some((_, t)) = self.entries.iter().find(|(k, _)| *k == key) {
            return Some(*t);
        }
        match key.as_str() {
            "claim" => Some(Target::Keep(Tag::Claim)),
            "quote" => Some(Target::Keep(Tag::Quote)),
            "mention" => Some(Target::Keep(Tag::Mention)),
            "cue" => Some(Target::Keep(Tag::Cue)),
            _ => None,
        }
    }

    /// True when no mapping was given.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// PolNeAR's full type map, as the README and `import --help` give it.
pub const POLNEAR_MAP: &str = "Content=Quote,Source=Mention,Attribution=skip,\
Attribution-no-source=skip,Discuss=skip,Discard=skip";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_parse_and_default_to_our_types() {
        let m = TypeMap::parse("Content=Quote, Source=mention,Attribution=skip").unwrap();
        assert_eq!(m.target("content"), Some(Target::Keep(Tag::Quote)));
        assert_eq!(m.target("SOURCE"), Some(Target::Keep(Tag::Mention)));
        assert_eq!(m.target("Attribution"), Some(Target::Skip));
        assert_eq!(m.target("Cue"), Some(Target::Keep(Tag::Cue)));
        assert_eq!(m.target("Thing"), None);
        assert!(TypeMap::parse("Content").unwrap_err().contains("FROM=TO"));
        assert!(TypeMap::parse("A=Speech").unwrap_err().contains("skip"));
    }
}
