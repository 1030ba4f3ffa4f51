//! The top of a W3C (or Hypothesis) JSON document, read in one pass without building a tree of
//! the whole file: each annotation becomes a JSON value of its own only while it is read into
//! its typed shape ([`Slot`]) and handed to a callback, so an import keeps what it builds of
//! each annotation, never the whole document as `serde_json::Value` or as typed items.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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

/// The whole document, its annotations handed out as they are read: an array of annotations
/// (how many), or an object (a collection, a page, one annotation, a Hypothesis search
/// result), or anything else.
pub(super) enum Doc {
    Array,
    Object(Box<Head>),
    Other,
}

/// The fields of a top-level object that tell what it is; the rest kept for a single
/// annotation. Its annotations (`items`, `first.items`, `rows`) went to the callback.
#[derive(Default)]
pub(super) struct Head {
    pub types: List<String>,
    /// `first`: an embedded page (`Some(true)`) or only a link to one.
    pub first_page: Option<bool>,
    pub has_items: bool,
    /// A Hypothesis search result's `rows` were there.
    pub has_rows: bool,
    pub total: Option<u64>,
    pub speakers: List<Lenient<SpeakerEntry>>,
    pub rest: Map<String, Value>,
}

/// Hands each annotation of an array to the callback as soon as it is read.
struct Items<'a>(&'a mut dyn FnMut(Slot));

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(slot) = seq.next_element::<Slot>()? {
            (self.0)(slot);
        }
        Ok(())
    }
}

/// Reads the top of the document, handing its annotations to the callback.
struct DocSeed<'a>(&'a mut dyn FnMut(Slot));

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = Doc;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or an array of annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Doc, A::Error> {
        Items(self.0).visit_seq(seq).map(|()| Doc::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc, A::Error> {
        let mut head = Head::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => head.types = map.next_value()?,
                "first" => head.first_page = Some(map.next_value_seed(FirstSeed(&mut *self.0))?),
                "items" => {
                    map.next_value_seed(Items(&mut *self.0))?;
                    head.has_items = true;
                }
                "rows" => {
                    map.next_value_seed(Items(&mut *self.0))?;
                    head.has_rows = true;
                }
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

/// A collection's `first`: an embedded page (its items handed to the callback; `true`) or only
/// the address of one (`false`).
struct FirstSeed<'a>(&'a mut dyn FnMut(Slot));

impl<'de> DeserializeSeed<'de> for FirstSeed<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FirstSeed<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page or the address of one")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut page = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                map.next_value_seed(Items(&mut *self.0))?;
                page = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(page)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| false)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Reads the document `json` in one pass (see the module), handing each annotation to `each`
/// in file order; fails on JSON syntax and on a top-level field of the wrong shape
/// (`"type": 5`).
pub(super) fn read(json: &str, each: &mut dyn FnMut(Slot)) -> Result<Doc, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(json);
    let doc = (&mut d).deserialize_any(DocSeed(each))?;
    d.end()?;
    Ok(doc)
}
