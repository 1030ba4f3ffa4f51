//! The shapes of a Web Annotation document, as serde reads them. Fields newsmark does not use
//! are ignored; wherever the model allows one value or a list, both are read ([`List`]); an
//! annotation (or speaker) that does not fit its shape is kept as the reason ([`Lenient`]), so
//! that it costs only itself and is reported.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _, IgnoredAny};
use serde_json::Value;

use super::document::{self, Doc, Slot};
use super::hypothesis;
use crate::io::formats::names::parse_value;
use crate::io::formats::{FormatError, QUOTE_CHARS, quote_input};
use crate::model::speaker::{Speaker, SpeakerId, SpeakerKind};

/// Reads an `AnnotationCollection` (its embedded first page's `items`, or `items`), an
/// `AnnotationPage`, an array of annotations or one `Annotation`, handing each annotation to
/// `each` in file order; returns the collection's `newsmark:speakers`. Hypothesis's API JSON (a
/// search result's `rows`, an array of its annotations or one) is read as the Web Annotations
/// it stands for. The file is read in one pass ([`document`]), so nothing of an annotation is
/// kept but what `each` keeps. Fails on JSON syntax (with serde_json's line and column) and on
/// any other shape.
pub(super) fn parse(json: &str, each: &mut dyn FnMut(Slot)) -> Result<Parsed, FormatError> {
    let not_w3c = |why: String| {
        FormatError::Shape(format!(
            "not a W3C Web Annotation document: expected an AnnotationCollection, an \
             AnnotationPage, an Annotation or an array of annotations{why}"
        ))
    };
    let doc = document::read(json, each).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => not_w3c(format!(" ({})", short(&e))),
        _ => FormatError::Json(e),
    })?;
    let head = match doc {
        Doc::Array => return Ok(Parsed::default()),
        Doc::Object(head) => head,
        Doc::Other => return Err(not_w3c(String::new())),
    };
    let is = |t: &str| head.types.0.iter().any(|x| x == t);
    if head.types.0.is_empty() && head.has_rows {
        // A Hypothesis search result: `{"total": N, "rows": [...]}`.
        return Ok(Parsed {
            speakers: Vec::new(),
            rows: true,
        });
    }
    if is("AnnotationCollection") || is("AnnotationPage") {
        let embedded = head.first_page == Some(true) || head.has_items;
        if !embedded && head.total != Some(0) {
            return Err(FormatError::Shape(
                "the AnnotationCollection does not embed its first page's items (linked pages \
                 are not fetched)"
                    .into(),
            ));
        }
    } else if is("Annotation") {
        each(Slot {
            item: Lenient::from(Value::Object(head.rest)),
            hypothesis: false,
        });
    } else if head.types.0.is_empty() && hypothesis::is_hypothesis(&head.rest) {
        let one = hypothesis::annotation(&Value::Object(head.rest));
        each(Slot {
            item: Lenient::from(one),
            hypothesis: true,
        });
    } else {
        return Err(not_w3c(String::new()));
    }
    Ok(Parsed {
        speakers: head.speakers.0,
        rows: false,
    })
}

/// What a document says besides its annotations: its `newsmark:speakers`, and whether it was
/// a Hypothesis search result.
#[derive(Default)]
pub(super) struct Parsed {
    pub speakers: Vec<Lenient<SpeakerEntry>>,
    pub rows: bool,
}

/// One annotation: [`Node`] bodies (tag, speaker, attributes, note, cue, sources) and targets
/// (the main span and, with `newsmark:role: "more"`, further parts).
#[derive(Deserialize)]
pub(super) struct Annotation {
    pub id: Option<String>,
    #[serde(default)]
    pub motivation: List<String>,
    #[serde(default)]
    pub body: List<Node>,
    #[serde(rename = "bodyValue")]
    pub body_value: Option<String>,
    #[serde(default)]
    pub target: List<Node>,
    /// Only for the annotator's name: one that cannot be read is no reason to drop anything.
    #[serde(default)]
    pub creator: List<Lenient<Creator>>,
    #[serde(rename = "newsmark:inQuote")]
    pub in_quote: Option<String>,
    #[serde(rename = "newsmark:sourceMentions", default)]
    pub source_mentions: List<String>,
}

