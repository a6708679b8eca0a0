//! A JSON record parsed lazily: its top-level keys with their values left as raw JSON text, so
//! that only the mapped fields are ever decoded. Duplicate keys and non-objects are refused.

use std::borrow::Cow;
use std::fmt;

use docket_source::MappedValue;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// A string that borrows from the input unless it had escapes.
struct CowStr<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

/// One record: its top-level keys, each with its value as raw JSON.
pub(crate) struct LazyObject<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for LazyObject<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectVisitor)
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = LazyObject<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object (one record)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(Cow<'de, str>, &'de RawValue)> = Vec::with_capacity(16);
        while let Some(CowStr(key)) = map.next_key::<CowStr<'de>>()? {
            let value: &'de RawValue = map.next_value()?;
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format!(
                    "duplicate key {key:?}: docket does not guess which value is meant"
                )));
            }
            entries.push((key, value));
        }
        Ok(LazyObject(entries))
    }
}

fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// A raw JSON value as a field value: strings unescaped, numbers with their exact digits,
/// arrays as lists of their scalar items, objects as JSON text, null as nothing.
fn raw_to_mapped(raw: &RawValue) -> Option<MappedValue> {
    let text = raw.get();
    match text.as_bytes().first()? {
        b'"' => serde_json::from_str::<CowStr<'_>>(text).ok().map(|s| MappedValue::One(s.0.into_owned())),
        b'[' => {
            let items: Vec<&RawValue> = serde_json::from_str(text).ok()?;
            Some(MappedValue::Many(
                items
                    .into_iter()
                    .filter_map(|item| match raw_to_mapped(item) {
                        Some(MappedValue::One(s)) => Some(s),
                        _ => None,
                    })
                    .collect(),
            ))
        }
        b'n' => None,
        _ => Some(MappedValue::One(text.to_string())),
    }
}

impl LazyObject<'_> {
    /// The value at a JSON pointer (`/authority/name`), decoding only what it needs.
    pub(crate) fn lookup(&self, pointer: &str) -> Option<MappedValue> {
        let rest = pointer.strip_prefix('/')?;
        let (head, tail) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let head = unescape_token(head);
        let raw = self.0.iter().find(|(k, _)| *k == head)?.1;
        if tail.is_empty() {
            return raw_to_mapped(raw);
        }
        let value: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
        let inner = value.pointer(tail)?;
        let text = serde_json::to_string(inner).ok()?;
        let raw: Box<RawValue> = RawValue::from_string(text).ok()?;
        raw_to_mapped(&raw)
    }
}
