//! The top of a W3C (or Hypothesis) JSON document, read in one pass without building a tree of
//! the whole file: each annotation becomes a JSON value of its own only while it is read into
//! its typed shape ([`Slot`]), so the memory an import needs grows with the annotations kept,
//! not with a copy of the whole document as `serde_json::Value`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::hypothesis;
use super::json::{Annotation, Lenient, List, SpeakerEntry};

/// One annotation of the document as read, and whether it was in Hypothesis's shape (then
/// rewritten as the Web Annotation it stands for).
pub(super) struct Slot {
    pub item: Lenient<Annotation>,
    pub hypothesis: bool,
}

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let hypothesis = v.as_object().is_some_and(hypothesis::is_hypothesis);
        let v = if hypothesis {
            hypothesis::annotation(&v)
        } else {
            v
        };
        Ok(Self {
            item: Lenient::from(v),
            hypothesis,
        })
    }
}

/// The whole document: an array of annotations, or an object (a collection, a page, one
/// annotation, a Hypothesis search result), or anything else.
pub(super) enum Doc {
    Array(Vec<Slot>),
    Object(Box<Head>),
    Other,
}

/// The fields of a top-level object that tell what it is; the rest kept for a single
/// annotation.
#[derive(Default)]
pub(super) struct Head {
    pub types: List<String>,
    pub first: Option<First>,
    pub items: Option<Vec<Slot>>,
    /// A Hypothesis search result's annotations.
    pub rows: Option<Vec<Slot>>,
    pub total: Option<u64>,
    pub speakers: List<Lenient<SpeakerEntry>>,
    pub rest: Map<String, Value>,
}

/// A collection's first page: embedded (its items), or only linked.
pub(super) enum First {
    Page(Vec<Slot>),
    Linked,
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DocVisitor)
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Doc;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or an array of annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Doc, A::Error> {
        let mut items = Vec::new();
        while let Some(slot) = seq.next_element::<Slot>()? {
            items.push(slot);
        }
        Ok(Doc::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc, A::Error> {
        let mut head = Head::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => head.types = map.next_value()?,
                "first" => head.first = Some(map.next_value()?),
                "items" => head.items = Some(map.next_value()?),
                "rows" => head.rows = Some(map.next_value()?),
                "total" => head.total = map.next_value::<Value>()?.as_u64(),
                "newsmark:speakers" => head.speakers = map.next_value()?,
                _ => {
                    let v = map.next_value::<Value>()?;
                    head.rest.insert(key, v);
                }
            }
        }
        Ok(Doc::Object(Box::new(head)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Doc, E> {
        Ok(Doc::Other)
    }
}

impl<'de> Deserialize<'de> for First {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FirstVisitor)
    }
}

struct FirstVisitor;

impl<'de> Visitor<'de> for FirstVisitor {
    type Value = First;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page or the address of one")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<First, A::Error> {
        let mut items = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                items = Some(map.next_value::<Vec<Slot>>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(items.map_or(First::Linked, First::Page))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<First, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| First::Linked)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<First, E> {
        Ok(First::Linked)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<First, E> {
        Ok(First::Linked)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<First, E> {
        Ok(First::Linked)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<First, E> {
        Ok(First::Linked)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<First, E> {
        Ok(First::Linked)
    }
    fn visit_unit<E: de::Error>(self) -> Result<First, E> {
        Ok(First::Linked)
    }
}

/// Reads the document `json` in one pass (see the module); fails on JSON syntax and on a
/// top-level field of the wrong shape (`"type": 5`).
pub(super) fn read(json: &str) -> Result<Doc, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(json);
    let doc = Doc::deserialize(&mut d)?;
    d.end()?;
    Ok(doc)
}