/// A body or a target: another resource named by its IRI (as a target: a whole document), or a
/// `TextualBody` or `SpecificResource` described in place.
pub(super) enum Node {
    Iri(String),
    Resource(Box<Resource>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // By hand rather than untagged, so that a resource that does not fit says why.
        match Value::deserialize(d)? {
            Value::String(iri) => Ok(Self::Iri(iri)),
            v => Resource::deserialize(v)
                .map(|r| Self::Resource(Box::new(r)))
                .map_err(D::Error::custom),
        }
    }
}

/// The fields newsmark reads of a `TextualBody` or `SpecificResource`.
#[derive(Deserialize)]
pub(super) struct Resource {
    #[serde(rename = "type", default)]
    pub types: List<String>,
    #[serde(default)]
    pub purpose: List<String>,
    pub value: Option<String>,
    pub id: Option<String>,
    /// The article (for a target), a claim's source (for a `linking` body).
    pub source: Option<Lenient<Link>>,
    #[serde(default)]
    pub selector: List<Selector>,
    /// `cue` or `more`.
    #[serde(rename = "newsmark:role")]
    pub role: Option<String>,
    /// `checkWorthiness`, `verdict` or `quoteType`.
    #[serde(rename = "newsmark:attribute")]
    pub attribute: Option<String>,
    /// The id of the speaker an `identifying` body names.
    #[serde(rename = "newsmark:speaker")]
    pub speaker: Option<u32>,
}

impl Resource {
    /// True if `purpose` lists `p`.
    pub fn has_purpose(&self, p: &str) -> bool {
        self.purpose.0.iter().any(|x| x == p)
    }

    /// The IRI of `source`, else `id`.
    pub fn link(&self) -> Option<&str> {
        match self.source.as_ref().map(Lenient::read) {
            Some(Ok(Link::Iri(iri) | Link::Node { id: Some(iri) })) => Some(iri),
            _ => self.id.as_deref(),
        }
    }
}

/// An IRI, or an object that has one as `id`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Link {
    Iri(String),
    Node { id: Option<String> },
}

/// The selectors newsmark places on the text; the others (CSS, XPath, fragment, range…) are
/// `Other`. A selector refined by another (`refinedBy`) selects less than it says.
#[derive(Deserialize)]
#[serde(tag = "type")]
pub(super) enum Selector {
    /// A `TextPositionSelector`: code points `start..end` of the text.
    #[serde(rename = "TextPositionSelector")]
    Position {
        start: usize,
        end: usize,
        #[serde(rename = "refinedBy")]
        refined: Option<IgnoredAny>,
    },
    /// A `TextQuoteSelector`: the text itself, with what comes just before and after it.
    #[serde(rename = "TextQuoteSelector")]
    Quote {
        exact: String,
        prefix: Option<String>,
        suffix: Option<String>,
        #[serde(rename = "refinedBy")]
        refined: Option<IgnoredAny>,
    },
    #[serde(other)]
    Other,
}

/// Who made an annotation: an agent with a name, or only an IRI (read as the name).
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Creator {
    Agent { name: Option<String> },
    Iri(String),
}

/// An entry of `newsmark:speakers`.
#[derive(Deserialize)]
pub(super) struct SpeakerEntry {
    #[serde(rename = "newsmark:id")]
    pub id: u32,
    #[serde(rename = "newsmark:name")]
    pub name: String,
    #[serde(rename = "newsmark:kind")]
    pub kind: Option<String>,
    #[serde(rename = "newsmark:aliases", default)]
    pub aliases: List<String>,
    #[serde(rename = "newsmark:role", default)]
    pub role: String,
    /// `#rrggbb`.
    #[serde(rename = "newsmark:colour")]
    pub colour: Option<String>,
}

