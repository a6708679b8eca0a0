//! A JSON record parsed lazily: its top-level keys with their values left as raw JSON text, so
//! that only the mapped fields are ever decoded. Duplicate keys and non-objects are refused.

use std::borrow::Cow;
use std::collections::HashSet;
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

/// Objects with up to this many keys look for duplicate keys by a linear scan.
const SMALL_OBJECT: usize = 16;

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
        // past a few keys, duplicates are found through a set: an object of 100,000 keys must
        // not cost 100,000² comparisons
        let mut seen: Option<HashSet<Cow<'de, str>>> = None;
        while let Some(CowStr(key)) = map.next_key::<CowStr<'de>>()? {
            let value: &'de RawValue = map.next_value()?;
            let duplicate = if entries.len() < SMALL_OBJECT {
                entries.iter().any(|(k, _)| *k == key)
            } else {
                let set =
                    seen.get_or_insert_with(|| entries.iter().map(|(k, _)| k.clone()).collect());
                !set.insert(key.clone())
            };
            if duplicate {
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

/// A single JSON value as text: a string unescaped, a number with its exact digits, a boolean
/// as written, an object as JSON text; `None` for null and for an array.
fn value_text(raw: &RawValue) -> Option<String> {
    let text = raw.get();
    match text.as_bytes().first()? {
        // a string without escapes is its bytes between the quotes (serde_json has checked it
        // while capturing the raw value); only one with escapes is decoded again
        b'"' if text.len() >= 2 && !text.contains('\\') => {
            Some(text[1..text.len() - 1].to_string())
        }
        b'"' => serde_json::from_str::<CowStr<'_>>(text)
            .ok()
            .map(|s| s.0.into_owned()),
        b'n' | b'[' => None,
        _ => Some(text.to_string()),
    }
}

/// A raw JSON value as a field value: an array as the list of its items' texts (items that are
/// null or arrays themselves are left out: this is not recursive, so nesting costs nothing),
/// anything else as one text.
fn raw_to_mapped(raw: &RawValue) -> Option<MappedValue> {
    if raw.get().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(raw.get()).ok()?;
        return Some(MappedValue::Many(
            items.into_iter().filter_map(value_text).collect(),
        ));
    }
    value_text(raw).map(MappedValue::One)
}

impl<'a> LazyObject<'a> {
    /// The raw value of a pointer with one token (`/summary`), as it sits in the record's
    /// bytes; `None` for a deeper pointer or a missing key.
    pub(crate) fn top_level(&self, pointer: &str) -> Option<&'a RawValue> {
        let token = pointer.strip_prefix('/').filter(|t| !t.contains('/'))?;
        self.member(token)
    }

    /// The raw value of the member named by one pointer token (`~1` and `~0` unescaped).
    fn member(&self, token: &str) -> Option<&'a RawValue> {
        let key = unescape_token(token);
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// The value at a JSON pointer (`/authority/name`), decoding only what it needs. `Err` when
    /// the value on the way cannot be decoded (nested deeper than serde_json's limit of 128).
    pub(crate) fn lookup(&self, pointer: &str) -> Result<Option<MappedValue>, String> {
        let Some(rest) = pointer.strip_prefix('/') else {
            return Ok(None);
        };
        let (head, tail) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let Some(raw) = self.member(head) else {
            return Ok(None);
        };
        if tail.is_empty() {
            return Ok(raw_to_mapped(raw));
        }
        lookup_nested(raw, pointer, tail)
    }
}

/// The value at `tail` inside `raw`, for a pointer with more than one token: decoded with
/// serde_json (kept out of line: most mappings name top-level keys).
#[inline(never)]
fn lookup_nested(raw: &RawValue, pointer: &str, tail: &str) -> Result<Option<MappedValue>, String> {
    if !raw.get().starts_with(['{', '[']) {
        return Ok(None);
    }
    let error = |e: serde_json::Error| format!("field {pointer:?} cannot be read: {e}");
    let value: serde_json::Value = serde_json::from_str(raw.get()).map_err(error)?;
    let Some(inner) = value.pointer(tail) else {
        return Ok(None);
    };
    let text = serde_json::to_string(inner).map_err(error)?;
    let raw: Box<RawValue> = RawValue::from_string(text).map_err(error)?;
    Ok(raw_to_mapped(&raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object_of(keys: impl Iterator<Item = String>) -> String {
        let members: Vec<String> = keys.map(|k| format!("\"{k}\":1")).collect();
        format!("{{{}}}", members.join(","))
    }

    #[test]
    fn duplicate_keys_are_found_in_small_and_large_objects() {
        let small = object_of(["a", "b", "a"].iter().map(|k| k.to_string()));
        assert!(serde_json::from_str::<LazyObject<'_>>(&small).is_err());
        // 100,000 keys, the duplicate last: found through the set (a pairwise scan would make
        // 5 * 10^9 comparisons for this one record)
        let keys = (0..100_000)
            .map(|i| format!("k{i}"))
            .chain(std::iter::once("k5".to_string()));
        let large = object_of(keys);
        let error = serde_json::from_str::<LazyObject<'_>>(&large)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("duplicate key \"k5\""), "{error}");
        let distinct = object_of((0..100_000).map(|i| format!("k{i}")));
        let object = serde_json::from_str::<LazyObject<'_>>(&distinct).unwrap();
        assert_eq!(
            object.lookup("/k99999").unwrap(),
            Some(MappedValue::One("1".to_string()))
        );
        // an escaped key equals its unescaped twin
        assert!(serde_json::from_str::<LazyObject<'_>>(r#"{"a":1,"\u0061":2}"#).is_err());
    }

    #[test]
    fn strings_with_and_without_escapes_give_their_text() {
        let object = serde_json::from_str::<LazyObject<'_>>(
            r#"{"a": "Plain — text", "b": "Esc\"aped\u00e9\n", "c": "", "d": 12.50}"#,
        )
        .unwrap();
        let one = |k: &str| object.lookup(k).unwrap();
        assert_eq!(
            one("/a"),
            Some(MappedValue::One("Plain — text".to_string()))
        );
        assert_eq!(
            one("/b"),
            Some(MappedValue::One("Esc\"aped\u{e9}\n".to_string()))
        );
        assert_eq!(one("/c"), Some(MappedValue::One(String::new())));
        assert_eq!(one("/d"), Some(MappedValue::One("12.50".to_string())));
    }

    #[test]
    fn lists_of_lists_are_not_descended_into() {
        let deep = format!(
            "{{\"t\": [\"A\", {}1{}, \"B\"]}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let object = serde_json::from_str::<LazyObject<'_>>(&deep).unwrap();
        assert_eq!(
            object.lookup("/t").unwrap(),
            Some(MappedValue::Many(vec!["A".to_string(), "B".to_string()]))
        );
    }
}