impl SpeakerEntry {
    /// The speaker it describes (an unknown kind or a colour that is not `#rrggbb` is left at
    /// its default).
    pub fn to_speaker(&self) -> Speaker {
        let mut sp = Speaker::new(SpeakerId(self.id), self.name.as_str());
        if let Some(k) = &self.kind {
            sp.kind = parse_value(&SpeakerKind::ALL, SpeakerKind::name, SpeakerKind::label, k)
                .unwrap_or_default();
        }
        sp.aliases.clone_from(&self.aliases.0);
        sp.role.clone_from(&self.role);
        if let Some(c) = self.colour.as_deref().and_then(|c| c.strip_prefix('#'))
            && c.len() == 6
            && let Ok(n) = u32::from_str_radix(c, 16)
        {
            let [_, r, g, b] = n.to_be_bytes();
            sp.colour = [r, g, b];
        }
        sp
    }
}

/// One value or a list of them, as JSON-LD allows; `null` is none.
pub(super) struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // By hand rather than untagged, so that a value that does not fit says why.
        match Value::deserialize(d)? {
            Value::Null => Ok(Self::default()),
            v @ Value::Array(_) => Vec::deserialize(v).map(Self),
            v => T::deserialize(v).map(|t| Self(vec![t])),
        }
        .map_err(D::Error::custom)
    }
}

/// A `T`, or why the JSON there is not one (serde's message, at most about 120 characters).
pub(super) struct Lenient<T>(Result<T, String>);

impl<T: DeserializeOwned> From<Value> for Lenient<T> {
    fn from(v: Value) -> Self {
        Self(T::deserialize(v).map_err(|e| short(&e)))
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(Self::from)
    }
}

impl<T> Lenient<T> {
    /// The value, or why there is none.
    pub fn read(&self) -> Result<&T, &str> {
        self.0.as_ref().map_err(String::as_str)
    }

    /// The value itself, or why there is none.
    pub fn into_inner(self) -> Result<T, String> {
        self.0
    }
}

/// serde's message, which quotes an offending string whole, with its middle cut out if long,
/// and newsmark's Rust type names put in words.
fn short(e: &serde_json::Error) -> String {
    let msg = in_words(&e.to_string());
    let n = msg.chars().count();
    if n <= QUOTE_CHARS * 3 / 2 {
        return quote_input(&msg);
    }
    let tail: String = msg.chars().skip(n - QUOTE_CHARS / 2).collect();
    format!("{}{}", quote_input(&msg), quote_input(&tail))
}

/// serde's message without the names of newsmark's Rust types, which mean nothing to a user:
/// `invalid type: integer `5`, expected struct Resource` becomes `invalid type: integer `5`,
/// expected an object`.
fn in_words(message: &str) -> String {
    if message.starts_with("data did not match any variant of untagged enum") {
        return "it has none of the shapes allowed here".to_owned();
    }
    crate::io::session_file::words::without_type_names(
        message,
        "an object",
        "one of the allowed shapes",
    )
}

#[cfg(test)]
mod tests {
    use super::in_words;

    #[test]
    fn serde_messages_name_no_rust_type() {
        assert_eq!(
            in_words("invalid type: integer `5`, expected struct Resource"),
            "invalid type: integer `5`, expected an object"
        );
        assert_eq!(
            in_words("invalid type: string \"x\", expected internally tagged enum Selector"),
            "invalid type: string \"x\", expected one of the allowed shapes"
        );
        assert_eq!(
            in_words("data did not match any variant of untagged enum Link"),
            "it has none of the shapes allowed here"
        );
        assert_eq!(in_words("missing field `start`"), "missing field `start`");
    }
}
